package org.pledgepad.auth.token;

import static org.pledgepad.auth.token.TokenRejectedException.Reason.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Claim checks shared by Pledgepad access tokens and OIDC ID tokens. */
public final class ClaimChecks {
  private ClaimChecks() {}

  /** A required string claim, non-empty. */
  public static String requireString(Map<String, Object> claims, String name) throws TokenRejectedException {
    Object v = claims.get(name);
    if (v == null) {
      throw new TokenRejectedException(MISSING_CLAIM);
    }
    if (!(v instanceof String s) || s.isEmpty()) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
    return s;
  }

  /** An optional string claim: absent gives null, present but not a non-empty string is rejected. */
  public static String optionalString(Map<String, Object> claims, String name) throws TokenRejectedException {
    Object v = claims.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.isEmpty()) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
    return s;
  }

  /** An optional array of strings: absent gives an empty list. */
  public static List<String> stringList(Map<String, Object> claims, String name, int max)
      throws TokenRejectedException {
    Object v = claims.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list) || list.size() > max) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw new TokenRejectedException(INVALID_CLAIM);
      }
      out.add(s);
    }
    return out;
  }

  /** A NumericDate claim: an integer number of seconds; fractions and huge values are rejected. */
  public static Instant numericDate(Map<String, Object> claims, String name, boolean required)
      throws TokenRejectedException {
    Object v = claims.get(name);
    if (v == null) {
      if (required) {
        throw new TokenRejectedException(MISSING_CLAIM);
      }
      return null;
    }
    if (!(v instanceof Long seconds) || seconds < 0 || seconds > 253_402_300_799L) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
    return Instant.ofEpochSecond(seconds);
  }

  /**
   * exp required and not passed (with leeway), iat required and not in the future, nbf (if
   * present) reached, and exp - iat not above {@code maxLifetime} (null: no limit).
   */
  public static void checkTimes(Map<String, Object> claims, Instant now, Duration leeway,
      Duration maxLifetime) throws TokenRejectedException {
    Instant exp = numericDate(claims, "exp", true);
    Instant iat = numericDate(claims, "iat", true);
    Instant nbf = numericDate(claims, "nbf", false);
    if (!now.isBefore(exp.plus(leeway))) {
      throw new TokenRejectedException(EXPIRED);
    }
    if (nbf != null && nbf.isAfter(now.plus(leeway))) {
      throw new TokenRejectedException(NOT_YET_VALID);
    }
    if (iat.isAfter(now.plus(leeway))) {
      throw new TokenRejectedException(ISSUED_IN_FUTURE);
    }
    if (!exp.isAfter(iat)) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
    if (maxLifetime != null && Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
      throw new TokenRejectedException(LIFETIME_TOO_LONG);
    }
  }
}
