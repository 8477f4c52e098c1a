package org.pledgepad.server.access;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pledgepad.auth.cli.TokenCommand;
import org.pledgepad.auth.cli.TokenRevocationCommand;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.AccessTokenVerifier;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.auth.token.TokenRevoker;
import org.pledgepad.auth.token.VerificationKey;
import org.pledgepad.auth.cli.UserCommand;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.server.config.ConfigException;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;

/**
 * Operator commands of the server jar: {@code token ...}, {@code token revoke|revoked},
 * {@code user add|update|list|disable|enable ...} and {@code body list|name}, run against the same account database (DATA_DIR or
 * DATABASE_URL) and signing key (DATA_DIR/token-signing-key.json unless PLEDGEPAD_TOKEN_KEY) as
 * the server; a token to revoke is checked with the keys the server trusts (its
 * DATA_DIR key and TOKEN_PREVIOUS_KEYS).
 */
public final class LauncherCommands {
  private LauncherCommands() {}

  /** True if {@code args} name a command rather than starting the server. */
  public static boolean isCommand(String[] args) {
    return args.length > 0 && (args[0].equals("token") || args[0].equals("user") || args[0].equals("body"));
  }

  /** Runs the command; returns the exit status (0 ok, 1 failure, 2 usage or configuration). */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    ServerConfig config;
    try {
      config = ConfigLoader.load(env);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try (AccessDb db = AccessDb.forConfig(config)) {
      SqlUserStore users = new SqlUserStore(db);
      if (args[0].equals("body")) {
        return new BodyCommand(new DocumentAccessStore(db), users, out, err).run(rest);
      }
      if (args[0].equals("token") && TokenRevocationCommand.handles(rest)) {
        return revocationCommand(config, db, out, err).run(rest);
      }
      if (args[0].equals("token")) {
        // The server verifies with its own key file only (and TOKEN_PREVIOUS_KEYS): a token signed
        // with another key, which PLEDGEPAD_TOKEN_KEY names for the stand-alone tool, would be
        // printed and then refused by the server with "unknown key id".
        Path serverKey = config.dataDir().resolve(AccessControl.KEY_FILE).toAbsolutePath().normalize();
        String named = env.get(TokenCommand.KEY_FILE_ENV);
        if (named != null && !named.isBlank() && !Path.of(named).toAbsolutePath().normalize().equals(serverKey)) {
          err.println(TokenCommand.KEY_FILE_ENV + " names another key than this server's (DATA_DIR/"
              + AccessControl.KEY_FILE + "), whose tokens the server would refuse; unset it to sign with the server's key");
          return 2;
        }
        Map<String, String> withKey = new HashMap<>(env);
        withKey.put(TokenCommand.KEY_FILE_ENV, serverKey.toString());
        return TokenCommand.run(rest, out, err, Clock.systemUTC(), new SecureRandom(), withKey, users);
      }
      return new UserCommand(users, new PasswordHasher(), out, err, new SecureRandom()).run(rest);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    } catch (java.io.IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static TokenRevocationCommand revocationCommand(ServerConfig config, AccessDb db, PrintStream out,
      PrintStream err) throws java.io.IOException {
    // Only read: revoking must not create a signing key where none is yet (a bare jti needs none).
    Path keyFile = config.dataDir().resolve(AccessControl.KEY_FILE);
    VerificationKey current = Files.exists(keyFile) ? SigningKeyFile.load(keyFile).verificationKey() : null;
    KeyResolver keys = TokenKeys.resolver(current, config.identity().previousTokenKeys());
    Clock clock = Clock.systemUTC();
    AccessTokenSettings settings = AccessTokenSettings.defaults();
    SqlTokenRevocations store = new SqlTokenRevocations(db);
    TokenRevoker revoker = new TokenRevoker(new AccessTokenVerifier(keys, settings, clock), settings, store, clock);
    return new TokenRevocationCommand(revoker, store, clock, operator(System.getProperty("user.name")), out, err);
  }

  /** Who revoked from the command line, as recorded: the operating-system account. */
  static String operator(String osUser) {
    return osUser != null && osUser.matches("[A-Za-z0-9._-]{1,64}") ? "operator:" + osUser : "operator";
  }
}
