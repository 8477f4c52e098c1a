package org.pledgepad.server.auth;

/** The outcome of {@link AuthHook#authenticate}. */
public sealed interface AuthDecision {
  /**
   * Access granted; {@code readOnly} connections may read, not edit. {@code watch} (may be
   * null) reports later changes of the connection's rights.
   */
  record Allowed(String actor, boolean readOnly, AccessWatch watch) implements AuthDecision {
    public Allowed(String actor, boolean readOnly) {
      this(actor, readOnly, null);
    }
  }

  /** Access refused; the reason is sent to the client, so it must not leak anything. */
  record Denied(String reason) implements AuthDecision {}
}
