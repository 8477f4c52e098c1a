package org.pledgepad.auth.clientid;

import java.util.Objects;

/**
 * Answer of {@link ClientIdRegistry#admitUpdate}. When rejected, {@code clientId} names the
 * offending client (for the server's log; it is not secret), otherwise it is -1.
 */
public record Verdict(Reason reason, long clientId) {
  public enum Reason {
    ACCEPTED,
    /** The update carries new structs under a clientID bound to another user. */
    OWNED_BY_OTHER_USER,
    /**
     * The document has structs of this clientID but nobody owns it (seeded or imported content):
     * nobody may extend it.
     */
    UNATTRIBUTED_CLIENT,
    /** The update's new structs do not start at the document's next clock for that client. */
    CLOCK_GAP,
    /** The connection already created its allowance of new clientIDs. */
    TOO_MANY_CLIENT_IDS,
    /** The registry of this document is full. */
    REGISTRY_FULL,
    /** The update carries no struct ranges at all (a pure delete set needs no clientID check). */
    EMPTY
  }

  public static final Verdict ACCEPT = new Verdict(Reason.ACCEPTED, -1);

  public Verdict {
    Objects.requireNonNull(reason, "reason");
  }

  public boolean accepted() {
    return reason == Reason.ACCEPTED || reason == Reason.EMPTY;
  }
}
