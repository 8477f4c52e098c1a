package org.pledgepad.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.testing.NodeScripts;
import org.pledgepad.server.testing.ServerHarness;

/** Pings keep live clients connected through silence; a peer that never answers is dropped. */
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
}
