package org.pledgepad.pledges.model;

/** What sort of political text a pledge document is; the comparison and coverage wording depend on it. */
public enum DocumentKind {
    COALITION_AGREEMENT("Koalitionsvertrag"),
    ELECTION_PROGRAMME("Wahlprogramm"),
    MOTION("Antrag");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    /** German name shown to readers. */
    public String label() {
        return label;
    }
}
