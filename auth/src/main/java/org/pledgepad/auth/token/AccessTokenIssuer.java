package org.pledgepad.auth.token;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Principal;

/**
 * Issues Pledgepad access tokens: EdDSA-signed JWTs with typ "JWT", the signing key's kid, and
 * the claims iss, aud, sub, name, role, bodies, optional doc, iat, nbf, exp and a random jti.
 */
public final class AccessTokenIssuer {
  private final SigningKey key;
  private final AccessTokenSettings settings;
  private final Clock clock;
  private final SecureRandom random;

  public AccessTokenIssuer(SigningKey key, AccessTokenSettings settings, Clock clock, SecureRandom random) {
    this.key = Objects.requireNonNull(key, "key");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A token acting as {@code principal} (including its document restriction, if any) for
   * {@code ttl}, which must be positive and within the configured maximum lifetime.
   */
  public String issue(Principal principal, Duration ttl) {
    Objects.requireNonNull(principal, "principal");
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(settings.maxLifetime()) > 0) {
      throw new IllegalArgumentException("ttl must be positive and at most " + settings.maxLifetime());
    }
    if (principal.isAnonymous()) {
      throw new IllegalArgumentException("no tokens for the anonymous principal");
    }
    long now = clock.instant().getEpochSecond();
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    JsonArray bodies = new JsonArray();
    principal.bodies().stream().map(Body::id).sorted().forEach(bodies::add);
    JsonObject claims = new JsonObject()
        .put("iss", settings.issuer())
        .put("aud", settings.audience())
        .put("sub", principal.subject())
        .put("name", principal.displayName())
        .put("role", principal.role().name())
        .put("bodies", bodies)
        .put("iat", now)
        .put("nbf", now)
        .put("exp", now + ttl.toSeconds())
        .put("jti", Base64Url.encode(jti));
    if (principal.document() != null) {
      claims.put("doc", principal.document());
    }
    JsonObject header = new JsonObject().put("alg", key.algorithm().jwsName()).put("typ", "JWT").put("kid", key.kid());
    String signingInput = b64(header) + "." + b64(claims);
    return signingInput + "." + Base64Url.encode(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String b64(JsonObject json) {
    return Base64Url.encode(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
