package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.token.SigningKeyFile;

/**
 * The server jar's {@code token} signs with the key the server verifies with. PLEDGEPAD_TOKEN_KEY
 * chose the key of the stand-alone tool and was honoured here too: the token was printed, and the
 * server refused it as signed by an unknown key.
 */
class LauncherTokenKeyTest {
  @TempDir
  Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return LauncherCommands.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aTokenKeyOtherThanTheServersIsRefusedAndTheServersOwnIsUsed() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());
    assertThat(run(env, "user", "add", "bot", "--role", "COUNCILLOR")).as(err.toString()).isZero();

    Path elsewhere = dataDir.resolveSibling(dataDir.getFileName() + "-other-key.json");
    Map<String, String> withOther = Map.of("DATA_DIR", dataDir.toString(), "PLEDGEPAD_TOKEN_KEY", elsewhere.toString());
    assertThat(run(withOther, "token", "--user", "bot", "--role", "COUNCILLOR")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("PLEDGEPAD_TOKEN_KEY");
    assertThat(out.size()).as("no token printed").isZero();
    assertThat(elsewhere).doesNotExist();

    Path serverKey = dataDir.resolve(AccessControl.KEY_FILE);
    for (Map<String, String> ok : java.util.List.of(env,
        Map.of("DATA_DIR", dataDir.toString(), "PLEDGEPAD_TOKEN_KEY", serverKey.toString()))) {
      assertThat(run(ok, "token", "--user", "bot", "--role", "COUNCILLOR")).as(err.toString()).isZero();
      String token = out.toString(StandardCharsets.UTF_8).trim();
      JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
      assertThat(header.getString("kid")).isEqualTo(SigningKeyFile.load(serverKey).verificationKey().kid());
    }
    assertThat(Files.exists(elsewhere)).isFalse();
  }
}
