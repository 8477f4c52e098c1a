package org.pledgepad.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.ServerHarness;
import org.pledgepad.server.testing.TestDatabase;
import org.pledgepad.server.testing.YjsDriver;

/**
 * Two server nodes in this JVM on one PostgreSQL database, real Yjs clients (y-websocket and
 * Hocuspocus providers) on both: an edit on one node reaches the other node's clients through
 * LISTEN/NOTIFY and the log, and a node whose listening connection dropped catches up.
 */
@Tag("slow")
class ClusterIntegrationTest {
  @TempDir
  Path dirA;
  @TempDir
  Path dirB;
  private DatabaseUrl db;
  private ServerHarness nodeA;
  private ServerHarness nodeB;
  private YjsDriver yjs;
  private final String doc = "cluster-" + UUID.randomUUID();

  @BeforeEach
  void start() throws Exception {
    db = TestDatabase.require();
    nodeA = ServerHarness.start(env(dirA));
    nodeB = ServerHarness.start(env(dirB));
    yjs = YjsDriver.start();
  }

  private static Map<String, String> env(Path dir) {
    return Map.of("DATABASE_URL", TestDatabase.url(), "DATA_DIR", dir.toString(), "SEED_DEMO", "false");
  }

  @AfterEach
  void stop() {
    if (yjs != null) {
      yjs.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  private CompletableFuture<JsonObject> type(String id, String prefix, int n) {
    return yjs.send(new JsonObject().put("op", "type").put("id", id).put("prefix", prefix).put("n", n)
        .put("delayMs", 5));
  }

  private CompletableFuture<JsonObject> push(String id, String prefix, int n) {
    return yjs.send(new JsonObject().put("op", "push").put("id", id).put("prefix", prefix).put("n", n)
        .put("delayMs", 5));
  }

  private static List<Object> entries(String prefix, int n) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + "-" + i);
    }
    return out;
  }

  @Test
  void clientsOnTwoNodesEditConcurrentlyAndConverge() {
    yjs.open("ya", nodeA.wsBase(), doc, "y-websocket", null);
    yjs.open("ha", nodeA.wsBase(), doc, "hocuspocus", null);
    yjs.open("yb", nodeB.wsBase(), doc, "y-websocket", null);
    yjs.open("hb", nodeB.wsBase(), doc, "hocuspocus", null);
    int n = 40;
    // Hocuspocus clients wait for each acknowledgement; y-websocket clients have none and push.
    CompletableFuture<JsonObject> onA = type("ha", "a", n);
    CompletableFuture<JsonObject> onB = type("hb", "b", n);
    CompletableFuture<JsonObject> pushA = push("ya", "ya", n);
    CompletableFuture<JsonObject> pushB = push("yb", "yb", n);
    assertThat(YjsDriver.await(onA).getJsonArray("acked").size()).isEqualTo(n);
    assertThat(YjsDriver.await(onB).getJsonArray("acked").size()).isEqualTo(n);
    YjsDriver.await(pushA);
    YjsDriver.await(pushB);
    List<Object> all = new ArrayList<>(entries("a", n));
    all.addAll(entries("b", n));
    all.addAll(entries("ya", n));
    all.addAll(entries("yb", n));
    for (String id : List.of("ya", "ha", "yb", "hb")) {
      yjs.waitFor(id, all);
    }
    // Fresh clients on either node get the same state, in the same order as every client.
    yjs.open("fa", nodeA.wsBase(), doc, "y-websocket", null);
    yjs.open("fb", nodeB.wsBase(), doc, "hocuspocus", null);
    List<Object> reference = yjs.list("ha");
    assertThat(reference).hasSize(4 * n).containsExactlyInAnyOrderElementsOf(all);
    for (String id : List.of("ya", "yb", "hb", "fa", "fb")) {
      assertThat(yjs.list(id)).as(id).isEqualTo(reference);
    }
  }

  @Test
  void aNodeWhoseListeningConnectionDroppedCatchesUpFromTheLog() throws Exception {
    yjs.open("watcher", nodeB.wsBase(), doc, "y-websocket", null);
    yjs.open("writer", nodeA.wsBase(), doc, "hocuspocus", null);
    YjsDriver.await(type("writer", "before", 5));
    yjs.waitFor("watcher", entries("before", 5));
    // Cut the LISTEN connections: commits until they are back send notifications nobody hears.
    int cut = terminateListeners();
    assertThat(cut).as("listening connections of the two nodes").isEqualTo(2);
    JsonObject typed = YjsDriver.await(type("writer", "during", 30));
    assertThat(typed.getJsonArray("acked").size()).isEqualTo(30);
    yjs.waitFor("watcher", entries("during", 30));
    assertThat(yjs.list("watcher")).isEqualTo(yjs.list("writer"));
  }

  @Test
  void presenceCrossesNodesBothWays() {
    yjs.open("anna", nodeA.wsBase(), doc, "hocuspocus", null);
    yjs.open("ben", nodeB.wsBase(), doc, "y-websocket", null);
    yjs.call(new JsonObject().put("op", "present").put("id", "anna").put("name", "Anna"));
    yjs.call(new JsonObject().put("op", "present").put("id", "ben").put("name", "Ben"));
    yjs.call(new JsonObject().put("op", "sees").put("id", "ben").put("name", "Anna"));
    yjs.call(new JsonObject().put("op", "sees").put("id", "anna").put("name", "Ben"));
  }

  private int terminateListeners() throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = 'pledgepad-listen' AND datname = current_database()"
                + " AND query LIKE 'LISTEN%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
