package org.pledgepad.server.access;

import java.time.Instant;
import java.util.Objects;
import org.pledgepad.auth.Principal;

/**
 * An access token whose signature and claims were checked once. Neither can change afterwards,
 * so an open connection keeps this instead of verifying the token again on every re-check (an
 * Ed25519 verification per connection per tick blocked the event loop with ~900 connections).
 * What can change is the time, the account and the revocation list: the re-check compares
 * {@link #usableUntil} with the clock, looks {@link #jti} up in the list and reconciles
 * {@link #claimed} with the current account.
 *
 * @param claimed     the principal the token claims (not yet reconciled with any account)
 * @param jti         its id on the revocation list, looked up at every use and re-check
 * @param usableUntil {@code exp} plus the verifier's leeway: from this instant on the verifier
 *                    would reject the token as expired
 */
record VerifiedToken(Principal claimed, String jti, Instant usableUntil) {
  VerifiedToken {
    Objects.requireNonNull(claimed, "claimed");
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(usableUntil, "usableUntil");
  }

  /** Same rule as the verifier's exp check: rejected once {@code now} reaches exp + leeway. */
  boolean expiredAt(Instant now) {
    return !now.isBefore(usableUntil);
  }
}
