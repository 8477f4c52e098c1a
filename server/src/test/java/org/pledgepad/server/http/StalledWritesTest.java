package org.pledgepad.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.testing.Eventually;

/**
 * A client that stops reading in the middle of a large answer loses its connection; one that
 * reads gets the whole answer, and a quiet keep-alive connection is left alone.
 */
class StalledWritesTest {
  private static final int ANSWER_BYTES = 32 << 20; // far more than both sockets' buffers
  private static final long STALL_MILLIS = 400;

  private Vertx vertx;
  private HttpServer server;
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicInteger cut = new AtomicInteger();

  private void start(boolean withCheck) {
    vertx = Vertx.vertx();
    Buffer answer = Buffer.buffer(new byte[ANSWER_BYTES]);
    server = vertx.createHttpServer(HttpProtocol.options())
        .connectionHandler(conn -> {
          if (withCheck) {
            StalledWrites.install(conn, STALL_MILLIS, cut::incrementAndGet);
          }
          conn.closeHandler(v -> closed.incrementAndGet());
        })
        .requestHandler(req -> {
          if (req.path().equals("/small")) {
            req.response().end("ok");
          } else {
            req.response().end(answer);
          }
        })
        .listen(0).await();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private Socket request(String path) throws IOException {
    Socket client = new Socket();
    client.setReceiveBufferSize(64 << 10);
    client.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
    client.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    client.getOutputStream().flush();
    return client;
  }

  @Test
  void aClientThatStopsReadingIsDisconnected() throws Exception {
    start(true);
    try (Socket client = request("/big")) {
      Eventually.until("the server closed the connection", () -> closed.get() == 1);
      assertThat(cut.get()).as("counted").isEqualTo(1);
    }
  }

  /** Without the check the connection stays: what the check is for. */
  @Test
  void withoutTheCheckAClientThatStopsReadingKeepsItsConnection() throws Exception {
    start(false);
    try (Socket client = request("/big")) {
      Thread.sleep(10 * STALL_MILLIS);
      assertThat(closed.get()).isZero();
    }
  }

  @Test
  void aClientThatReadsGetsTheWholeAnswerAndAQuietOneKeepsItsConnection() throws Exception {
    start(true);
    try (Socket client = request("/big")) {
      client.setSoTimeout(30_000);
      InputStream in = client.getInputStream();
      byte[] chunk = new byte[64 << 10];
      // Headers plus the body: slowly at first (a pause shorter than the stall), then all of it.
      Thread.sleep(STALL_MILLIS / 2);
      long body = -1;
      StringBuilder head = new StringBuilder();
      while (body < ANSWER_BYTES) {
        int n = in.read(chunk);
        assertThat(n).isPositive();
        if (body < 0) {
          head.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
          int end = head.indexOf("\r\n\r\n");
          if (end >= 0) {
            body = head.length() - (end + 4);
          }
        } else {
          body += n;
        }
      }
      assertThat(body).isEqualTo(ANSWER_BYTES);
      // The same connection, quiet between requests for longer than the stall: still open.
      Thread.sleep(3 * STALL_MILLIS);
      client.getOutputStream().write("GET /small HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] answer = new byte[256];
      int n = in.read(answer);
      assertThat(new String(answer, 0, Math.max(n, 0), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200").endsWith("ok");
      assertThat(closed.get()).isZero();
      assertThat(cut.get()).isZero();
    }
  }
}
