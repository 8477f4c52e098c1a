package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.testing.NodeScripts;

/**
 * A y-websocket connection refused for good is refused on the socket, with a code the stock
 * provider takes as final. Refused at the upgrade (400 for the name, 401 for the token), the
 * provider saw a network error and opened a new socket every few seconds for ever.
 */
class YWebsocketRefusalTest {
  @TempDir
  Path dataDir;

  @Test
  void aBadNameOrTokenEndsTheStockProvidersTriesAtTheFirst() throws Exception {
    try (AccessTestServer server = AccessTestServer.start(dataDir, Map.of())) {
      JsonObject r = new JsonObject(NodeScripts.run("refused-y-websocket.mjs", server.harness.wsBase(),
          AccessTestServer.CONSULTATION_DOC));
      assertThat(r.getJsonObject("bad-name").getInteger("closed")).isEqualTo((int) CloseCodes.MALFORMED_MESSAGE);
      assertThat(r.getJsonObject("bad-token").getInteger("closed")).isEqualTo((int) CloseCodes.FORBIDDEN);
      for (String c : new String[] {"bad-name", "bad-token"}) {
        assertThat(r.getJsonObject(c).getInteger("retries")).as(c).isZero();
        assertThat(r.getJsonObject(c).getBoolean("retrying")).as(c).isFalse();
      }
    }
  }
}
