package org.pledgepad.auth.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Ids;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.StoredUser;
import org.pledgepad.auth.password.UserStore;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.auth.token.VerificationKeyFile;

/**
 * Operator command {@code pledgepad token}: prints a signed access token, e.g. for a bot, a
 * test client or a councillor without an account yet.
 *
 * <pre>
 * pledgepad token --user NAME --role ROLE [--doc NAME] [--ttl 1h] [--body ID]... [--name "Display"]
 *                 [--key FILE] [--issuer ISS] [--audience AUD]
 * </pre>
 *
 * The token alone goes to stdout (so it can be captured with $(...)); messages go to stderr.
 * The key file is created (mode 600) if it does not exist, exactly as the server would.
 * {@code token public-key} prints the public half of a key file (never creating one), for the
 * server's TOKEN_PREVIOUS_KEYS after a rotation.
 */
public final class TokenCommand {
  /** Used when neither --key nor the environment variable is given. */
  public static final String DEFAULT_KEY_FILE = "data/token-signing-key.json";
  public static final String KEY_FILE_ENV = "PLEDGEPAD_TOKEN_KEY";
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  static final String USAGE = "usage: pledgepad token --user NAME --role GUEST|CITIZEN|COUNCILLOR|MODERATOR|ADMIN"
      + " [--doc NAME] [--ttl 1h] [--body ID]... [--name DISPLAY] [--key FILE] [--issuer ISS] [--audience AUD]\n"
      + "       pledgepad token public-key [--key FILE]";

  private TokenCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC(), new SecureRandom(), System.getenv()));
  }

  /**
   * Without a user store: the token's subject is NAME as given (a service or test principal that
   * the server does not find among its accounts). Returns the exit code: 0 success, 1 failure,
   * 2 usage error.
   */
  public static int run(String[] argv, PrintStream out, PrintStream err, Clock clock, SecureRandom random,
      Map<String, String> env) {
    return run(argv, out, err, clock, random, env, null);
  }

  /**
   * With the server's user store: NAME is a login; the token's subject is that account's id, its
   * display name is the account's, the role may not exceed the account's role, and without
   * --body the account's bodies are used. Unknown or disabled accounts are refused.
   */
  public static int run(String[] argv, PrintStream out, PrintStream err, Clock clock, SecureRandom random,
      Map<String, String> env, UserStore store) {
    if (argv.length > 0 && argv[0].equals("public-key")) {
      return publicKey(java.util.Arrays.copyOfRange(argv, 1, argv.length), out, err, env);
    }
    Args args;
    try {
      args = Args.parse(argv, Set.of("user", "role", "doc", "ttl", "body", "name", "key", "issuer", "audience"),
          Set.of("body"), Set.of("help"));
      if (args.flag("help")) {
        out.println(USAGE);
        return 0;
      }
      if (!args.positional().isEmpty()) {
        throw new UsageException("unexpected argument " + args.positional().get(0));
      }
      String user = args.require("user");
      Role role;
      try {
        role = Role.parse(args.require("role"));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--role: " + e.getMessage());
      }
      Set<Body> bodies = new HashSet<>();
      for (String b : args.all("body")) {
        if (!Body.isValid(b)) {
          throw new UsageException("--body " + b + ": lower-case letters, digits and inner hyphens only");
        }
        bodies.add(new Body(b));
      }
      String doc = args.get("doc");
      if (doc != null && !Ids.isDocument(doc)) {
        throw new UsageException("--doc: letters, digits, . _ - only, at most 128 characters");
      }
      Duration ttl = args.get("ttl") == null ? DEFAULT_TTL : Durations.parse(args.get("ttl"));
      AccessTokenSettings defaults = AccessTokenSettings.defaults();
      AccessTokenSettings settings = new AccessTokenSettings(
          orDefault(args.get("issuer"), defaults.issuer()), orDefault(args.get("audience"), defaults.audience()),
          defaults.leeway(), defaults.maxLifetime());
      if (ttl.compareTo(settings.maxLifetime()) > 0) {
        throw new UsageException("--ttl: at most " + settings.maxLifetime().toDays() + "d");
      }
      Principal principal;
      if (store != null) {
        User account = store.findByLogin(user).map(StoredUser::user).orElse(null);
        if (account == null || account.disabled()) {
          err.println("error: no active account with login " + user);
          return 1;
        }
        if (role.compareTo(account.role()) > 0) {
          throw new UsageException("--role " + role + " is above the account's role " + account.role());
        }
        principal = new Principal(account.id(), account.login(), account.displayName(), account.pseudonym(),
            role, args.all("body").isEmpty() ? account.bodies() : bodies, doc);
      } else {
        try {
          principal = new Principal(Ids.requireSubject(user), user, orDefault(args.get("name"), user), false,
              role, bodies, doc);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--user/--name: " + e.getMessage());
        }
      }
      SigningKey key = SigningKeyFile.loadOrCreate(keyFile(args, env), random);
      out.println(new AccessTokenIssuer(key, settings, clock, random).issue(principal, ttl));
      err.println("token for " + user + " (" + role + (doc == null ? "" : ", document " + doc)
          + ") valid for " + ttl + ", key id " + key.kid());
      return 0;
    } catch (UsageException e) {
      return ExitCodes.usage(err, e, USAGE);
    } catch (IOException | RuntimeException e) {
      return ExitCodes.failure(err, e);
    }
  }

  private static int publicKey(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
    try {
      Args args = Args.parse(argv, Set.of("key"), Set.of(), Set.of());
      if (!args.positional().isEmpty()) {
        throw new UsageException("unexpected argument " + args.positional().get(0));
      }
      out.println(VerificationKeyFile.toJson(SigningKeyFile.load(keyFile(args, env)).verificationKey()));
      return 0;
    } catch (UsageException e) {
      return ExitCodes.usage(err, e, USAGE);
    } catch (IOException | RuntimeException e) {
      return ExitCodes.failure(err, e);
    }
  }

  private static Path keyFile(Args args, Map<String, String> env) {
    return Path.of(orDefault(args.get("key"), orDefault(env.get(KEY_FILE_ENV), DEFAULT_KEY_FILE)));
  }

  private static String orDefault(String v, String d) {
    return v == null ? d : v;
  }
}
