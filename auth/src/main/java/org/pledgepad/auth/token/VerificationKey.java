package org.pledgepad.auth.token;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key bound to one key id and one algorithm. A token is verified with a key only if the
 * token's "alg" equals the key's algorithm (RFC 8725 section 3.1: the key, not the token, decides
 * the algorithm).
 */
public record VerificationKey(String kid, JwsAlgorithm algorithm, PublicKey key) {
  public VerificationKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
    if (kid.isEmpty() || kid.length() > 200) {
      throw new IllegalArgumentException("kid must be 1-200 characters");
    }
    if (!algorithm.fits(key)) {
      throw new IllegalArgumentException("key does not fit algorithm " + algorithm.jwsName());
    }
  }
}
