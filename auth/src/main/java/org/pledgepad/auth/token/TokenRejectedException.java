package org.pledgepad.auth.token;

import java.util.Objects;

/**
 * A token failed verification. The message is the reason code only: it never contains the
 * token or its claims, so the exception may be logged as is.
 */
public final class TokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public enum Reason {
    MALFORMED,
    /** alg "none" (any spelling) or an empty signature. */
    UNSIGNED,
    /** alg is not in the configured allow-list (includes every HMAC alg). */
    ALG_NOT_ALLOWED,
    /** The header has "crit", which we support none of (RFC 7515 section 4.1.11). */
    CRIT_UNSUPPORTED,
    /** The header points at or embeds key material (jwk, jku, x5u, x5c); never trusted. */
    KEY_IN_HEADER,
    /** The "typ" header is not the one expected for this kind of token. */
    WRONG_TYPE,
    KID_MISSING,
    UNKNOWN_KID,
    /** The kid names a key of a different algorithm than the header's alg. */
    ALG_KEY_MISMATCH,
    BAD_SIGNATURE,
    WRONG_ISSUER,
    WRONG_AUDIENCE,
    /** azp present but not our client id, or several audiences without azp (OIDC core 3.1.3.7). */
    WRONG_AUTHORIZED_PARTY,
    EXPIRED,
    NOT_YET_VALID,
    ISSUED_IN_FUTURE,
    LIFETIME_TOO_LONG,
    MISSING_CLAIM,
    INVALID_CLAIM,
    /** Role claim missing, not a string, empty or unknown. */
    INVALID_ROLE,
    NONCE_MISMATCH,
    /** Signed and within its validity, but its jti is on the revocation list. */
    REVOKED
  }

  private final Reason reason;

  public TokenRejectedException(Reason reason) {
    super(Objects.requireNonNull(reason, "reason").name(), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
