package org.pledgepad.auth.password;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;

/**
 * Creates one demo account per role (login "demo-" + role in lower case) with a random one-time
 * password that the caller prints once; nothing is written to logs here. Councillors belong to
 * {@link #DEMO_BODY}, so a demo document owned by it is editable by demo-councillor.
 */
public final class DemoAccounts {
  public static final Body DEMO_BODY = new Body("demo-council");

  /** A created account and its one-time password (shown to the operator once). */
  public record Created(User user, String oneTimePassword) {
    @Override
    public String toString() {
      return "Created[" + user.login() + ", password=(hidden)]";
    }
  }

  private DemoAccounts() {}

  /**
   * Creates the accounts that do not exist yet (an existing login is left alone, so re-running
   * never resets a password someone already changed).
   */
  public static List<Created> create(UserStore store, PasswordHasher hasher, SecureRandom random) {
    List<Created> created = new ArrayList<>();
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase(Locale.ROOT);
      String login = "demo-" + name;
      if (store.findByLogin(login).isPresent()) {
        continue;
      }
      Set<Body> bodies = role == Role.COUNCILLOR ? Set.of(DEMO_BODY) : Set.of();
      String display = "Demo " + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
      User user = new User(login, login, display, true, role, bodies, false);
      String password = OneTimePasswords.generate(random);
      store.add(user, hasher.hash(password), true);
      created.add(new Created(user, password));
    }
    return created;
  }
}
