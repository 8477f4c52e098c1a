package org.pledgepad.auth.token;

import java.time.Duration;
import java.util.Objects;

/**
 * Validated settings shared by issuer and verifier.
 *
 * @param issuer      "iss", compared exactly (e.g. the public base URL of the server)
 * @param audience    "aud", compared exactly
 * @param leeway      clock skew tolerated for exp, nbf and iat
 * @param maxLifetime longest exp - iat accepted (and issued)
 */
public record AccessTokenSettings(String issuer, String audience, Duration leeway, Duration maxLifetime) {
  public static final String DEFAULT_ISSUER = "pledgepad";
  public static final String DEFAULT_AUDIENCE = "pledgepad";
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);
  public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(30);

  public AccessTokenSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    if (issuer.isBlank() || audience.isBlank()) {
      throw new IllegalArgumentException("token issuer and audience must not be blank");
    }
    if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
      throw new IllegalArgumentException("token leeway must be between 0 and 5 minutes");
    }
    if (maxLifetime.isNegative() || maxLifetime.isZero()) {
      throw new IllegalArgumentException("token max lifetime must be positive");
    }
  }

  public static AccessTokenSettings defaults() {
    return new AccessTokenSettings(DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEFAULT_LEEWAY, DEFAULT_MAX_LIFETIME);
  }
}
