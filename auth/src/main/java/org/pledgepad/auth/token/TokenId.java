package org.pledgepad.auth.token;

import java.time.Instant;
import java.util.Objects;

/**
 * What names one access token on a revocation list: its jti, and its exp, after which the
 * entry is no longer needed.
 */
public record TokenId(String jti, Instant expiresAt) {
  public TokenId {
    if (!TokenIds.isJti(jti)) {
      throw new IllegalArgumentException("invalid jti");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
