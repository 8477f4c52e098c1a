package org.pledgepad.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.sync.SyncMessage;
import org.pledgepad.crdt.sync.YWebsocketMessage;
import org.pledgepad.crdt.sync.YWebsocketMessages;

/**
 * A minimal y-websocket relay for the tests, on one event loop: a document per room path,
 * step 2 answers a step 1, updates are applied and forwarded to the room's other sockets (or,
 * with echoUpdates, to every socket of the room, the sender included, as @y/websocket-server
 * does), awareness goes to every socket of the room.
 *
 * <p>{@link #close()} ends every WebSocket before it closes Vert.x. Closing Vert.x alone sends each
 * client a close frame and stops the event loops at once (Vert.x 5.0.7 shuts Netty 4.2.9's loops
 * down with a quiet period of 0); a loop that sees the shutdown only after it checked for one in its
 * current iteration exits without closing its channels, and its pending closing timeouts are
 * cancelled. The relay's end of the TCP connection then stays open, unread, and the client, which
 * answered the close frame and waits for the server to drop the connection (RFC 6455 7.1.1; Vert.x
 * has no timeout on that side), never finishes closing: its own Vert.x {@code close()} never
 * completes. Seen in CI at f36c305, and in about 1 of 20 closes of a busy test JVM.
 */
final class RelayServer implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Doc> docs = new HashMap<>();
  private final Map<String, List<ServerWebSocket>> rooms = new HashMap<>();
  /** Every open socket, on the relay's thread. */
  private final List<ServerWebSocket> open = new ArrayList<>();
  private final HttpServer server;
  private volatile Context context;
  private final boolean echoUpdates;
  int framesIn;
  /** Forwards waiting for {@link #release()} while held (null: forwarding at once). */
  private List<Runnable> held;

  RelayServer() throws Exception {
    this(false);
  }

  RelayServer(boolean echoUpdates) throws Exception {
    this.echoUpdates = echoUpdates;
    server = vertx.createHttpServer().webSocketHandler(this::accept).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  int port() {
    return server.actualPort();
  }

  private void accept(ServerWebSocket ws) {
    context = Vertx.currentContext();
    String room = ws.path().split("\\?")[0];
    Doc doc = docs.computeIfAbsent(room, r -> new Doc());
    List<ServerWebSocket> peers = rooms.computeIfAbsent(room, r -> new ArrayList<>());
    peers.add(ws);
    open.add(ws);
    ws.closeHandler(v -> {
      peers.remove(ws);
      open.remove(ws);
    });
    ws.binaryMessageHandler(buf -> {
      framesIn++;
      byte[] frame = buf.getBytes();
      YWebsocketMessage m = YWebsocketMessages.decode(frame);
      if (m instanceof YWebsocketMessage.Sync sync) {
        SyncMessage s = sync.message();
        if (s.isStep1()) {
          ws.writeBinaryMessage(Buffer.buffer(YWebsocketMessages.encodeSyncStep2(Y.encodeStateAsUpdate(doc, s.payload()))));
        } else {
          Y.applyUpdate(doc, s.payload());
          forwardOrHold(() -> forward(peers, ws, frame, echoUpdates));
        }
      } else if (m instanceof YWebsocketMessage.Awareness) {
        forwardOrHold(() -> forward(peers, ws, frame, true));
      }
    });
  }

  /** The relay's copy of a room's text "text", read on the relay's thread. */
  String text(String room) throws Exception {
    Promise<String> p = Promise.promise();
    context.runOnContext(v -> p.complete(docs.get(room).getText("text").toString()));
    return p.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void forwardOrHold(Runnable forward) {
    if (held != null) {
      held.add(forward);
    } else {
      forward.run();
    }
  }

  /** From now on, updates and awareness are applied but not forwarded until {@link #release()}. */
  void hold() throws Exception {
    onRelay(() -> held = new ArrayList<>());
  }

  /** Forwards everything held, in order, and forwards at once again. */
  void release() throws Exception {
    onRelay(() -> {
      List<Runnable> waiting = held;
      held = null;
      waiting.forEach(Runnable::run);
    });
  }

  private void onRelay(Runnable r) throws Exception {
    Promise<Void> p = Promise.promise();
    context.runOnContext(v -> {
      r.run();
      p.complete();
    });
    p.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS); // a bound against hangs
  }

  private static void forward(List<ServerWebSocket> peers, ServerWebSocket from, byte[] frame, boolean toSender) {
    for (ServerWebSocket p : peers) {
      if (toSender || p != from) {
        p.writeBinaryMessage(Buffer.buffer(frame));
      }
    }
  }

  /**
   * Closes every socket while the event loop still runs (each close completes once the client
   * answered and the connection is gone, or after Vert.x's 10 s closing timeout), then Vert.x.
   */
  @Override
  public void close() throws Exception {
    Context ctx = context;
    if (ctx != null) {
      Promise<Void> socketsClosed = Promise.promise();
      ctx.runOnContext(v -> Future.join(new ArrayList<>(open).stream().map(ServerWebSocket::close).toList())
          .onComplete(ar -> socketsClosed.complete()));
      // bounds, not timing assertions
      socketsClosed.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
