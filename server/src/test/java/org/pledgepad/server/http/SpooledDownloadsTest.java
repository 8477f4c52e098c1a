package org.pledgepad.server.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.testing.Eventually;

/**
 * A download produced on a worker into a file and sent from there: the producer (for the history
 * export, its read transaction) is done before a slow client has read anything, the answer has
 * its length, a producer's failure is answered with a status, a client that stalls or trickles is
 * disconnected, and no file outlives its download.
 */
class SpooledDownloadsTest {
  /** Rows of 64 KiB that do not compress (as zip entries already deflated do not). */
  private static final byte[] ROW = new byte[64 << 10];

  static {
    new Random(7).nextBytes(ROW);
  }

  @TempDir
  Path dir;
  private Vertx vertx;
  private HttpServer server;
  private SpooledDownloads downloads;
  private final AtomicInteger rowsWritten = new AtomicInteger();
  private final AtomicBoolean producerDone = new AtomicBoolean();
  private final AtomicInteger settled = new AtomicInteger();
  private volatile int failAfterRows = -1;
  private volatile int rows = 512; // 32 MiB: far more than the sockets' buffers

  /** As the server runs it: every connection under {@link StalledWrites}, here with {@code stallMillis}. */
  private void start(long stallMillis, long maxMillis) throws IOException {
    vertx = Vertx.vertx();
    downloads = SpooledDownloads.open(vertx, dir, maxMillis);
    server = vertx.createHttpServer(HttpProtocol.options())
        .connectionHandler(conn -> StalledWrites.install(conn, stallMillis, () -> {}))
        .requestHandler(req -> {
      assertThat(downloads.tryReserve()).isTrue();
      vertx.executeBlocking(() -> downloads.produce(this::rows), false)
          .onFailure(e -> req.response().setStatusCode(500).end("failed before the first byte"))
          .compose(spooled -> downloads.send(req, spooled, "Test download",
              r -> r.putHeader("Content-Type", "application/octet-stream")))
          .onComplete(x -> {
            downloads.release();
            settled.incrementAndGet();
          });
    }).listen(0).await();
  }

  /** Stands in for the export's read transaction: one row a write, marked done however it ends. */
  private void rows(OutputStream out) throws IOException {
    try {
      for (int i = 0; i < rows; i++) {
        if (i == failAfterRows) {
          throw new IllegalStateException("the store failed");
        }
        out.write(ROW);
        rowsWritten.incrementAndGet();
      }
    } finally {
      producerDone.set(true);
    }
  }

  @AfterEach
  void tearDown() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  /** A raw client whose small receive buffer lets the test decide how fast the body is taken. */
  private Socket requestWithSmallReceiveBuffer() throws IOException {
    Socket client = new Socket();
    client.setReceiveBufferSize(64 << 10);
    client.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
    client.getOutputStream().write("GET /big HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    client.getOutputStream().flush();
    return client;
  }

  private long filesLeft() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads until the server ends or closes the connection. */
  private static void drain(Socket client) throws IOException {
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

  /**
   * Streaming into the response held the producer, and with it the export's read transaction,
   * for as long as the client took: here it is done while the client has read nothing.
   */
  @Test
  void theProducerIsDoneBeforeAClientThatReadsNothingHasTakenAnything() throws Exception {
    start(StalledWrites.STALL_MILLIS, SpooledDownloads.MAX_MILLIS);
    try (Socket client = requestWithSmallReceiveBuffer()) {
      Eventually.until("the producer is done", producerDone::get);
      assertThat(rowsWritten.get()).isEqualTo(rows);
      assertThat(settled.get()).isZero(); // still sending
      assertThat(filesLeft()).isEqualTo(1);
    }
    Eventually.until("the download is settled after the client left", () -> settled.get() == 1);
    Eventually.until("its file is deleted", () -> filesLeft() == 0);
    assertThat(downloads.active()).isZero();
  }

  @Test
  void aWholeBodyArrivesWithItsLengthAndHeadersAndItsFileIsGone() throws Exception {
    start(StalledWrites.STALL_MILLIS, SpooledDownloads.MAX_MILLIS);
    rows = 40;
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Length")).hasValue(Long.toString(40L * ROW.length));
    assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(r.body()).hasSize(rows * ROW.length);
    for (int i = 0; i < rows; i++) {
      assertThat(java.util.Arrays.equals(r.body(), i * ROW.length, (i + 1) * ROW.length, ROW, 0, ROW.length))
          .as("row %d", i).isTrue();
    }
    Eventually.until("the download is settled", () -> settled.get() == 1);
    assertThat(filesLeft()).isZero();
  }

  @Test
  void aProducersFailureIsAnsweredWithAStatusAndLeavesNoFile() throws Exception {
    start(StalledWrites.STALL_MILLIS, SpooledDownloads.MAX_MILLIS);
    failAfterRows = 20;
    HttpResponse<String> r = HttpClient.newHttpClient().send(request(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("failed before the first byte");
    Eventually.until("the download is settled", () -> settled.get() == 1);
    assertThat(filesLeft()).isZero();
  }

  @Test
  void aClientThatReadsNothingForTheStallTimeIsDisconnected() throws Exception {
    start(300, SpooledDownloads.MAX_MILLIS);
    try (Socket client = requestWithSmallReceiveBuffer()) {
      Eventually.until("the download is settled", () -> settled.get() == 1);
      drain(client); // what was sent can still be read; then the connection ends
    }
    assertThat(filesLeft()).isZero();
  }

  /** A client that reads a little before every stall limit is disconnected when its time is up. */
  @Test
  void aClientThatTricklesIsDisconnectedWhenTheDownloadsTimeIsUp() throws Exception {
    start(StalledWrites.STALL_MILLIS, 1_500);
    long started = System.nanoTime();
    try (Socket client = requestWithSmallReceiveBuffer()) {
      client.setSoTimeout(30_000);
      byte[] sip = new byte[16 << 10];
      // 16 KiB every 20 ms: never stalled for long, 0.8 MB/s, far from 32 MiB in 1.5 s.
      try {
        while (settled.get() == 0 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
          if (client.getInputStream().read(sip) < 0) {
            break;
          }
          Thread.sleep(20);
        }
      } catch (java.net.SocketException reset) {
        // closed by the server
      }
      Eventually.until("the download is settled", () -> settled.get() == 1);
    }
    // 32 MiB at this pace take 40 s; the limit ended it long before.
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(20));
    assertThat(filesLeft()).isZero();
  }

  @Test
  void filesLeftByAnEarlierProcessAreDeletedAndTheDirectoryIsTheOwnersAlone() throws Exception {
    Path sub = dir.resolve("downloads");
    Files.createDirectories(sub);
    Files.write(sub.resolve("export-123.download"), ROW);
    Files.write(sub.resolve("keep.txt"), ROW);
    vertx = Vertx.vertx();
    SpooledDownloads.open(vertx, sub);
    assertThat(sub.resolve("export-123.download")).doesNotExist();
    assertThat(sub.resolve("keep.txt")).exists();

    Path fresh = dir.resolve("fresh");
    SpooledDownloads d = SpooledDownloads.open(vertx, fresh);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    SpooledDownloads.Spooled s = d.produce(out -> out.write(ROW));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file()))).isEqualTo("rw-------");
    assertThat(s.size()).isEqualTo(ROW.length);
  }

  @Test
  void atMostSoManyDownloadsHoldAPlaceAtOnce() throws Exception {
    vertx = Vertx.vertx();
    SpooledDownloads d = SpooledDownloads.open(vertx, dir);
    for (int i = 0; i < SpooledDownloads.MAX_AT_ONCE; i++) {
      assertThat(d.tryReserve()).isTrue();
    }
    assertThat(d.tryReserve()).isFalse();
    d.release();
    assertThat(d.tryReserve()).isTrue();
    assertThat(d.active()).isEqualTo(SpooledDownloads.MAX_AT_ONCE);
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/big"))
        .timeout(java.time.Duration.of(2, java.time.temporal.ChronoUnit.MINUTES)).build();
  }
}
