package org.pledgepad.auth.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.JwsAlgorithm;

/**
 * Validated OIDC configuration, parsed once at server start.
 *
 * @param issuer         the realm URL, e.g. https://sso.example.de/realms/kassel; compared
 *                       exactly with the discovery document and the "iss" claim
 * @param clientId       this server's client id in Keycloak; must be the ID token's audience
 * @param algorithms     allowed signature algorithms (a subset of RS256, ES256, EdDSA)
 * @param leeway         clock skew tolerated
 * @param maxTokenAge    longest accepted exp - iat of an ID token
 * @param roleMapping    Keycloak realm role -> Pledgepad role (the highest mapped role wins)
 * @param defaultRole    role of a user who has none of the mapped realm roles
 * @param groupPrefix    groups below this path become bodies ("/bodies/" makes group
 *                       "/bodies/committee-digital" the body committee-digital); others are ignored
 * @param allowHttp      accept http:// issuer and JWKS URLs (loopback development only)
 */
public record OidcSettings(URI issuer, String clientId, Set<JwsAlgorithm> algorithms, Duration leeway,
    Duration maxTokenAge, Map<String, Role> roleMapping, Role defaultRole, String groupPrefix,
    boolean allowHttp) {
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_TOKEN_AGE = Duration.ofHours(12);
  public static final String DEFAULT_GROUP_PREFIX = "/bodies/";

  public OidcSettings {
    Objects.requireNonNull(issuer, "oidc.issuer");
    String scheme = issuer.getScheme();
    if (!"https".equals(scheme) && !(allowHttp && "http".equals(scheme) && isLoopback(issuer))) {
      throw new IllegalArgumentException("oidc.issuer must be an https URL (http only for loopback with oidc.allowHttp)");
    }
    if (issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
      throw new IllegalArgumentException("oidc.issuer must not have a query or fragment");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("oidc.clientId is required");
    }
    algorithms = Set.copyOf(EnumSet.copyOf(Objects.requireNonNull(algorithms, "oidc.algorithms")));
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("oidc.algorithms must not be empty");
    }
    if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("oidc.leeway must be between 0 and 5 minutes");
    }
    if (maxTokenAge.isNegative() || maxTokenAge.isZero()) {
      throw new IllegalArgumentException("oidc.maxTokenAge must be positive");
    }
    roleMapping = Map.copyOf(roleMapping);
    Objects.requireNonNull(defaultRole, "oidc.defaultRole");
    Objects.requireNonNull(groupPrefix, "oidc.groupPrefix");
  }

  /**
   * Settings with Keycloak conventions: roles "pledgepad-citizen", "pledgepad-councillor",
   * "pledgepad-moderator", "pledgepad-admin"; unmapped users are guests (least privilege);
   * bodies from groups under /bodies/.
   */
  public static OidcSettings keycloak(URI issuer, String clientId) {
    return keycloak(issuer, clientId, false);
  }

  /** As {@link #keycloak(URI, String)}; {@code allowHttp} for a provider on this machine (development). */
  public static OidcSettings keycloak(URI issuer, String clientId, boolean allowHttp) {
    return new OidcSettings(issuer, clientId, EnumSet.allOf(JwsAlgorithm.class), DEFAULT_LEEWAY,
        DEFAULT_MAX_TOKEN_AGE,
        Map.of("pledgepad-citizen", Role.CITIZEN, "pledgepad-councillor", Role.COUNCILLOR,
            "pledgepad-moderator", Role.MODERATOR, "pledgepad-admin", Role.ADMIN),
        Role.GUEST, DEFAULT_GROUP_PREFIX, allowHttp);
  }

  /** The issuer as the string the "iss" claim must equal. */
  public String issuerString() {
    return issuer.toString();
  }

  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
  }

  /** Used by the mapper: body of a group path, or null if the group is not a body. */
  String bodyOfGroup(String group) {
    if (group == null || !group.startsWith(groupPrefix)) {
      return null;
    }
    String rest = group.substring(groupPrefix.length());
    return Body.isValid(rest) ? rest : null;
  }
}
