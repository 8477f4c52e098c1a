package org.pledgepad.pledges.succession;

/** What became of a pledge when its document was superseded. */
public enum Fate {
    CARRIED_OVER("übernommen"),
    DROPPED("entfallen"),
    /** Nobody has decided yet; a succession is complete only without these. */
    UNDECIDED("offen");

    private final String label;

    Fate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
