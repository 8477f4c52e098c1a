package org.pledgepad.auth;

import java.util.Objects;

/**
 * The answer of {@link Authorizer#authorize}. The reason is a stable code that the server may
 * send in a permission-denied message (y-websocket Auth type 0, Hocuspocus Auth type 1) and log;
 * it never contains user input.
 */
public record Decision(boolean allowed, Reason reason) {
  public enum Reason {
    ALLOWED,
    /** The role may never do this in this stage. */
    FORBIDDEN_FOR_ROLE_IN_STAGE,
    /** Only members of the owner body (or listed editors) may do this. */
    NOT_A_MEMBER,
    /** Only members or invited commenters may do this. */
    NOT_A_PARTICIPANT,
    /** The principal's token is restricted to a different document. */
    OTHER_DOCUMENT,
    /** The document was deleted; its name is not opened again by anyone. */
    DOCUMENT_DELETED
  }

  public static final Decision ALLOW = new Decision(true, Reason.ALLOWED);

  public Decision {
    Objects.requireNonNull(reason, "reason");
    if (allowed != (reason == Reason.ALLOWED)) {
      throw new IllegalArgumentException("allowed must match reason");
    }
  }

  public static Decision deny(Reason reason) {
    return new Decision(false, reason);
  }

  /** Stable lower-case code for protocol messages, e.g. "not-a-member". */
  public String code() {
    return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
