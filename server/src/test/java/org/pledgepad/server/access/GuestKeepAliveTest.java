package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.testing.NodeScripts;

/**
 * Guests receive presence but may not publish it. The stock providers of both protocols renew
 * their own presence every 15 s and reconnect when nothing at all arrived for 30 s; before the
 * server echoed a guest's presence back to it, a guest alone in a quiet document was reconnected
 * every 30 to 45 s (each time syncing the whole document again).
 */
class GuestKeepAliveTest {
  @TempDir
  Path dataDir;

  @Test
  void guestsAloneInAQuietDocumentStayConnectedPastTheProvidersWatchdog() throws Exception {
    try (AccessTestServer server = AccessTestServer.start(dataDir, Map.of())) {
      JsonObject r = new JsonObject(NodeScripts.run("idle-guests.mjs", server.harness.wsBase(),
          AccessTestServer.CONSULTATION_DOC, "40"));
      assertThat(r.getInteger("yWebsocketCloses")).isZero();
      assertThat(r.getInteger("hocuspocusCloses")).isZero();
    }
  }
}
