package org.pledgepad.server.access;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.server.config.ConfigException;

/**
 * Settings of the access layer that the server configuration does not carry.
 *
 * @param cookieSecure  mark the session cookie Secure (set COOKIE_SECURE=true behind TLS)
 * @param recheckEvery  how often open connections are re-authorized against current accounts
 * @param console       where the demo accounts' one-time passwords are printed once (stdout)
 */
public record AccessSettings(boolean cookieSecure, Duration recheckEvery, Duration sessionLifetime,
    AccessTokenSettings tokens, PasswordHasher hasher, Clock clock, SecureRandom random, PrintStream console) {
  public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(2);

  /** Production settings; COOKIE_SECURE must be "true" or "false" if set. */
  public static AccessSettings fromEnvironment(Map<String, String> env) {
    String secure = env.getOrDefault("COOKIE_SECURE", "false");
    if (!secure.equals("true") && !secure.equals("false")) {
      throw new ConfigException("COOKIE_SECURE", "must be true or false");
    }
    return new AccessSettings(Boolean.parseBoolean(secure), DEFAULT_RECHECK, WebSessions.DEFAULT_LIFETIME,
        AccessTokenSettings.defaults(), new PasswordHasher(), Clock.systemUTC(), new SecureRandom(), System.out);
  }
}
