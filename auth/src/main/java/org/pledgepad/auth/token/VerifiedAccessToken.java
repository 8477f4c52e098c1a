package org.pledgepad.auth.token;

import java.time.Instant;
import java.util.Objects;
import org.pledgepad.auth.Principal;

/**
 * An access token that passed every check of {@link AccessTokenVerifier}: the principal it
 * claims (not yet reconciled with any account), its jti and its exp.
 */
public record VerifiedAccessToken(Principal principal, String jti, Instant expiresAt) {
  public VerifiedAccessToken {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
