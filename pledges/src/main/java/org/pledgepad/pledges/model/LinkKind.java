package org.pledgepad.pledges.model;

/** How far two linked pledges promise the same thing. */
public enum LinkKind {
    /** The same promise in other words. */
    SAME("gleich"),
    /** One promise covers part of the other. */
    PARTLY("teilweise"),
    /** Same topic, different promise. */
    RELATED("verwandt");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a link of this kind counts as "the pledge is found in the other document" for coverage. */
    public boolean counts() {
        return this != RELATED;
    }
}
