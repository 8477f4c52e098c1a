package org.pledgepad.auth.token;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the token revocation list.
 *
 * @param jti       the revoked token's jti
 * @param expiresAt the token's exp (for a bare jti: the latest exp any token valid when it was
 *                  revoked can have); the entry may go some minutes after it ({@link TokenRevoker#purgeBefore})
 * @param revokedAt when it was revoked
 * @param revokedBy who revoked it: the admin's subject, or {@code operator:NAME} for the command line
 */
public record Revocation(String jti, Instant expiresAt, Instant revokedAt, String revokedBy) {
  private static final Pattern BY = Pattern.compile("[\\x21-\\x7e]{1,300}");

  public Revocation {
    if (!TokenIds.isJti(jti)) {
      throw new IllegalArgumentException("invalid jti");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (revokedBy == null || !BY.matcher(revokedBy).matches()) {
      throw new IllegalArgumentException("revokedBy: printable ASCII without spaces, 1-300 characters");
    }
  }
}
