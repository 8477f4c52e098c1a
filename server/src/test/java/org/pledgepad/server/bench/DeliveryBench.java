package org.pledgepad.server.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pledgepad.server.config.Limits;
import org.pledgepad.server.http.DirectOutbound;
import org.pledgepad.server.http.FlushCoalescing;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.protocol.WsConnection;
import org.pledgepad.server.wire.SharedFrame;

/**
 * CPU of the delivery path alone, in lockstep so that machine load does not change the
 * batching: SOCKETS server connections (as the server sets them up: direct writes, flush
 * coalescing) on one event loop; each round writes PER_ROUND small messages to every
 * connection in one turn of that loop, as a group commit does, and the next round starts once
 * in-process clients (on another Vert.x) received them all. Reports the server event loop's
 * thread CPU (user + system, so the socket writes count) per 1,000 deliveries, its bytes
 * allocated and the process's write system calls per delivery (both independent of machine
 * load, unlike the CPU figure) for two ways of
 * sending, alternated in blocks: "copy" (each peer builds and copies its own message, as before
 * shared framing), "shared" (one Vert.x buffer for all peers) and "frame" (one prebuilt
 * WebSocket frame for all peers, written past Vert.x's WebSocket layer),
 * and both transports (NIO and epoll, each its own pair of Vert.x instances in this JVM), all
 * six alternated in every cycle so that they share the machine's load.
 *
 * <pre>  DeliveryBench [SOCKETS=200] [PER_ROUND=3] [ROUNDS=300] [CYCLES=8]</pre>
 */
public final class DeliveryBench {
  /** copy: own message per peer; shared: one Vert.x buffer for all; frame: one prebuilt WebSocket frame for all. */
  private static final List<String> MODES = List.of("copy", "shared", "frame");

  private DeliveryBench() {}

  /** A connection that sends; what arrives is only kept (SharedFrameDeliveryTest reads it). */
  public static final class SendOnly extends WsConnection {
    public final List<byte[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SendOnly(Vertx vertx, ServerWebSocket ws, Limits limits) {
      super(vertx, ws, limits, ServerMetrics.noop());
    }

    public void copy(byte[] message) {
      send(message);
    }

    public void shared(Buffer message) {
      sendShared(message);
    }

    public void frame(SharedFrame frame) {
      sendShared(frame);
    }

    @Override
    protected void onOpen() {}

    @Override
    protected void onMessage(byte[] message) {
      received.add(message);
    }

    @Override
    protected void dropHeldBeforeAuth() {}

    @Override
    protected void sendPing() {}

    @Override
    protected void onClosed() {}
  }

  /** One server Vert.x with its connections and one client Vert.x, on one transport. */
  private static final class Setup {
    final Vertx server;
    final Vertx clients;
    /** A field, so the sockets live as long as the setup: Vert.x closes an unreferenced client's. */
    final WebSocketClient sockets;
    final List<SendOnly> conns = new ArrayList<>();
    final AtomicLong received = new AtomicLong();
    Context context;
    long loopThread;

    Setup(boolean preferNative, int sockets, Limits limits) throws Exception {
      server = Vertx.vertx(new VertxOptions().setPreferNativeTransport(preferNative));
      clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(preferNative));
      CompletableFuture<Integer> port = new CompletableFuture<>();
      server.deployVerticle(new AbstractVerticle() {
        @Override
        public void start(Promise<Void> started) {
          Setup.this.context = context;
          loopThread = Thread.currentThread().getId();
          HttpServer http = vertx.createHttpServer()
              .connectionHandler(FlushCoalescing::install)
              .webSocketHandler(ws -> {
                DirectOutbound.install(ws);
                SendOnly c = new SendOnly(vertx, ws, limits);
                c.start();
                conns.add(c);
              });
          http.listen(0, "127.0.0.1").onSuccess(s -> {
            port.complete(s.actualPort());
            started.complete();
          }).onFailure(started::fail);
        }
      });
      this.sockets = clients.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000));
      int p = port.get(30, TimeUnit.SECONDS);
      for (int i = 0; i < sockets; i++) {
        this.sockets.connect(p, "127.0.0.1", "/").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
            .binaryMessageHandler(b -> received.incrementAndGet());
      }
      CompletableFuture<Integer> counted = new CompletableFuture<>();
      while (!counted.isDone() || counted.get() < sockets) {
        counted = new CompletableFuture<>();
        CompletableFuture<Integer> c = counted;
        context.runOnContext(v -> c.complete(conns.size()));
        counted.get(10, TimeUnit.SECONDS);
        Thread.sleep(10);
      }
    }

    String transport() {
      return server.isNativeTransportEnabled() ? "epoll" : "nio";
    }

    /** Loop-thread CPU nanoseconds, loop-thread bytes allocated, process write system calls. */
    record Cost(long cpuNanos, long allocatedBytes, long writeCalls) {}

    /** What {@code rounds} lockstep rounds cost. */
    Cost run(String mode, byte[] message, int perRound, int rounds) throws Exception {
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getThreadCpuTime(loopThread);
      long alloc0 = threads.getThreadAllocatedBytes(loopThread);
      long writes0 = writeCalls();
      for (int r = 0; r < rounds; r++) {
        long expect = received.get() + (long) conns.size() * perRound;
        CountDownLatch sent = new CountDownLatch(1);
        context.runOnContext(v -> {
          for (int k = 0; k < perRound; k++) {
            if (mode.equals("frame")) {
              SharedFrame one = SharedFrame.of(message);
              for (SendOnly c : conns) {
                c.frame(one);
              }
            } else if (mode.equals("shared")) {
              Buffer one = Buffer.buffer(message);
              for (SendOnly c : conns) {
                c.shared(one);
              }
            } else {
              for (SendOnly c : conns) {
                c.copy(message.clone()); // the peer's own framing of the update, then Vert.x's copy
              }
            }
          }
          sent.countDown();
        });
        sent.await();
        while (received.get() < expect) {
          java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
      }
      return new Cost(threads.getThreadCpuTime(loopThread) - cpu0,
          threads.getThreadAllocatedBytes(loopThread) - alloc0, writeCalls() - writes0);
    }

    /** This process's write-like system calls so far (Linux /proc/self/io, syscw). */
    private static long writeCalls() throws java.io.IOException {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/io"))) {
        if (line.startsWith("syscw:")) {
          return Long.parseLong(line.substring(6).trim());
        }
      }
      return -1;
    }

    void close() throws Exception {
      clients.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      server.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  public static void main(String[] args) throws Exception {
    int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int cycles = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Limits limits = new Limits(Limits.DEFAULT_MAX_FRAME_BYTES, Limits.DEFAULT_MAX_MESSAGE_BYTES, 1000, 2000,
        Limits.DEFAULT_MAX_DOCUMENT_BYTES, java.time.Duration.ofHours(1), java.time.Duration.ofHours(1),
        Limits.DEFAULT_SEND_QUEUE_BYTES, Limits.DEFAULT_MAX_DOCUMENTS_PER_CONNECTION,
        Limits.DEFAULT_MAX_QUEUED_BEFORE_AUTH, Limits.DEFAULT_MAX_BYTES_QUEUED_BEFORE_AUTH, Limits.DEFAULT_AUTH_TIMEOUT);
    Setup nio = new Setup(false, sockets, limits);
    Setup epoll = new Setup(true, sockets, limits);
    // A typical broadcast: a keystroke's update (~40 bytes) behind a Hocuspocus document name.
    byte[] message = new byte[60];
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 31 + 7);
    }
    System.out.printf("{\"transports\":\"%s,%s\",\"sockets\":%d,\"perRound\":%d,\"rounds\":%d,\"load1\":\"%s\"}%n",
        nio.transport(), epoll.transport(), sockets, perRound, rounds, load1());
    double deliveries = (double) rounds * perRound * sockets / 1000.0;
    for (int cycle = -1; cycle < cycles; cycle++) { // the first cycle warms the JIT, unreported
      for (Setup s : List.of(nio, epoll)) {
        for (String mode : MODES) {
          Setup.Cost c = s.run(mode, message, perRound, rounds);
          if (cycle >= 0) {
            System.out.printf("{\"cycle\":%d,\"transport\":\"%s\",\"mode\":\"%s\",\"loopCpuMsPer1000Deliveries\":%.3f,"
                + "\"loopBytesPerDelivery\":%.1f,\"writeCallsPerDelivery\":%.3f,\"load1\":\"%s\"}%n",
                cycle, s.transport(), mode, c.cpuNanos() / 1e6 / deliveries,
                c.allocatedBytes() / deliveries / 1000.0, c.writeCalls() / deliveries / 1000.0, load1());
          }
        }
      }
    }
    nio.close();
    epoll.close();
  }

  private static String load1() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
