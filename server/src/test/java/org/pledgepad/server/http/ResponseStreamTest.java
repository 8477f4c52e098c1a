package org.pledgepad.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.testing.Eventually;

/**
 * A download written from a worker into the response: a client that stops reading holds the
 * producer back after a bounded amount, a client that leaves ends the producer, and an error
 * after the first bytes closes the connection instead of ending a short 200.
 */
class ResponseStreamTest {
  /** Rows of 64 KiB that do not compress (as zip entries already deflated do not). */
  private static final byte[] ROW = new byte[64 << 10];
  private static final int ROWS = 4096; // 256 MiB: far more than any buffer on the way

  static {
    new Random(7).nextBytes(ROW);
  }

  private Vertx vertx;
  private HttpServer server;
  private final AtomicReference<ResponseStream> current = new AtomicReference<>();
  private final AtomicInteger rowsRead = new AtomicInteger();
  private final AtomicReference<Throwable> bodyFailure = new AtomicReference<>();
  private final AtomicBoolean bodyClosed = new AtomicBoolean();
  private volatile int failAfterRows = -1;
  private volatile int rows = ROWS;
  private volatile long stallMillis = ResponseStream.STALL_MILLIS;
  private volatile long maxMillis = ResponseStream.MAX_MILLIS;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer(HttpProtocol.options()).requestHandler(req -> {
      ResponseStream out = new ResponseStream(vertx.getOrCreateContext(), req.response(), "Test download",
          r -> r.putHeader("Content-Type", "application/octet-stream"), stallMillis, maxMillis);
      current.set(out);
      vertx.executeBlocking(() -> {
        out.stream(this::rows);
        return null;
      }, false).onFailure(e -> req.response().setStatusCode(500).end("failed before the first byte"));
    }).listen(0).await();
  }

  /** Stands in for the export's read: one row a write, counted, closed however it ends. */
  private void rows(OutputStream out) throws IOException {
    try {
      for (int i = 0; i < rows; i++) {
        if (i == failAfterRows) {
          throw new IllegalStateException("the store failed");
        }
        rowsRead.incrementAndGet();
        out.write(ROW);
      }
    } catch (IOException | RuntimeException e) {
      bodyFailure.set(e);
      throw e;
    } finally {
      bodyClosed.set(true);
    }
  }

  /** A raw client whose small receive buffer lets the test decide how fast the body is taken. */
  private Socket requestWithSmallReceiveBuffer() throws IOException {
    Socket client = new Socket();
    client.setReceiveBufferSize(64 << 10);
    client.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
    client.getOutputStream().write("GET /big HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return client;
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void aClientThatStopsReadingHoldsTheReadingBackAndItsLeavingEndsIt() throws Exception {
    try (Socket client = requestWithSmallReceiveBuffer()) {
      client.getOutputStream().flush();
      // Held: waiting, and no row read since the previous look (a drain ends a short wait at once).
      int[] before = {-1};
      Eventually.until("the producer is held by the client", () -> {
        int n = rowsRead.get();
        boolean held = current.get() != null && current.get().waitingForClient() && n == before[0];
        before[0] = n;
        return held;
      });
      // What is out: the response's write queue and the two sockets' buffers, not the whole body.
      assertThat((long) rowsRead.get() * ROW.length).isLessThan(32L << 20);
      assertThat(bodyClosed.get()).isFalse();
    }
    Eventually.until("the producer has ended", bodyClosed::get);
    assertThat(bodyFailure.get()).isInstanceOf(IOException.class);
    assertThat(rowsRead.get()).isLessThan(ROWS);
  }

  @Test
  void aClientThatReadsNothingForTheStallTimeIsDisconnectedAndTheReadingEnds() throws Exception {
    stallMillis = 300;
    try (Socket client = requestWithSmallReceiveBuffer()) {
      Eventually.until("the producer has ended", bodyClosed::get);
      assertThat(bodyFailure.get()).isInstanceOf(IOException.class);
      // What was sent can still be read; then the connection ends (a reset or the end of the stream).
      client.setSoTimeout(30_000);
      byte[] sink = new byte[64 << 10];
      try {
        while (client.getInputStream().read(sink) >= 0) {
          // drain
        }
      } catch (java.net.SocketException reset) {
        // closed by the server: as good as the end of the stream
      }
    }
    assertThat(rowsRead.get()).isLessThan(ROWS);
  }

  /**
   * A client that reads a little before every stall limit kept the producer, and the export's read
   * transaction, for as long as it liked: the whole download now has a time limit.
   */
  @Test
  void aClientThatTricklesIsDisconnectedWhenTheDownloadsTimeIsUp() throws Exception {
    maxMillis = 1_500;
    try (Socket client = requestWithSmallReceiveBuffer()) {
      client.setSoTimeout(30_000);
      byte[] sip = new byte[16 << 10];
      long started = System.nanoTime();
      // 16 KiB every 20 ms: never stalled for long, 0.8 MB/s, far from the 256 MiB in 1.5 s.
      try {
        while (!bodyClosed.get() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
          if (client.getInputStream().read(sip) < 0) {
            break;
          }
          Thread.sleep(20);
        }
      } catch (java.net.SocketException reset) {
        // closed by the server
      }
      Eventually.until("the producer has ended", bodyClosed::get);
    }
    assertThat(bodyFailure.get()).isInstanceOf(IOException.class);
    assertThat(rowsRead.get()).isLessThan(ROWS);
  }

  @Test
  void anErrorAfterTheFirstBytesClosesTheConnectionSoTheDownloadFails() {
    failAfterRows = 20;
    HttpClient http = HttpClient.newHttpClient();
    var download = http.sendAsync(request(), HttpResponse.BodyHandlers.ofByteArray());
    // Closed mid-body: the client fails; a connection left open would leave it waiting (get times out).
    assertThatThrownBy(() -> download.get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
    assertThat(bodyFailure.get()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anErrorBeforeAnyByteIsLeftToTheCallerToAnswer() throws Exception {
    failAfterRows = 0;
    HttpResponse<String> r = HttpClient.newHttpClient().send(request(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("failed before the first byte");
  }

  @Test
  void aWholeBodyArrivesChunkedWithItsHeaders() throws Exception {
    rows = 40;
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(r.body()).hasSize(rows * ROW.length);
    for (int i = 0; i < rows; i++) {
      assertThat(java.util.Arrays.equals(r.body(), i * ROW.length, (i + 1) * ROW.length, ROW, 0, ROW.length))
          .as("row %d", i).isTrue();
    }
    assertThat(bodyFailure.get()).isNull();
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/big"))
        .timeout(java.time.Duration.of(2, java.time.temporal.ChronoUnit.MINUTES)).build();
  }
}
