package org.pledgepad.auth.password;

import java.util.Objects;
import org.pledgepad.auth.User;

/**
 * A user with credentials, as only the login path sees it.
 *
 * @param passwordHash       Argon2id hash (PHC string); null for accounts that log in via OIDC only
 * @param mustChangePassword the password was generated (one-time) and must be replaced at first login
 */
public record StoredUser(User user, String passwordHash, boolean mustChangePassword) {
  public StoredUser {
    Objects.requireNonNull(user, "user");
  }

  @Override
  public String toString() {
    return "StoredUser[" + user + ", passwordHash=" + (passwordHash == null ? "none" : "(set)")
        + ", mustChangePassword=" + mustChangePassword + "]";
  }
}
