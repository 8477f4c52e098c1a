package org.pledgepad.server.access;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A fresh server on the embedded store per test, with the demo accounts and an HTTP client for it. */
@Timeout(60)
abstract class EmbeddedAccessServerTest {
  @TempDir
  Path dataDir;
  AccessTestServer server;
  AccessHttp http;

  @BeforeEach
  void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of());
    http = new AccessHttp(server.harness.httpBase());
  }

  @AfterEach
  void stop() {
    server.close();
  }
}
