package org.pledgepad.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.testing.ServerHarness;

/** The REST contract with the web client, health and metrics, over real HTTP. */
class HttpApiIntegrationTest {
  @TempDir
  Path dataDir;
  private ServerHarness server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void documentListShowsTheSeededDocuments() throws Exception {
    HttpResponse<String> r = get("/api/documents");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonArray docs = new JsonArray(r.body());
    assertThat(docs).hasSize(2);
    JsonObject coalition = docs.getJsonObject(0);
    assertThat(coalition.getString("name")).isEqualTo("koalitionsvertrag-2021-digitalisierung");
    assertThat(coalition.getString("kind")).isEqualTo("coalition-agreement");
    assertThat(coalition.getString("stage")).isEqualTo("published");
    assertThat(coalition.fieldNames()).containsExactlyInAnyOrder("name", "title", "kind", "stage", "updatedAt");
    assertThat(docs.getJsonObject(1).getString("kind")).isEqualTo("programme");
  }

  @Test
  void oneDocumentCarriesItsHeadSequence() throws Exception {
    JsonObject d = new JsonObject(get("/api/documents/spd-kassel-2021-digitalisierung").body());
    assertThat(d.getLong("headSeq")).isEqualTo(1);
    assertThat(d.getString("title")).contains("SPD Kassel");
  }

  @Test
  void unknownDocumentIsAProblemDocument() throws Exception {
    HttpResponse<String> r = get("/api/documents/no-such-doc");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:pledgepad:problem:not-found");
    assertThat(get("/api/documents/bad%20name").statusCode()).isEqualTo(400);
  }

  @Test
  void meIsAGuestForNow() throws Exception {
    assertThat(new JsonObject(get("/api/me").body())).isEqualTo(new JsonObject().put("role", "guest").putNull("user"));
  }

  @Test
  void healthAndMetricsAnswer() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("UP");
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("pledgepad_connections", "pledgepad_commit_latency_seconds", "pledgepad_updates_accepted_total");
    assertThat(metrics).contains("pledgepad_history_checkpoint_heads_total{outcome=\"refused\"}",
        "pledgepad_history_checkpoint_heads_total{outcome=\"signed-own-chain\"}");
  }

  /**
   * HTTP/1.1 only: the JDK client asks every plain-http request to upgrade to h2c, and with h2c
   * on, a /metrics response (about 20 KB) stalled in about one request in ten until the idle
   * timeout. The upgrade is now declined and a cleartext HTTP/2 preface gets no HTTP/2 answer.
   */
  @Test
  void speaksOnlyHttp11() throws Exception {
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.httpBase() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(r.body()).contains("pledgepad_connections");
    }
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] head = s.getInputStream().readNBytes(9);
      // An HTTP/2 server answers with its SETTINGS frame: 9-byte header, type 0x4 at offset 3.
      assertThat(head.length == 9 && head[3] == 0x4).as("HTTP/2 SETTINGS frame").isFalse();
    }
  }

  @Test
  void webSocketUpgradeToUnknownPathIsRefusedAndAnInvalidNameClosedWith4400() throws Exception {
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> http.newWebSocketBuilder()
        .buildAsync(URI.create(server.wsBase() + "/nope"), new java.net.http.WebSocket.Listener() {})
        .join());
    assertThat(e).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
    assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(404);
    // y-websocket: refused on the socket, with a code the stock provider takes as final (a
    // refused upgrade it retries for ever; YWebsocketRefusalTest).
    java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
    http.newWebSocketBuilder().buildAsync(URI.create(server.wsBase() + "/ws/bad%20name"),
        new java.net.http.WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
          }
        }).join();
    assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo((int) CloseCodes.MALFORMED_MESSAGE);
  }

  @Test
  void webClientIsServedWithSinglePageFallback() throws Exception {
    boolean built = getClass().getClassLoader().getResource("webroot/index.html") != null;
    HttpResponse<String> root = get("/");
    HttpResponse<String> deepLink = get("/documents/spd-kassel-2021-digitalisierung");
    if (built) {
      assertThat(root.statusCode()).isEqualTo(200);
      assertThat(root.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(deepLink.statusCode()).isEqualTo(200);
      assertThat(deepLink.body()).isEqualTo(root.body());
    } else {
      assertThat(deepLink.statusCode()).isEqualTo(404);
    }
    assertThat(get("/api/nothing-here").statusCode()).as("API paths never fall back").isEqualTo(404);
  }

  @Test
  void webSocketFromAnOriginOutsideTheAllowListIsRefused() throws Exception {
    try (ServerHarness restricted = ServerHarness.start(Map.of("DATA_DIR", dataDir.resolve("o").toString(),
        "SEED_DEMO", "false", "ALLOWED_ORIGINS", "https://rat.kassel.example"))) {
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> http.newWebSocketBuilder()
          .header("Origin", "https://evil.example")
          .buildAsync(URI.create(restricted.wsBase() + "/ws/doc"), new java.net.http.WebSocket.Listener() {})
          .join());
      assertThat(e).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
      assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(403);
      java.net.http.WebSocket ok = http.newWebSocketBuilder()
          .header("Origin", "https://rat.kassel.example")
          .buildAsync(URI.create(restricted.wsBase() + "/ws/doc"), new java.net.http.WebSocket.Listener() {})
          .join();
      ok.abort();
    }
  }
}
