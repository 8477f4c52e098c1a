package org.pledgepad.auth.token;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the verification key for a token's "kid". Never consults the token for key material. */
@FunctionalInterface
public interface KeyResolver {
  Optional<VerificationKey> find(String kid);

  /** A fixed set of keys, e.g. the current and the previous signing key during rotation. */
  static KeyResolver of(Collection<VerificationKey> keys) {
    Map<String, VerificationKey> byKid = keys.stream()
        .collect(Collectors.toUnmodifiableMap(VerificationKey::kid, Function.identity()));
    return kid -> Optional.ofNullable(byKid.get(kid));
  }
}
