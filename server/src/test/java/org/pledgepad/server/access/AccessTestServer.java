package org.pledgepad.server.access;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.server.testing.ServerHarness;

/**
 * The real server with {@link AccessControl} on a temporary data directory: the demo accounts'
 * one-time passwords are read from the console output, tokens are issued with the server's own
 * key file.
 */
final class AccessTestServer implements AutoCloseable {
  static final String CONSULTATION_DOC = "spd-kassel-2021-digitalisierung";
  static final String DRAFT_DOC = DemoAccess.DEMO_MOTION;

  final ServerHarness harness;
  final AccessControl access;
  /** The demo accounts' one-time passwords, as printed at the first start. */
  final Map<String, String> passwords = new HashMap<>();
  /** Passwords {@link #signIn} set in place of the one-time ones. */
  private final Map<String, String> replaced = new HashMap<>();
  final SigningKey key;

  private AccessTestServer(ServerHarness harness, AccessControl access, String console, SigningKey key) {
    this.harness = harness;
    this.access = access;
    this.key = key;
    Matcher m = Pattern.compile("(?m)^\\s+\\S+\\s+(demo-\\S+)\\s+(\\S+)$").matcher(console);
    while (m.find()) {
      passwords.put(m.group(1), m.group(2));
    }
  }

  static AccessTestServer start(Path dataDir, Map<String, String> env) throws Exception {
    return start(dataDir, env, Duration.ofMillis(200), Clock.systemUTC(), UnaryOperator.identity());
  }

  /** With the given re-check period, clock and token key resolver (e.g. a counting one). */
  static AccessTestServer start(Path dataDir, Map<String, String> env, Duration recheckEvery, Clock clock,
      UnaryOperator<KeyResolver> keyResolvers) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    AccessSettings settings = new AccessSettings(false, recheckEvery, WebSessions.DEFAULT_LIFETIME,
        AccessTokenSettings.defaults(), PasswordHasher.forTests(), clock, new SecureRandom(),
        new PrintStream(console, true, StandardCharsets.UTF_8));
    AccessControl access = new AccessControl(settings, keyResolvers);
    Map<String, String> all = new HashMap<>(env);
    all.put("DATA_DIR", dataDir.toString());
    ServerHarness h = ServerHarness.start(all, access);
    SigningKey key = SigningKeyFile.load(dataDir.resolve(AccessControl.KEY_FILE));
    return new AccessTestServer(h, access, console.toString(StandardCharsets.UTF_8), key);
  }

  /**
   * A session of a demo account that may act: the first sign-in replaces the one-time password
   * (a session on it acts as a guest), later ones use the new password. Tests of the one-time
   * state itself sign in with {@link #passwords} directly.
   */
  synchronized AccessHttp.Browser signIn(AccessHttp http, String login) throws Exception {
    String now = replaced.get(login);
    if (now != null) {
      return http.signIn(login, now);
    }
    String next = "geändert-" + login + "-Passwort";
    AccessHttp.Browser b = http.signInReplacing(login, passwords.get(login), next);
    replaced.put(login, next);
    return b;
  }

  /** A token for the demo account of {@code role} (subject = login for demo accounts). */
  String tokenFor(Role role) {
    String login = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
    Set<Body> bodies = role == Role.COUNCILLOR ? Set.of(org.pledgepad.auth.password.DemoAccounts.DEMO_BODY) : Set.of();
    return issue(new Principal(login, login, "Demo", true, role, bodies, null), Duration.ofMinutes(10));
  }

  String issue(Principal p, Duration ttl) {
    return new AccessTokenIssuer(key, AccessTokenSettings.defaults(), Clock.systemUTC(), new SecureRandom()).issue(p, ttl);
  }

  /** Moves a document to {@code stage} in the store (as an admin's stage change would). */
  void setStage(String document, org.pledgepad.server.store.DocumentStage stage) {
    org.pledgepad.server.store.DocumentStore store = access.documentStore();
    org.pledgepad.server.store.DocumentInfo d = org.pledgepad.server.testing.Await.result(store.document(document)).orElseThrow();
    org.pledgepad.server.testing.Await.result(store.putDocument(document, d.title(), d.kind(), stage));
  }

  @Override
  public void close() {
    harness.close();
  }
}
