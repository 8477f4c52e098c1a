package org.pledgepad.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.testing.NodeScripts;
import org.pledgepad.server.testing.ServerProcess;
import org.pledgepad.server.testing.TestDatabase;

/**
 * Every update the server acknowledged survives kill -9 of the server process: the
 * acknowledgement (Hocuspocus SyncStatus) is sent only after the commit.
 */
@Tag("slow")
class CrashRecoveryIntegrationTest {
  private static final int EDITS = 60;

  @TempDir
  Path dataDir;

  @Test
  void acknowledgedEditsSurviveKillMinus9WithEmbeddedStore() throws Exception {
    killAndRecover(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"));
  }

  @Test
  void acknowledgedEditsSurviveKillMinus9WithPostgres() throws Exception {
    TestDatabase.require();
    killAndRecover(Map.of("DATABASE_URL", TestDatabase.url(), "DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"));
  }

  /** New documents are drafts nobody owns: only an admin may create them (signed with the server's key). */
  private String adminToken() throws Exception {
    return org.pledgepad.server.testing.AdminToken.issue(dataDir, "crash-test");
  }

  private void killAndRecover(Map<String, String> env) throws Exception {
    NodeScripts.requireNode();
    String doc = "crash-" + UUID.randomUUID();
    File log = dataDir.resolve("server.log").toFile();
    ServerProcess first = ServerProcess.start(env, log);
    JsonObject acked;
    try {
      acked = new JsonObject(NodeScripts.run("edit-acked.mjs", first.wsBase(), doc, Integer.toString(EDITS),
          adminToken()));
    } finally {
      first.kill();
    }
    assertThat(acked.getInteger("acked")).isEqualTo(EDITS);
    try (ServerProcess second = ServerProcess.start(env, log)) {
      JsonObject state = new JsonObject(NodeScripts.run("fetch.mjs", second.wsBase(), doc, "y-websocket", adminToken()))
          .getJsonObject("snapshot");
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < EDITS; i++) {
        expected.add("edit-" + i);
      }
      assertThat(state.getJsonArray("list").getList()).isEqualTo(expected);
    }
  }
}
