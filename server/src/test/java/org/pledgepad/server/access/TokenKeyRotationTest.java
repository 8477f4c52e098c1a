package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.Base64Url;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.auth.token.VerificationKeyFile;

/**
 * Key rotation: a token signed with the previous signing key is honoured while that key's
 * public half is named in TOKEN_PREVIOUS_KEYS (as a public-key file or the old signing-key file),
 * and refused without it; new tokens are signed with the current key only.
 */
class TokenKeyRotationTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path dir;

  private static String citizenToken(SigningKey key) {
    return new AccessTokenIssuer(key, AccessTokenSettings.defaults(), Clock.systemUTC(), RANDOM).issue(
        new Principal("demo-citizen", "demo-citizen", "Demo", true, Role.CITIZEN, Set.of(), null), Duration.ofMinutes(10));
  }

  private static HttpResponse<String> me(AccessTestServer server, String token) throws Exception {
    return new AccessHttp(server.harness.httpBase()).send("GET", "/api/me", null, "Authorization", "Bearer " + token);
  }

  private static String kid(String token) {
    String header = new String(Base64Url.decodeOrNull(token.substring(0, token.indexOf('.'))));
    return new JsonObject(header).getString("kid");
  }

  @Test
  void aTokenOfThePreviousKeyVerifiesWhileItsPublicKeyIsConfiguredAndNotOtherwise() throws Exception {
    SigningKey previous = SigningKey.generate(RANDOM);
    Path pub = dir.resolve("previous.pub.json");
    Files.writeString(pub, VerificationKeyFile.toJson(previous.verificationKey()));
    String old = citizenToken(previous);
    Path data = dir.resolve("data");

    try (AccessTestServer server = AccessTestServer.start(data, Map.of())) {
      assertThat(me(server, old).statusCode()).as("an unknown key without the setting").isEqualTo(401);
    }
    try (AccessTestServer server = AccessTestServer.start(data, Map.of("TOKEN_PREVIOUS_KEYS", pub.toString()))) {
      HttpResponse<String> r = me(server, old);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getString("role")).isEqualTo("citizen");
      String fresh = server.tokenFor(Role.CITIZEN);
      assertThat(kid(fresh)).isEqualTo(server.key.kid()).isNotEqualTo(previous.kid());
      assertThat(me(server, fresh).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theEarlierSigningKeyFileItselfServesAsAPreviousKey() throws Exception {
    SigningKey previous = SigningKey.generate(RANDOM);
    Path file = dir.resolve("token-signing-key.2026-11.json");
    Files.writeString(file, previous.toJson());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    try (AccessTestServer server = AccessTestServer.start(dir.resolve("data"),
        Map.of("TOKEN_PREVIOUS_KEYS", file.toString()))) {
      assertThat(me(server, citizenToken(previous)).statusCode()).isEqualTo(200);
    }
  }
}
