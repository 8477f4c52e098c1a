package org.pledgepad.history;

/** A version someone named ("Entwurf für die Fraktion"), stored by the server beside the log. */
public record NamedVersion(long seq, String name, String creator, long timeMillis) {}
