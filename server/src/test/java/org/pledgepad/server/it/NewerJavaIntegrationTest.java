package org.pledgepad.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.testing.AdminToken;
import org.pledgepad.server.testing.ServerProcess;
import org.pledgepad.server.testing.YjsDriver;

/**
 * The jar's baseline is Java 17, but operators run newer JDKs, which change what libraries may
 * do: from Java 24 on Netty leaves sun.misc.Unsafe alone, and the server's frame copy by address
 * then threw on every delivery (docs/benchmarks.md, session 16). This runs the server on the
 * newest JDK 24+ of the machine (PLEDGEPAD_NEWER_JAVA_HOME, else the newest under /usr/lib/jvm)
 * with real clients on both protocols. A machine without such a JDK skips it: Java 17 is all the
 * product requires.
 */
@Tag("slow")
class NewerJavaIntegrationTest {
  private static final int NEWER = 24;
  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

  @TempDir
  Path dataDir;

  @Test
  void aNewerJdkRunsTheServerAndDeliversEveryAcknowledgedEdit() throws Exception {
    Optional<Path> java = newerJava();
    assumeTrue(java.isPresent(), "no JDK " + NEWER + "+ here (PLEDGEPAD_NEWER_JAVA_HOME or /usr/lib/jvm)");
    org.pledgepad.auth.token.SigningKeyFile.loadOrCreate(
        dataDir.resolve(org.pledgepad.server.access.AccessControl.KEY_FILE), new java.security.SecureRandom());
    String token = AdminToken.issue(dataDir, "newer-java-test");
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false");
    try (ServerProcess server = ServerProcess.startOn(java.get(), env, dataDir.resolve("server.log").toFile());
        YjsDriver yjs = YjsDriver.start()) {
      yjs.open("writer", server.wsBase(), "newer-java", "hocuspocus", token);
      yjs.open("reader", server.wsBase(), "newer-java", "y-websocket", token);
      JsonObject typed = yjs.call(new JsonObject().put("op", "type").put("id", "writer").put("prefix", "e")
          .put("n", 30).put("delayMs", 5));
      List<Object> acked = typed.getJsonArray("acked").getList();
      assertThat(acked).as("edits the server acknowledged (SyncStatus)").hasSize(30);
      yjs.waitFor("reader", acked);
      assertThat(Files.readString(dataDir.resolve("server.log")))
          .as("the server's log on %s", java.get())
          .doesNotContain("Unhandled exception");
    }
  }

  /** bin/java of the newest JDK at version 24 or later, if the machine has one. */
  static Optional<Path> newerJava() throws IOException {
    String named = System.getenv("PLEDGEPAD_NEWER_JAVA_HOME");
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named, "bin", "java"));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
          .filter(h -> major(h) >= NEWER)
          .max(Comparator.comparingInt(NewerJavaIntegrationTest::major))
          .map(h -> h.resolve("bin/java"));
    }
  }

  /** The major version in a JDK's release file; 0 when unknown. */
  private static int major(Path home) {
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
