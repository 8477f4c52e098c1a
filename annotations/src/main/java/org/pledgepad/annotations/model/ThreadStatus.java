package org.pledgepad.annotations.model;

/** Editors resolve a thread once it is dealt with; resolved threads can be reopened. */
public enum ThreadStatus { OPEN, RESOLVED }
