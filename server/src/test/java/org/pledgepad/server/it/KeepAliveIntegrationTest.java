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
      // 4408 goes to y-websocket clients as 1001, a code the stock provider reconnects on.
      assertThat(r.getInteger("muteCloseCode")).isEqualTo((int) CloseCodes.GOING_AWAY);
      assertThat(r.getInteger("yWebsocketCloses")).isZero();
      assertThat(r.getInteger("hocuspocusCloses")).isZero();
    }
  }

  /**
   * The reader is not only counted as dropped: its socket is closed while it still reads
   * nothing. Before, the close frame and Vert.x's close of the connection waited behind the
   * queued messages, so the socket, its queue and its place in the session stayed until the
   * client itself went (the connection gauge stayed at 1 for the whole hold).
   */
  @Test
  void readerThatStopsReadingIsDroppedAndItsSocketClosedWhileTheWriterContinues() throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false",
        "SEND_QUEUE_BYTES", "1048576"))) {
      java.util.concurrent.CompletableFuture<String> script = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> NodeScripts.run("slow-reader.mjs", server.wsBase(), "slow-doc", "24", "30"));
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
      boolean dropped = false;
      boolean socketGone = false;
      while (!socketGone && !script.isDone() && System.nanoTime() < deadline) {
        String metrics = metrics(server);
        dropped = dropped || metrics.contains("pledgepad_frames_rejected_total{code=\"" + CloseCodes.SLOW_READER + "\"} 1.0");
        socketGone = dropped && metrics.contains("\npledgepad_connections 0.0");
        Thread.sleep(200);
      }
      assertThat(dropped).as("dropped as a slow reader").isTrue();
      assertThat(socketGone).as("its socket closed while the client still held it, reading nothing").isTrue();
      assertThat(metrics(server)).contains("pledgepad_connections_cut_total{reason=\"close-not-taken\"} 1.0");
      assertThat(script.isDone()).isFalse();
      JsonObject r = new JsonObject(script.get(90, java.util.concurrent.TimeUnit.SECONDS));
      assertThat(r.getBoolean("writerAcknowledged")).isTrue();
    }
  }

  private static String metrics(ServerHarness server) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.httpBase() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
