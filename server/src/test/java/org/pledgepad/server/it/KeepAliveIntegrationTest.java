package org.pledgepad.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.testing.NodeScripts;
import org.pledgepad.server.testing.ServerHarness;

/**
 * Liveness rules: pings keep live clients connected through silence, a peer that never answers
 * is dropped, and so is a peer that stops reading (bounded send queue).
 */
class KeepAliveIntegrationTest {
  @TempDir
  Path dataDir;

  @Test
  void silentPeerIsClosedWhileClientsAnsweringPingsStay() {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false",
        "IDLE_TIMEOUT_SECONDS", "5", "PING_INTERVAL_SECONDS", "1"))) {
      JsonObject r = new JsonObject(NodeScripts.run("idle.mjs", server.wsBase(), "idle-doc", "30"));
      assertThat(r.getInteger("muteCloseCode")).isEqualTo((int) CloseCodes.IDLE_TIMEOUT);
      assertThat(r.getInteger("yWebsocketCloses")).isZero();
      assertThat(r.getInteger("hocuspocusCloses")).isZero();
    }
  }

  @Test
  void readerThatStopsReadingIsDroppedWhileTheWriterContinues() throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false",
        "SEND_QUEUE_BYTES", "1048576"))) {
      JsonObject r = new JsonObject(NodeScripts.run("slow-reader.mjs", server.wsBase(), "slow-doc", "24"));
      assertThat(r.getBoolean("writerAcknowledged")).isTrue();
      String metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.httpBase() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("pledgepad_frames_rejected_total{code=\"" + CloseCodes.SLOW_READER + "\"} 1.0");
    }
  }
}
