package org.pledgepad.annotations.model;

/** A thread starts either with a comment or with a suggested change of the passage. */
public enum ThreadKind { COMMENT, SUGGESTION }
