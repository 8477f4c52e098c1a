package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login throttling per address over real HTTP, with X-Forwarded-For spoofed by the client. The
 * address limit is 10 free failures; each attempt uses another unknown login so that only the
 * address counter can trip.
 */
class TrustedProxyLoginTest {
  private static final int ATTEMPTS = 14;
  @TempDir
  Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  /** The status of the last of ATTEMPTS failed sign-ins, the i-th sending {@code xff.apply(i)}. */
  private int lastStatus(AccessTestServer server, IntFunction<String> xff) throws Exception {
    int status = 0;
    for (int i = 0; i < ATTEMPTS && status != 429; i++) {
      String body = new JsonObject().put("login", "nobody-" + i).put("password", "wrong-password-" + i).encode();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.harness.httpBase() + "/api/session"))
          .header("Content-Type", "application/json").header("X-Forwarded-For", xff.apply(i))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      status = r.statusCode();
    }
    return status;
  }

  @Test
  void withoutTrustedProxiesARotatingForwardedHeaderDoesNotEscapeTheAddressLimit() throws Exception {
    try (AccessTestServer server = AccessTestServer.start(dataDir, Map.of())) {
      assertThat(lastStatus(server, i -> "198.51.100." + i)).isEqualTo(429);
    }
  }

  @Test
  void behindATrustedProxyClientsAreCountedApartButForgedPrefixesAreIgnored() throws Exception {
    try (AccessTestServer server = AccessTestServer.start(dataDir, Map.of("TRUSTED_PROXIES", "127.0.0.1"))) {
      // Different real clients behind the proxy: none reaches its own limit.
      assertThat(lastStatus(server, i -> "198.51.100." + i)).isEqualTo(401);
      // One client forging a new left-most address each time: the proxy's right-most entry counts.
      assertThat(lastStatus(server, i -> "192.0.2." + i + ", 203.0.113.9")).isEqualTo(429);
    }
  }
}
