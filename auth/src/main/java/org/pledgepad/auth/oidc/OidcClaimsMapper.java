package org.pledgepad.auth.oidc;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Ids;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.TokenRejectedException;

/**
 * Maps the claims of a validated ID token ({@link IdTokenValidator}) to a {@link Principal}:
 * <ul>
 *   <li>subject = "oidc:" + sub, so provider subjects never collide with local user ids;</li>
 *   <li>role = the highest Pledgepad role among realm_access.roles mapped by
 *       {@link OidcSettings#roleMapping()}, else the default role;</li>
 *   <li>bodies = the groups below {@link OidcSettings#groupPrefix()} with a valid body slug;</li>
 *   <li>login = preferred_username; display name = name, else preferred_username (then marked
 *       as pseudonym, since it is not a civil name).</li>
 * </ul>
 * Unmapped roles, foreign groups and malformed entries are ignored rather than failing the
 * login; a malformed structure (roles not an array) is rejected.
 */
public final class OidcClaimsMapper {
  public static final String SUBJECT_PREFIX = "oidc:";
  private static final int MAX_ENTRIES = 256;

  private final OidcSettings settings;

  public OidcClaimsMapper(OidcSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public Principal map(Map<String, Object> claims) throws TokenRejectedException {
    Object sub = claims.get("sub");
    if (!(sub instanceof String s) || s.isEmpty() || s.length() > 255) {
      throw new TokenRejectedException(TokenRejectedException.Reason.INVALID_CLAIM);
    }
    Role role = settings.defaultRole();
    Object realmAccess = claims.get("realm_access");
    if (realmAccess != null) {
      if (!(realmAccess instanceof Map<?, ?> ra)) {
        throw new TokenRejectedException(TokenRejectedException.Reason.INVALID_CLAIM);
      }
      Object roles = ra.get("roles");
      for (Object r : list(roles)) {
        Role mapped = r instanceof String name ? settings.roleMapping().get(name) : null;
        if (mapped != null && mapped.compareTo(role) > 0) {
          role = mapped;
        }
      }
    }
    Set<Body> bodies = new HashSet<>();
    for (Object g : list(claims.get("groups"))) {
      String body = g instanceof String group ? settings.bodyOfGroup(group) : null;
      if (body != null) {
        bodies.add(new Body(body));
      }
    }
    String username = claims.get("preferred_username") instanceof String u && !u.isBlank() ? u.strip() : null;
    String name = claims.get("name") instanceof String n && !n.isBlank() ? n.strip() : null;
    String display = name != null ? name : username != null ? username : "Anonymous";
    try {
      return new Principal(Ids.requireSubject(SUBJECT_PREFIX + s), username == null ? "" : username,
          Ids.requireDisplayName(truncate(display)), name == null, role, bodies, null);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.INVALID_CLAIM);
    }
  }

  private static List<?> list(Object v) throws TokenRejectedException {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l) || l.size() > MAX_ENTRIES) {
      throw new TokenRejectedException(TokenRejectedException.Reason.INVALID_CLAIM);
    }
    return l;
  }

  private static String truncate(String s) {
    return s.codePointCount(0, s.length()) <= 100 ? s : s.substring(0, s.offsetByCodePoints(0, 100)).strip();
  }
}
