package org.pledgepad.auth;

import java.util.Objects;
import java.util.Set;

/**
 * A local account as stored. The password hash is deliberately not part of this record (see
 * {@link org.pledgepad.auth.password.StoredUser}) so a User can be logged, listed and sent to
 * the client without carrying credentials.
 *
 * @param id          stable identifier, the token subject and the actor in the history
 * @param login       what the person types to log in (lower case)
 * @param displayName shown to others next to edits and comments
 * @param pseudonym   true if the display name is a chosen pseudonym rather than the civil name
 *                    (the client marks it; moderators can still see the account)
 * @param role        the general role
 * @param bodies      council groups and committees the person belongs to
 * @param disabled    a disabled account cannot log in and its tokens are refused by the server
 */
public record User(String id, String login, String displayName, boolean pseudonym, Role role,
    Set<Body> bodies, boolean disabled) {
  public User {
    Ids.requireSubject(id);
    Ids.requireLogin(login);
    Ids.requireDisplayName(displayName);
    Objects.requireNonNull(role, "role");
    bodies = Set.copyOf(Objects.requireNonNull(bodies, "bodies"));
  }

  public User withDisabled(boolean value) {
    return new User(id, login, displayName, pseudonym, role, bodies, value);
  }

  /** The principal this account acts as, without a document restriction. */
  public Principal principal() {
    return new Principal(id, login, displayName, pseudonym, role, bodies, null);
  }
}
