package org.pledgepad.auth.oidc;

import static org.pledgepad.auth.token.TokenRejectedException.Reason.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pledgepad.auth.token.ClaimChecks;
import org.pledgepad.auth.token.JwsVerifier;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.TokenRejectedException;

/**
 * Validates an OIDC ID token (OpenID Connect Core 1.0, section 3.1.3.7) with keys from the
 * provider's JWKS: allowed algorithm matching the key, iss equal to the discovered issuer, aud
 * containing our client id (and azp equal to it when present or when there are several
 * audiences), exp/iat/nbf with leeway, bounded age, nonce when one was sent, and Keycloak's
 * "typ" claim, when present, equal to "ID" (so an access token cannot pose as an ID token).
 */
public final class IdTokenValidator {
  private final OidcSettings settings;
  private final JwsVerifier jws;
  private final Clock clock;

  public IdTokenValidator(OidcSettings settings, KeyResolver keys, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Keycloak puts typ "JWT" in the header; other providers omit it.
    this.jws = new JwsVerifier(settings.algorithms(), keys, Set.of("JWT"), false);
  }

  /**
   * Returns the validated claims.
   *
   * @param expectedNonce the nonce sent in the authorization request, or null if none was sent
   */
  public Map<String, Object> validate(String idToken, String expectedNonce) throws TokenRejectedException {
    Map<String, Object> c = jws.verify(idToken).claims();
    if (!settings.issuerString().equals(c.get("iss"))) {
      throw new TokenRejectedException(WRONG_ISSUER);
    }
    Object aud = c.get("aud");
    List<?> audiences;
    if (aud instanceof String s) {
      audiences = List.of(s);
    } else if (aud instanceof List<?> l && !l.isEmpty()) {
      audiences = l;
    } else {
      throw new TokenRejectedException(WRONG_AUDIENCE);
    }
    if (!audiences.contains(settings.clientId())) {
      throw new TokenRejectedException(WRONG_AUDIENCE);
    }
    Object azp = c.get("azp");
    if ((azp != null || audiences.size() > 1) && !settings.clientId().equals(azp)) {
      throw new TokenRejectedException(WRONG_AUTHORIZED_PARTY);
    }
    ClaimChecks.checkTimes(c, clock.instant(), settings.leeway(), settings.maxTokenAge());
    ClaimChecks.requireString(c, "sub");
    Object typ = c.get("typ");
    if (typ != null && !"ID".equals(typ)) {
      throw new TokenRejectedException(WRONG_TYPE);
    }
    if (expectedNonce != null) {
      Object nonce = c.get("nonce");
      if (!(nonce instanceof String n) || !MessageDigest.isEqual(
          n.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
        throw new TokenRejectedException(NONCE_MISMATCH);
      }
    }
    return c;
  }
}
