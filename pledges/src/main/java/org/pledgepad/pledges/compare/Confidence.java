package org.pledgepad.pledges.compare;

/** How sure a suggestion is, in the words shown to readers. Ordered from weakest to strongest. */
public enum Confidence {
    NIEDRIG("niedrig"),
    MITTEL("mittel"),
    HOCH("hoch");

    private final String label;

    Confidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(Confidence other) {
        return compareTo(other) >= 0;
    }
}
