package org.pledgepad.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting, as established by a password login, an access token or an OIDC ID token. This
 * is the only identity input of {@link Authorizer#authorize}; the server keeps one per connection
 * and replaces it when the account changes (downgrade, disable).
 *
 * @param subject     stable id: local user id, or "oidc:" + the provider's sub
 * @param login       login name or preferred_username (for display in admin views)
 * @param displayName shown to others
 * @param pseudonym   display name is a pseudonym
 * @param role        general role
 * @param bodies      council groups and committees
 * @param document    if not null, this principal may act on this one document only (a token
 *                    issued with --doc); every other document is denied
 */
public record Principal(String subject, String login, String displayName, boolean pseudonym,
    Role role, Set<Body> bodies, String document) {
  /** Subject used for the anonymous guest; it is never a member or commenter of anything. */
  public static final String ANONYMOUS_SUBJECT = "anonymous";

  public Principal {
    Ids.requireSubject(subject);
    Objects.requireNonNull(login, "login");
    Ids.requireDisplayName(displayName);
    Objects.requireNonNull(role, "role");
    bodies = Set.copyOf(Objects.requireNonNull(bodies, "bodies"));
    if (document != null) {
      Ids.requireDocument(document);
    }
  }

  /** The principal of a connection that presented no credentials. */
  public static Principal anonymous() {
    return new Principal(ANONYMOUS_SUBJECT, "", "Guest", true, Role.GUEST, Set.of(), null);
  }

  public Optional<String> documentRestriction() {
    return Optional.ofNullable(document);
  }

  public boolean isAnonymous() {
    return ANONYMOUS_SUBJECT.equals(subject) && role == Role.GUEST;
  }

  /** The same principal limited to one document. */
  public Principal restrictedTo(String documentName) {
    return new Principal(subject, login, displayName, pseudonym, role, bodies, documentName);
  }
}
