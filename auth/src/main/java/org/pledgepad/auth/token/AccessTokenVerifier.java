package org.pledgepad.auth.token;

import static org.pledgepad.auth.token.TokenRejectedException.Reason.*;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Ids;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;

/**
 * Verifies Pledgepad access tokens and turns them into a {@link Principal}. Only EdDSA is
 * allowed, typ must be "JWT", iss and aud must equal the configured strings exactly (aud as a
 * single string), exp/iat are required, nbf honoured, lifetime capped, the role claim must
 * name a role exactly, and jti is required ({@link TokenIds#isJti}): a token without one could
 * not be revoked, and every token the issuer made has had one.
 *
 * <p>The token says who the subject was when it was issued. The server must still check that
 * the account exists and is not disabled (and use the account's current role if lower) before
 * trusting it for a connection.
 */
public final class AccessTokenVerifier {
  private static final int MAX_BODIES = 64;

  private final JwsVerifier jws;
  private final AccessTokenSettings settings;
  private final Clock clock;

  public AccessTokenVerifier(KeyResolver keys, AccessTokenSettings settings, Clock clock) {
    this.jws = new JwsVerifier(EnumSet.of(JwsAlgorithm.EdDSA), keys, Set.of("JWT"), true);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Principal verify(String token) throws TokenRejectedException {
    return verifyToken(token).principal();
  }

  /** As {@link #verify}, with the token's jti and exp (what a revocation list needs). */
  public VerifiedAccessToken verifyToken(String token) throws TokenRejectedException {
    Map<String, Object> c = signedClaims(token);
    ClaimChecks.checkTimes(c, clock.instant(), settings.leeway(), settings.maxLifetime());
    TokenId tokenId = identify(c);
    String sub = ClaimChecks.requireString(c, "sub");
    Object roleClaim = c.get("role");
    Role role;
    try {
      role = Role.parse(roleClaim instanceof String s ? s : null);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(INVALID_ROLE);
    }
    List<String> bodyIds = ClaimChecks.stringList(c, "bodies", MAX_BODIES);
    Set<Body> bodies = new HashSet<>();
    for (String id : bodyIds) {
      if (!Body.isValid(id)) {
        throw new TokenRejectedException(INVALID_CLAIM);
      }
      bodies.add(new Body(id));
    }
    String doc = ClaimChecks.optionalString(c, "doc");
    if (doc != null && !Ids.isDocument(doc)) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
    String name = ClaimChecks.optionalString(c, "name");
    try {
      Ids.requireSubject(sub);
      String display = Ids.requireDisplayName(name != null ? name : sub);
      return new VerifiedAccessToken(new Principal(sub, sub, display, false, role, bodies, doc),
          tokenId.jti(), tokenId.expiresAt());
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
  }

  /**
   * The jti and exp of a token signed by one of our keys for our issuer and audience, whatever
   * its times say: for revoking it (an expired token needs no revocation, the caller decides).
   */
  public TokenId identify(String token) throws TokenRejectedException {
    return identify(signedClaims(token));
  }

  private Map<String, Object> signedClaims(String token) throws TokenRejectedException {
    Map<String, Object> c = jws.verify(token).claims();
    if (!settings.issuer().equals(c.get("iss"))) {
      throw new TokenRejectedException(WRONG_ISSUER);
    }
    if (!settings.audience().equals(c.get("aud"))) {
      throw new TokenRejectedException(WRONG_AUDIENCE);
    }
    return c;
  }

  private static TokenId identify(Map<String, Object> c) throws TokenRejectedException {
    String jti = ClaimChecks.requireString(c, "jti");
    if (!TokenIds.isJti(jti)) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
    return new TokenId(jti, ClaimChecks.numericDate(c, "exp", true));
  }
}
