package org.pledgepad.server.auth;

/** The outcome of {@link AuthHook#authenticate}. */
public sealed interface AuthDecision {
  /** Access granted; {@code readOnly} connections may read and show presence, not edit. */
  record Allowed(String actor, boolean readOnly) implements AuthDecision {}

  /** Access refused; the reason is sent to the client, so it must not leak anything. */
  record Denied(String reason) implements AuthDecision {}
}
