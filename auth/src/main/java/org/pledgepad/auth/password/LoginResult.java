package org.pledgepad.auth.password;

import java.time.Duration;
import org.pledgepad.auth.Principal;

/**
 * Outcome of {@link LoginService#login}. Unknown login, wrong password and disabled account are
 * one outcome ({@link Rejected}) so the response cannot be used to discover accounts.
 */
public sealed interface LoginResult {
  /** Logged in; if {@code mustChangePassword}, the client must show the change-password form first. */
  record Success(Principal principal, boolean mustChangePassword) implements LoginResult {}

  /** Wrong credentials (or unknown or disabled account). */
  record Rejected() implements LoginResult {}

  /** Too many failures; tell the client to wait (HTTP 429 with Retry-After). */
  record Throttled(Duration retryAfter) implements LoginResult {}
}
