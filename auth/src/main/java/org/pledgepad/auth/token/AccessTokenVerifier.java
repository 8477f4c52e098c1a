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
 * single string), exp/iat are required, nbf honoured, lifetime capped, and the role claim must
 * name a role exactly.
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
    Map<String, Object> c = jws.verify(token).claims();
    if (!settings.issuer().equals(c.get("iss"))) {
      throw new TokenRejectedException(WRONG_ISSUER);
    }
    if (!settings.audience().equals(c.get("aud"))) {
      throw new TokenRejectedException(WRONG_AUDIENCE);
    }
    ClaimChecks.checkTimes(c, clock.instant(), settings.leeway(), settings.maxLifetime());
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
      return new Principal(sub, sub, display, false, role, bodies, doc);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(INVALID_CLAIM);
    }
  }
}
