package org.pledgepad.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Eventually.until;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.bench.DeliveryBench.SendOnly;
import org.pledgepad.server.config.Limits;
import org.pledgepad.server.http.DirectOutbound;
import org.pledgepad.server.http.FlushCoalescing;
import org.pledgepad.server.wire.SharedFrame;

/**
 * Prebuilt frames through real sockets, set up as the server sets them up (direct writes, flush
 * coalescing): they arrive as the messages they carry, in order with messages written through
 * Vert.x, and one above the frame size limit still arrives whole (Vert.x splits it).
 */
class SharedFrameDeliveryTest {
  private static final int MAX_FRAME = 1024;

  private Vertx server;
  private Vertx client;
  /**
   * Held for the test's length: Vert.x closes a client the collector finds unreferenced, with
   * its sockets (CleanableWebSocketClient), even one mid-handshake.
   */
  private WebSocketClient wsClient;
  /** Server side of every upgrade (one per test). */
  private final LinkedBlockingQueue<SendOnly> senders = new LinkedBlockingQueue<>();
  private SendOnly sender;
  private final List<byte[]> received = new CopyOnWriteArrayList<>();
  private WebSocket clientSocket;

  @BeforeEach
  void connect() throws Exception {
    Limits limits = new Limits(MAX_FRAME, 1 << 20, 1000, 2000, Limits.DEFAULT_MAX_DOCUMENT_BYTES,
        Duration.ofHours(1), Duration.ofHours(1), Limits.DEFAULT_SEND_QUEUE_BYTES,
        Limits.DEFAULT_MAX_DOCUMENTS_PER_CONNECTION, Limits.DEFAULT_MAX_QUEUED_BEFORE_AUTH,
        Limits.DEFAULT_MAX_BYTES_QUEUED_BEFORE_AUTH, Limits.DEFAULT_AUTH_TIMEOUT);
    // Our epoll dependency ships for Linux x86-64 only: elsewhere the epoll variant cannot run.
    // Where it ships (CI), a transport that fails to load is a failure, not a skip.
    org.junit.jupiter.api.Assumptions.assumeTrue(!nativeTransport() || linuxX8664(),
        "epoll ships for Linux x86-64 only");
    server = Vertx.vertx(new io.vertx.core.VertxOptions().setPreferNativeTransport(nativeTransport()));
    assertThat(server.isNativeTransportEnabled())
        .as("native transport (cause if not: %s)", server.unavailableNativeTransportCause())
        .isEqualTo(nativeTransport());
    client = Vertx.vertx();
    // As the server: Vert.x splits outgoing messages at the same frame limit (ServerVerticle).
    HttpServer http = server.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(MAX_FRAME))
        .connectionHandler(FlushCoalescing::install)
        .webSocketHandshakeHandler(h -> h.accept()) // as SyncEndpoints: upgraded before the socket is set up
        .webSocketHandler(ws -> {
          DirectOutbound.install(ws);
          SendOnly s = new SendOnly(server, ws, limits);
          s.start();
          senders.add(s);
        });
    int port = http.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    wsClient = client.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(MAX_FRAME));
    WebSocket ws = wsClient.connect(port, "127.0.0.1", "/").toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    sender = senders.poll(30, TimeUnit.SECONDS);
    assertThat(senders).as("one upgrade, one server-side socket").isEmpty();
    ws.binaryMessageHandler(b -> received.add(b.getBytes()));
    clientSocket = ws;
  }

  /** The server's transport: NIO here, epoll in {@link SharedFrameEpollDeliveryTest}. */
  boolean nativeTransport() {
    return false;
  }

  private static boolean linuxX8664() {
    return System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").matches("amd64|x86_64");
  }

  @AfterEach
  void close() throws Exception {
    if (client == null) { // skipped (no epoll on this platform) or failed before the client
      if (server != null) {
        server.close();
      }
      return;
    }
    if (wsClient != null) {
      wsClient.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static byte[] message(int length, int seed) {
    byte[] m = new byte[length];
    for (int i = 0; i < length; i++) {
      m[i] = (byte) (i * 31 + seed);
    }
    return m;
  }

  @Test
  void sharedFramesArriveInOrderWithOwnMessagesAndAboveTheFrameLimit() throws Exception {
    SendOnly s = sender;
    assertThat(DirectOutbound.connection(s.ws)).as("the socket writes straight to its channel, so frames skip Vert.x").isNotNull();
    List<byte[]> sent = List.of(message(5, 1), message(60, 2), message(200, 3), message(MAX_FRAME * 3, 4),
        message(126, 5), message(0, 6));
    SharedFrame once = SharedFrame.of(sent.get(1));
    server.runOnContext(v -> {
      // on some loop: WsConnection hands writes to the socket's loop when needed, in order
      s.copy(sent.get(0));
      s.frame(once);
      s.copy(sent.get(2));
      s.frame(SharedFrame.of(sent.get(3))); // above the frame limit: goes through Vert.x
      s.frame(SharedFrame.of(sent.get(4)));
      s.frame(SharedFrame.of(sent.get(5)));
      s.frame(once); // the same frame again
    });
    until("all delivered", () -> received.size() == sent.size() + 1);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(received.get(i)).as("message %d", i).isEqualTo(sent.get(i));
    }
    assertThat(received.get(sent.size())).isEqualTo(sent.get(1));
  }

  @Test
  void nothingIsWrittenAfterTheConnectionClosed() throws Exception {
    SendOnly s = sender;
    CompletableFuture<Void> done = new CompletableFuture<>();
    server.runOnContext(v -> {
      s.frame(SharedFrame.of(message(10, 1)));
      s.close(CloseCodes.GOING_AWAY, "bye");
      s.frame(SharedFrame.of(message(10, 2)));
      done.complete(null);
    });
    done.get(30, TimeUnit.SECONDS);
    until("first delivered", () -> received.size() == 1);
    Thread.sleep(200);
    assertThat(received).hasSize(1);
    assertThat(Buffer.buffer(received.get(0)).getBytes()).isEqualTo(message(10, 1));
  }

  @Test
  void messagesFromTheClientReachTheHandlerWholeWhetherOneFrameOrSeveral() throws Exception {
    SendOnly s = sender;
    byte[] small = message(7, 1);
    byte[] large = message(MAX_FRAME * 3 + 17, 2); // the client's writer splits it into frames
    byte[] first = message(100, 3);
    byte[] rest = message(50, 4);
    clientSocket.writeBinaryMessage(Buffer.buffer(small));
    clientSocket.writeBinaryMessage(Buffer.buffer(large));
    clientSocket.writeFrame(io.vertx.core.http.WebSocketFrame.binaryFrame(Buffer.buffer(first), false));
    clientSocket.writeFrame(io.vertx.core.http.WebSocketFrame.continuationFrame(Buffer.buffer(rest), true));
    until("all arrived", () -> s.received.size() == 3);
    assertThat(s.received.get(0)).isEqualTo(small);
    assertThat(s.received.get(1)).isEqualTo(large);
    assertThat(s.received.get(2)).isEqualTo(Buffer.buffer(first).appendBytes(rest).getBytes());
  }
}
