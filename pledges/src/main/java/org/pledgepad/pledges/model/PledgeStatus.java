package org.pledgepad.pledges.model;

import java.util.Arrays;

/** Implementation state of a pledge, with the German labels used in the interface and in exports. */
public enum PledgeStatus {
    OFFEN("offen"),
    IN_ARBEIT("in Arbeit"),
    TEILWEISE_UMGESETZT("teilweise umgesetzt"),
    UMGESETZT("umgesetzt"),
    VERWORFEN("verworfen");

    private final String label;

    PledgeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses either the constant name or the German label (case-insensitive). */
    public static PledgeStatus parse(String text) {
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(text) || s.label.equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pledge status: " + text));
    }
}
