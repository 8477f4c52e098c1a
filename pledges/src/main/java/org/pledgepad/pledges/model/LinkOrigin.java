package org.pledgepad.pledges.model;

/** Who made a link: a person by hand, or a person confirming a machine suggestion. Never the machine alone. */
public enum LinkOrigin {
    MANUAL,
    SUGGESTION_CONFIRMED
}
