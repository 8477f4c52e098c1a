package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Role;
import org.pledgepad.server.access.SyncClient.Protocol;

/** With cookie sessions, only allowed browser origins may open sockets (ALLOWED_ORIGINS). */
class OriginTest {
  private static final String ALLOWED = "https://pledgepad.example";
  @TempDir
  Path dataDir;
  private AccessTestServer server;

  @BeforeEach
  void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of("ALLOWED_ORIGINS", ALLOWED));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int upgrade(Protocol protocol, Map<String, String> headers) {
    return SyncClient.upgradeStatus(protocol, server.harness.wsBase(), AccessTestServer.CONSULTATION_DOC,
        server.tokenFor(Role.COUNCILLOR), headers);
  }

  @Test
  void allowedOriginIsAccepted() {
    for (Protocol p : Protocol.values()) {
      assertThat(upgrade(p, Map.of("Origin", ALLOWED))).isEqualTo(101);
    }
  }

  @Test
  void lookAlikeAndNullOriginsAreRefused() {
    for (Protocol p : Protocol.values()) {
      assertThat(upgrade(p, Map.of("Origin", "https://pledgepad.example.evil.test"))).isEqualTo(403);
      assertThat(upgrade(p, Map.of("Origin", "https://evil-pledgepad.example"))).isEqualTo(403);
      assertThat(upgrade(p, Map.of("Origin", "http://pledgepad.example"))).isEqualTo(403);
      assertThat(upgrade(p, Map.of("Origin", "null"))).isEqualTo(403);
    }
  }

  @Test
  void missingOriginIsANonBrowserClientAndIsAccepted() {
    // Browsers always send Origin on WebSocket upgrades; tools (and the token) carry no ambient
    // cookie risk.
    for (Protocol p : Protocol.values()) {
      assertThat(upgrade(p, Map.of())).isEqualTo(101);
    }
  }
}
