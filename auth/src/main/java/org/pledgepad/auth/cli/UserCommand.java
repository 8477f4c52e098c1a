package org.pledgepad.auth.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Ids;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.OneTimePasswords;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.auth.password.StoredUser;
import org.pledgepad.auth.password.UserStore;
import org.pledgepad.auth.token.Base64Url;

/**
 * Operator command {@code pledgepad user}, run by the server jar's launcher against the server's
 * user store:
 *
 * <pre>
 * pledgepad user add LOGIN --role ROLE [--name DISPLAY] [--body ID]... [--pseudonym]
 * pledgepad user update LOGIN [--role ROLE] [--name DISPLAY] [--body ID]... [--no-body]
 * pledgepad user list
 * pledgepad user disable LOGIN
 * pledgepad user enable LOGIN
 * pledgepad user reset-password LOGIN
 * </pre>
 *
 * {@code add} generates a one-time password and prints it once; it is never logged or stored in
 * clear, and the user must change it at first login. {@code reset-password} does the same for an
 * existing account (a forgotten or exposed password): the old password stops working at once, and
 * the server treats the account's open sessions as guests until the new one-time password has
 * been replaced.
 */
public final class UserCommand {
  static final String USAGE = String.join("\n",
      "usage: pledgepad user add LOGIN --role ROLE [--name DISPLAY] [--body ID]... [--pseudonym]",
      "       pledgepad user update LOGIN [--role ROLE] [--name DISPLAY] [--body ID]... [--no-body]",
      "       pledgepad user list",
      "       pledgepad user disable LOGIN",
      "       pledgepad user enable LOGIN",
      "       pledgepad user reset-password LOGIN");

  private final UserStore store;
  private final PasswordHasher hasher;
  private final PrintStream out;
  private final PrintStream err;
  private final SecureRandom random;

  public UserCommand(UserStore store, PasswordHasher hasher, PrintStream out, PrintStream err, SecureRandom random) {
    this.store = Objects.requireNonNull(store, "store");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Returns the exit code: 0 success, 1 failure, 2 usage error. Arguments exclude the word "user". */
  public int run(String[] argv) {
    try {
      Args args = Args.parse(argv, Set.of("role", "name", "body"), Set.of("body"), Set.of("pseudonym", "no-body", "help"));
      if (args.flag("help")) {
        out.println(USAGE);
        return 0;
      }
      if (args.positional().isEmpty()) {
        throw new UsageException("missing subcommand");
      }
      String sub = args.positional().get(0);
      return switch (sub) {
        case "add" -> add(args);
        case "update" -> update(args);
        case "list" -> list(args);
        case "disable" -> setDisabled(args, true);
        case "enable" -> setDisabled(args, false);
        case "reset-password" -> resetPassword(args);
        default -> throw new UsageException("unknown subcommand " + sub);
      };
    } catch (UsageException e) {
      return ExitCodes.usage(err, e, USAGE);
    } catch (RuntimeException e) {
      return ExitCodes.failure(err, e);
    }
  }

  private String login(Args args) throws UsageException {
    if (args.positional().size() != 2) {
      throw new UsageException("expected exactly one LOGIN");
    }
    String login = args.positional().get(1);
    if (!Ids.isLogin(login)) {
      throw new UsageException("LOGIN: lower-case letters, digits, . _ -, 2-64 characters");
    }
    return login;
  }

  private static Role role(String value) throws UsageException {
    try {
      return Role.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--role: " + e.getMessage());
    }
  }

  private static Set<Body> bodies(Args args) throws UsageException {
    Set<Body> bodies = new HashSet<>();
    for (String b : args.all("body")) {
      if (!Body.isValid(b)) {
        throw new UsageException("--body " + b + ": lower-case letters, digits and inner hyphens only");
      }
      bodies.add(new Body(b));
    }
    return bodies;
  }

  /**
   * Changes what is given: the role, the display name, the bodies (--body replaces them all,
   * --no-body leaves none). A running server applies it at its next access re-check (every 2 s),
   * also to the account's open connections.
   */
  private int update(Args args) throws UsageException {
    String login = login(args);
    if (args.flag("no-body") && !args.all("body").isEmpty()) {
      throw new UsageException("--no-body and --body exclude each other");
    }
    if (args.flag("pseudonym")) {
      throw new UsageException("--pseudonym is the person's own choice; update does not set it");
    }
    if (args.get("role") == null && args.get("name") == null && args.all("body").isEmpty() && !args.flag("no-body")) {
      throw new UsageException("nothing to change: give --role, --name, --body or --no-body");
    }
    StoredUser found = store.findByLogin(login).orElse(null);
    if (found == null) {
      err.println("error: no user " + login);
      return 1;
    }
    User u = found.user();
    Role role = args.get("role") == null ? u.role() : role(args.get("role"));
    Set<Body> bodies = args.flag("no-body") ? Set.of() : args.all("body").isEmpty() ? u.bodies() : bodies(args);
    User next;
    try {
      next = new User(u.id(), u.login(), args.get("name") == null ? u.displayName() : args.get("name"),
          u.pseudonym(), role, bodies, u.disabled());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--name: " + e.getMessage());
    }
    if (!store.update(next)) {
      err.println("error: no user " + login);
      return 1;
    }
    String list = bodies.stream().map(Body::id).sorted().collect(Collectors.joining(","));
    out.println("updated " + login + " (" + role + ", bodies " + (list.isEmpty() ? "-" : list) + ")");
    return 0;
  }

  private int add(Args args) throws UsageException {
    String login = login(args);
    Role role = role(args.require("role"));
    Set<Body> bodies = bodies(args);
    String name = args.get("name") == null ? login : args.get("name");
    byte[] id = new byte[12];
    random.nextBytes(id);
    User user;
    try {
      user = new User("u-" + Base64Url.encode(id), login, name, args.flag("pseudonym"), role, bodies, false);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--name: " + e.getMessage());
    }
    String password = OneTimePasswords.generate(random);
    try {
      store.add(user, hasher.hash(password), true);
    } catch (UserStore.DuplicateUserException e) {
      err.println("error: login " + login + " exists already");
      return 1;
    }
    out.println("created " + login + " (" + role + ", id " + user.id() + ")");
    out.println("one-time password: " + password);
    out.println("The password is shown only now; it must be changed at first login.");
    return 0;
  }

  private int list(Args args) throws UsageException {
    if (args.positional().size() != 1) {
      throw new UsageException("list takes no arguments");
    }
    out.printf(Locale.ROOT, "%-24s %-10s %-8s %-30s %s%n", "LOGIN", "ROLE", "STATE", "BODIES", "NAME");
    for (User u : store.list()) {
      String bodies = u.bodies().stream().map(Body::id).sorted().collect(Collectors.joining(","));
      out.printf(Locale.ROOT, "%-24s %-10s %-8s %-30s %s%s%n", u.login(), u.role(),
          u.disabled() ? "disabled" : "active", bodies.isEmpty() ? "-" : bodies, u.displayName(),
          u.pseudonym() ? " (pseudonym)" : "");
    }
    return 0;
  }

  private int resetPassword(Args args) throws UsageException {
    String login = login(args);
    StoredUser found = store.findByLogin(login).orElse(null);
    String password = OneTimePasswords.generate(random);
    if (found == null || !store.setPassword(found.user().id(), hasher.hash(password), true)) {
      err.println("error: no user " + login);
      return 1;
    }
    out.println("new one-time password for " + login + ": " + password);
    out.println("The password is shown only now; it must be changed at the next login.");
    return 0;
  }

  private int setDisabled(Args args, boolean disabled) throws UsageException {
    String login = login(args);
    StoredUser found = store.findByLogin(login).orElse(null);
    if (found == null || !store.setDisabled(found.user().id(), disabled)) {
      err.println("error: no user " + login);
      return 1;
    }
    out.println((disabled ? "disabled " : "enabled ") + login);
    return 0;
  }
}
