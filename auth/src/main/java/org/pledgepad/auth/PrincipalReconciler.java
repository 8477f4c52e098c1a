package org.pledgepad.auth;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Combines what a token claims with what the account is now. A token is a snapshot taken when
 * it was issued; an account may since have been disabled, downgraded or removed from a body.
 * The server calls this when a connection authenticates and again whenever the account changes
 * (or periodically), and replaces the connection's principal with the result, so that the next
 * message is authorized with current rights.
 */
public final class PrincipalReconciler {
  private PrincipalReconciler() {}

  /**
   * @param claimed the principal from a token (its subject is the account id)
   * @param current the account as stored now, if it exists
   * @return the principal to use: the lower of both roles, only bodies present in both, the
   *         token's document restriction kept, the account's current display name; empty if the
   *         account does not exist or is disabled
   */
  public static Optional<Principal> reconcile(Principal claimed, Optional<User> current) {
    if (current.isEmpty() || current.get().disabled() || !current.get().id().equals(claimed.subject())) {
      return Optional.empty();
    }
    User user = current.get();
    Role role = claimed.role().compareTo(user.role()) <= 0 ? claimed.role() : user.role();
    Set<Body> bodies = new HashSet<>(claimed.bodies());
    bodies.retainAll(user.bodies());
    return Optional.of(new Principal(user.id(), user.login(), user.displayName(), user.pseudonym(), role,
        bodies, claimed.document()));
  }
}
