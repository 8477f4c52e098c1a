package org.pledgepad.server.testing;

import java.nio.file.Path;

/** An admin access token signed with the key a server created in its DATA_DIR. */
public final class AdminToken {
  private AdminToken() {}

  public static String issue(Path dataDir, String subject) throws Exception {
    org.pledgepad.auth.token.SigningKey key = org.pledgepad.auth.token.SigningKeyFile.load(
        dataDir.resolve(org.pledgepad.server.access.AccessControl.KEY_FILE));
    return new org.pledgepad.auth.token.AccessTokenIssuer(key, org.pledgepad.auth.token.AccessTokenSettings.defaults(),
        java.time.Clock.systemUTC(), new java.security.SecureRandom()).issue(new org.pledgepad.auth.Principal(
            subject, subject, subject, false, org.pledgepad.auth.Role.ADMIN, java.util.Set.of(), null),
        java.time.Duration.ofMinutes(30));
  }
}
