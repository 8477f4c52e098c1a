package org.pledgepad.server.access;

import java.time.Instant;
import java.util.Objects;
import org.pledgepad.auth.Principal;

/**
 * An access token whose signature and claims were checked once. Neither can change afterwards,
 * so an open connection keeps this instead of verifying the token again on every re-check (an
 * Ed25519 verification per connection per tick blocked the event loop with ~900 connections).
 * What can change is the time and the account: the re-check compares {@link #usableUntil} with
 * the clock and reconciles {@link #claimed} with the current account.
 *
 * @param claimed     the principal the token claims (not yet reconciled with any account)
 * @param usableUntil {@code exp} plus the verifier's leeway: from this instant on the verifier
 *                    would reject the token as expired
 */
record VerifiedToken(Principal claimed, Instant usableUntil) {
  VerifiedToken {
    Objects.requireNonNull(claimed, "claimed");
    Objects.requireNonNull(usableUntil, "usableUntil");
  }

  /** Same rule as the verifier's exp check: rejected once {@code now} reaches exp + leeway. */
  boolean expiredAt(Instant now) {
    return !now.isBefore(usableUntil);
  }
}
