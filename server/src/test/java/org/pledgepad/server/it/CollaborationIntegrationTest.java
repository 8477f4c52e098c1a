package org.pledgepad.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.testing.NodeScripts;
import org.pledgepad.server.testing.ServerHarness;
import org.pledgepad.server.testing.TestDatabase;

/**
 * Real y-websocket and Hocuspocus clients (Node) edit one document concurrently through the
 * in-process server; everybody converges, fresh clients of either protocol receive the same
 * state, and so do clients after a server restart.
 */
class CollaborationIntegrationTest {
  private static final int CLIENTS = 4;
  private static final int ROUNDS = 9;

  @TempDir
  Path dataDir;

  @Test
  void clientsConvergeAndStateSurvivesRestartWithEmbeddedStore() {
    convergeAndRestart(Map.of("DATA_DIR", dataDir.toString()));
  }

  @Test
  void clientsConvergeAndStateSurvivesRestartWithPostgres() {
    TestDatabase.require();
    convergeAndRestart(Map.of("DATABASE_URL", TestDatabase.url(), "SEED_DEMO", "false"));
  }

  private void convergeAndRestart(Map<String, String> env) {
    NodeScripts.requireNode();
    String doc = "it-" + UUID.randomUUID();
    long seed = System.nanoTime() & 0xffffffL;
    JsonObject converged;
    try (ServerHarness server = ServerHarness.start(env)) {
      converged = json(NodeScripts.run("converge.mjs", server.wsBase(), doc, Long.toString(seed),
          Integer.toString(CLIENTS), Integer.toString(ROUNDS)));
      JsonObject expected = converged.getJsonObject("snapshot");
      assertThat(expected.getString("text")).as("seed %d", seed).isNotEmpty();
      assertThat(fetch(server, doc, "y-websocket")).as("fresh y-websocket client, seed %d", seed).isEqualTo(expected);
      assertThat(fetch(server, doc, "hocuspocus")).as("fresh Hocuspocus client, seed %d", seed).isEqualTo(expected);
    }
    try (ServerHarness restarted = ServerHarness.start(env)) {
      assertThat(fetch(restarted, doc, "hocuspocus")).as("after restart, seed %d", seed)
          .isEqualTo(converged.getJsonObject("snapshot"));
    }
  }

  @Test
  void demoDocumentsAreSeededAsProseMirrorXml() {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()))) {
      String xml = fetch(server, "spd-kassel-2021-digitalisierung", "y-websocket").getString("xml");
      assertThat(xml).startsWith("<heading level=\"1\">Digitalisierung</heading>")
          // Pledge headings carry their stable id (attribute pledgeId, read back by the pledge index).
          .containsPattern("<heading level=\"2\" pledgeId=\"open-data-rathaus-[a-z0-9]{6}\">Open Data Rathaus</heading>"
              + "<paragraph>Den anonymisierten Datenschatz");
      String coalition = fetch(server, "koalitionsvertrag-2021-digitalisierung", "hocuspocus").getString("xml");
      assertThat(coalition)
          .containsPattern("<heading level=\"3\" pledgeId=\"gemeinsame-einsehen-und-arbeiten-[a-z0-9]{6}\">"
              + "Gemeinsame Einsehen und Arbeiten</heading>")
          .contains("<heading level=\"2\">Die Koalition verfolgt daher folgende Ziele:</heading>");
    }
  }

  @Test
  void initialSyncLargerThanAFrameReachesFreshClientsOfBothProtocols() {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"))) {
      JsonObject r = json(NodeScripts.run("large.mjs", server.wsBase(), "large-" + UUID.randomUUID(), "1024"));
      assertThat(r.getInteger("expected")).isGreaterThanOrEqualTo(1024 * 1024);
      assertThat(r.getInteger("y-websocket")).isEqualTo(r.getInteger("expected"));
      assertThat(r.getInteger("hocuspocus")).isEqualTo(r.getInteger("expected"));
    }
  }

  /**
   * Hocuspocus 4's opt-in session awareness: the same document twice on one socket, each
   * provider addressing its messages as name NUL sessionId (before, that name was refused as
   * malformed and the socket closed).
   */
  @Test
  void twoSessionAwareProvidersShareADocumentOnOneSocket() {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"))) {
      JsonObject seen = json(NodeScripts.run("session-aware.mjs", server.wsBase(), "session-" + UUID.randomUUID()));
      assertThat(seen.getString("a")).isEqualTo("Anna schreibt. Ben auch.");
      assertThat(seen.getString("b")).isEqualTo("Danach: Anna schreibt. Ben auch.");
      assertThat(seen.getString("reader")).isEqualTo("Danach: Anna schreibt. Ben auch.");
      assertThat(seen.getBoolean("bSawAnna")).isTrue();
      assertThat(seen.getString("socket")).isEqualTo("connected");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"y-websocket", "hocuspocus"})
  void aStockClientsLargePasteAndLargeDeleteSetAreTakenAsItSendsThem(String protocol) {
    // Browsers send each message as one frame. With incoming frames limited to 64 KiB, this
    // paste, and every later reconnect of this client (its step 2 carries the delete set), was
    // closed with 1009 and resent in a loop, and nothing it wrote was kept.
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"))) {
      JsonObject seen = json(NodeScripts.run("large-edit.mjs", server.wsBase(), "large-" + UUID.randomUUID(), protocol));
      assertThat(seen.getInteger("length")).isEqualTo(75005);
      assertThat(seen.getString("endsWith")).isEqualTo(" Ende");
      assertThat(seen.getJsonArray("closes")).as("only the client's own disconnect").hasSize(1);
    }
  }

  @Test
  void clientsReconnectingWithNothingNewAreSyncedAndNotLogged() throws Exception {
    // Their step 2 is the document's delete set, which the server has. A read-only provider was
    // answered "not synced" (unsynced changes for ever), a read-only y-websocket client "permission
    // denied", and each writer's reconnect was logged as a row.
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"),
        new org.pledgepad.server.testing.TokenAuth())) {
      String doc = "reconnect-" + UUID.randomUUID();
      JsonObject seen = json(NodeScripts.run("reconnect-nothing-new.mjs", server.wsBase(), doc));
      assertThat(seen.getString("readerText")).isEqualTo("abfghij");
      assertThat(seen.getBoolean("readerUnsynced")).isFalse();
      assertThat(seen.getInteger("denied")).isZero();
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.httpBase() + "/api/documents/" + doc)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(new JsonObject(r.body()).getLong("headSeq")).as("the insert and the deletion, no reconnect").isEqualTo(2);
    }
  }

  @Test
  void aForcedSyncOfTheHocuspocusProviderEndsSynced() {
    // Before, a second step 1 was answered with the step 2 alone: the provider counted an
    // unsynced change for ever after forceSync(), and one more after each edit.
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"))) {
      JsonObject seen = json(NodeScripts.run("force-sync.mjs", server.wsBase(), "force-" + UUID.randomUUID()));
      assertThat(seen.getBoolean("afterForce")).isFalse();
      assertThat(seen.getBoolean("afterEdit")).isFalse();
    }
  }

  @Test
  void aYWebsocketClientClosedForItsRateComesBackAndDeliversEveryEdit() {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"))) {
      JsonObject seen = json(NodeScripts.run("rate-burst.mjs", server.wsBase(), "burst-" + UUID.randomUUID()));
      assertThat(seen.getJsonArray("codes").getList()).as("closed for its rate, with a code it retries on")
          .contains((int) CloseCodes.TRY_AGAIN_LATER).doesNotContain((int) CloseCodes.RATE_LIMITED);
      assertThat(seen.getInteger("seen")).isEqualTo(1000);
      assertThat(seen.getBoolean("reconnecting")).isTrue();
    }
  }

  @Test
  void severalDocumentsShareOneHocuspocusSocket() {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false"))) {
      JsonObject seen = json(NodeScripts.run("multi-doc.mjs", server.wsBase(), "multi-" + UUID.randomUUID()));
      assertThat(seen).isEqualTo(new JsonObject().put("a", "Dokument A").put("b", "Dokument B"));
    }
  }

  static JsonObject fetch(ServerHarness server, String doc, String protocol) {
    return json(NodeScripts.run("fetch.mjs", server.wsBase(), doc, protocol)).getJsonObject("snapshot");
  }

  static JsonObject json(String line) {
    return new JsonObject(line);
  }
}
