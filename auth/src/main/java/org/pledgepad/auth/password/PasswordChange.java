package org.pledgepad.auth.password;

import java.time.Duration;

/**
 * Outcome of {@link LoginService#changePassword}. Throttled is its own outcome: answering it
 * like a wrong old password told people who typed the right one that it was wrong.
 */
public sealed interface PasswordChange {
  /** Changed; the one-time state is over. */
  record Changed() implements PasswordChange {}

  /** Wrong old password, or the account is unknown, disabled or has no password. */
  record Rejected() implements PasswordChange {}

  /**
   * The old password was right, but the new one is easy to guess ({@link PasswordStrength});
   * nothing changed, and it is not counted as a failure.
   */
  record TooGuessable(PasswordStrength.Reason reason) implements PasswordChange {}

  /** Too many failures for this account or address; nothing was checked (HTTP 429 with Retry-After). */
  record Throttled(Duration retryAfter) implements PasswordChange {}
}
