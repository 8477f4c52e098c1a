package org.pledgepad.server.access;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.User;
import org.pledgepad.auth.oidc.OidcClaimsMapper;
import org.pledgepad.auth.password.StoredUser;

/**
 * The local account behind an OIDC sign-in (blocking). The provider is the authority for role,
 * bodies and display name, so they are copied from the ID token at every sign-in; the local
 * disabled flag still wins (an admin can lock out a provider account here). Least data: only
 * the provider's subject, a display name (possibly a pseudonym), role and bodies are kept; no
 * e-mail address, no civil name unless the provider sends it as the display name. There is no
 * password: such accounts sign in through the provider only.
 */
final class OidcAccounts {
  /** users.id is at most 128 characters; longer provider subjects are stored hashed. */
  static final int MAX_ID = 128;

  private final SqlUserStore users;

  OidcAccounts(SqlUserStore users) {
    this.users = users;
  }

  /** The linked account, created on first sign-in; empty if it is disabled here. */
  Optional<User> link(Principal fromToken) {
    String id = accountId(fromToken.subject());
    Set<Body> bodies = new HashSet<>(fromToken.bodies());
    bodies.remove(DocumentAccessStore.NO_OWNER); // reserved, never a real membership
    Optional<StoredUser> existing = users.findById(id);
    if (existing.isPresent()) {
      User old = existing.get().user();
      if (old.disabled()) {
        return Optional.empty();
      }
      User updated = new User(id, old.login(), fromToken.displayName(), fromToken.pseudonym(), fromToken.role(),
          bodies, false);
      if (!updated.equals(old)) {
        users.update(updated);
      }
      return Optional.of(updated);
    }
    User created = new User(id, loginFor(id), fromToken.displayName(), fromToken.pseudonym(), fromToken.role(),
        bodies, false);
    users.add(created, null, false);
    return Optional.of(created);
  }

  /** "oidc:" + the provider's sub, or its hash when that would not fit the id column. */
  static String accountId(String mappedSubject) {
    if (mappedSubject.length() <= MAX_ID) {
      return mappedSubject;
    }
    return OidcClaimsMapper.SUBJECT_PREFIX + "#" + OidcPendingLogins.sha256(mappedSubject);
  }

  /**
   * A stable local login that cannot be chosen at the provider (preferred_username can change
   * and may collide with local accounts); the display name is what others see.
   */
  static String loginFor(String accountId) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(accountId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "oidc-" + HexFormat.of().formatHex(digest, 0, 12); // 96 bits: collisions are not a concern
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
