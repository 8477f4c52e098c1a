package org.pledgepad.server.protocol;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import java.util.UUID;
import io.vertx.core.net.impl.VertxConnection;
import org.pledgepad.server.config.Limits;
import org.pledgepad.server.http.DirectOutbound;
import org.pledgepad.server.http.HardClose;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.wire.MalformedFrameException;
import org.pledgepad.server.wire.SharedFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every WebSocket connection shares regardless of protocol: message rate limit, idle
 * timeout with pings, bounded send queue, close-once with a code, and the rule that a bad
 * message closes this connection only. Message handling runs on the connection's context.
 */
public abstract class WsConnection {
  private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
  /** RFC 6455 allows 123 bytes of close reason; ours are short ASCII. */
  private static final int MAX_REASON_LENGTH = 120;
  /**
   * How long the socket of a connection we closed may take to go before it is closed at once. The
   * close frame waits behind the queued messages, and Vert.x's close of the TCP connection behind
   * them too, so a client that reads nothing (a slow reader dropped with 4503, an idle one) kept
   * its socket, the queued messages and its place in the document's session for as long as it
   * liked. A client that reads at all takes the close frame within this and sees its code.
   */
  static final long CLOSE_GRACE_MILLIS = 5_000;

  protected final Vertx vertx;
  protected final ServerWebSocket ws;
  protected final Limits limits;
  protected final ServerMetrics metrics;
  protected final String id = UUID.randomUUID().toString();
  private final RateLimiter rate;
  /** The connection's own context: all its state is touched there only. */
  private io.vertx.core.Context context;
  /** The socket's event loop thread: every write happens there (see DirectOutbound). */
  private io.netty.channel.EventLoop loop;
  /** Writes handed to the loop from other threads and not yet run; later writes queue behind. */
  private volatile int handedOver;
  /**
   * The socket's Vert.x connection when it writes straight to the channel (DirectOutbound), else
   * null: shared frames are then written as they are, past Vert.x's WebSocket layer.
   */
  private VertxConnection direct;
  private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<WsConnection> HANDED_OVER =
      java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(WsConnection.class, "handedOver");
  private long lastReceived = System.nanoTime();
  private long timer = -1;
  private volatile boolean closed;
  /** The socket itself has closed (Vert.x's close handler ran). */
  private volatile boolean socketClosed;
  /** Bytes of received messages held until their auth resolved, over all documents. */
  private long heldBeforeAuth;

  protected WsConnection(Vertx vertx, ServerWebSocket ws, Limits limits, ServerMetrics metrics) {
    this.vertx = vertx;
    this.ws = ws;
    this.limits = limits;
    this.metrics = metrics;
    this.rate = new RateLimiter(limits.messagesPerSecond(), limits.messageBurst(), lastReceived);
  }

  /** Installs the handlers; call once from the connection's context. */
  public final void start() {
    context = vertx.getOrCreateContext();
    loop = ((io.vertx.core.internal.ContextInternal) context).nettyEventLoop();
    direct = DirectOutbound.connection(ws);
    metrics.connectionOpened();
    ws.setWriteQueueMaxSize(limits.sendQueueBytes());
    ws.binaryMessageHandler(this::onMessage);
    ws.textMessageHandler(t -> violation(new ProtocolViolation(CloseCodes.UNSUPPORTED_DATA, "text frames are not supported")));
    ws.pongHandler(b -> lastReceived = System.nanoTime());
    ws.exceptionHandler(e -> {
      // Netty reports oversized or corrupt frames here, and Vert.x oversized reassembled
      // messages; a reset connection also lands here and is no violation. Content never logged.
      if (isFramingError(e)) {
        violation(new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG, "frame or message too big or corrupt"));
      } else {
        LOG.debug("WebSocket error on connection {}: {}", id, e.getClass().getSimpleName());
      }
    });
    ws.closeHandler(v -> {
      closed = true;
      socketClosed = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      metrics.connectionClosed();
      onClosed();
    });
    long period = Math.max(1000, limits.pingInterval().toMillis() / 2);
    timer = vertx.setPeriodic(period, t -> checkIdle());
    onOpen();
  }

  private void onMessage(Buffer b) {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    lastReceived = now;
    if (!rate.tryAcquire(now)) {
      violation(new ProtocolViolation(CloseCodes.RATE_LIMITED, "message rate limit exceeded"));
      return;
    }
    if (b.length() > limits.maxMessageBytes()) {
      violation(new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG, "message too big"));
      return;
    }
    try {
      onMessage(bytesOf(b));
    } catch (MalformedFrameException e) {
      violation(new ProtocolViolation(CloseCodes.MALFORMED_MESSAGE, e.getMessage()));
    } catch (ProtocolViolation v) {
      violation(v);
    }
  }

  /**
   * The message's bytes: the array under Vert.x's buffer when it holds exactly the message (a
   * fresh heap buffer per received message), so that nothing is copied just to be parsed;
   * otherwise a copy.
   */
  private static byte[] bytesOf(Buffer b) {
    if (b instanceof BufferInternal internal) {
      io.netty.buffer.ByteBuf buf = internal.getByteBuf();
      if (buf.hasArray() && buf.arrayOffset() + buf.readerIndex() == 0 && buf.readableBytes() == buf.array().length) {
        return buf.array();
      }
    }
    return b.getBytes();
  }

  private static boolean isFramingError(Throwable e) {
    return e instanceof io.netty.handler.codec.CorruptedFrameException
        || e instanceof io.netty.handler.codec.TooLongFrameException
        || (e instanceof IllegalStateException && e.getMessage() != null
            && e.getMessage().contains("max message size"));
  }

  private void checkIdle() {
    long silent = System.nanoTime() - lastReceived;
    if (silent > limits.idleTimeout().toNanos()) {
      close(CloseCodes.IDLE_TIMEOUT, "idle timeout");
    } else if (silent > limits.pingInterval().toNanos()) {
      sendPing();
    }
  }

  /**
   * Runs {@code r} on this connection's context: auth hooks may complete their futures anywhere
   * (a database, an identity provider), the connection's state must not be touched from there.
   */
  final void onOwnContext(Runnable r) {
    if (io.vertx.core.Vertx.currentContext() == context) {
      r.run();
    } else {
      context.runOnContext(v -> r.run());
    }
  }

  /**
   * Counts a received message of {@code bytes} that waits for its auth, next to {@code queued}
   * others of its document; over MAX_QUEUED_BEFORE_AUTH or, summed over the connection,
   * MAX_BYTES_QUEUED_BEFORE_AUTH, everything held is dropped and the connection closed (4429).
   */
  final void holdBeforeAuth(int queued, int bytes) {
    String over = queued >= limits.maxQueuedBeforeAuth() ? "too many messages before authentication"
        : heldBeforeAuth + bytes > limits.maxBytesQueuedBeforeAuth() ? "too many bytes before authentication"
        : null;
    if (over != null) {
      dropHeldBeforeAuth();
      throw new ProtocolViolation(CloseCodes.RATE_LIMITED, over);
    }
    heldBeforeAuth += bytes;
  }

  /** Held messages of {@code bytes} were handed to their session or dropped. */
  final void releaseBeforeAuth(int bytes) {
    heldBeforeAuth -= bytes;
  }

  /**
   * Calls {@code expired} on this connection's context after AUTH_TIMEOUT_SECONDS, unless the
   * returned timer is cancelled ({@link #cancelAuthTimer}) when the auth resolved.
   */
  final long startAuthTimer(Runnable expired) {
    return vertx.setTimer(limits.authTimeout().toMillis(), t -> onOwnContext(() -> {
      if (!closed) {
        expired.run();
      }
    }));
  }

  final void cancelAuthTimer(long authTimer) {
    if (authTimer >= 0) {
      vertx.cancelTimer(authTimer);
    }
  }

  /** An auth did not resolve within AUTH_TIMEOUT_SECONDS: what waits for it is dropped, the connection closed. */
  final void authTimedOut() {
    dropHeldBeforeAuth();
    violation(new ProtocolViolation(CloseCodes.IDLE_TIMEOUT, "authentication timeout"));
  }

  /** Closes for something the client sent; logged with the code, never the content. */
  protected final void violation(ProtocolViolation v) {
    if (closed) {
      return;
    }
    metrics.frameRejected(v.code());
    LOG.warn("Closing connection {}: {} ({})", id, v.getMessage(), v.code());
    close(v.code(), v.getMessage());
  }

  /** Queues a message; a reader whose queue is full is dropped rather than buffered. */
  protected final void send(byte[] message) {
    sendShared(Buffer.buffer(message));
  }

  /**
   * Queues a message that other connections may be sending too (one framed update for every
   * peer of a document, a channel's SyncStatus): written as it is, never modified.
   */
  protected final void sendShared(Buffer message) {
    if (closed) {
      return;
    }
    if (onLoopNow()) {
      write(message);
    } else {
      handOver(() -> write(message));
    }
  }

  /**
   * Like {@link #sendShared(Buffer)} for a message built as a whole WebSocket frame: on a socket
   * that writes straight to its channel, a view of that frame goes to the channel and Vert.x's
   * per-message work (slice, frame object, promise, encoding into a new buffer) is skipped.
   */
  protected final void sendShared(SharedFrame frame) {
    if (closed) {
      return;
    }
    if (onLoopNow()) {
      write(frame);
    } else {
      handOver(() -> write(frame));
    }
  }

  private void write(SharedFrame frame) {
    // A message above the frame size goes out in several frames (writeMessage); the direct path
    // writes one frame.
    if (direct == null || frame.messageLength() > limits.maxFrameBytes()) {
      write(frame.message());
      return;
    }
    // Closed first: Vert.x's writeQueueFull() throws on a closed socket. A send must never
    // throw into its caller — the session sends a whole commit batch in one loop, and an
    // exception there once left the rest of the batch committed but neither applied nor
    // broadcast (clients that never converged).
    if (ws.isClosed()) { // Vert.x refuses writes then (a close frame went out or came in)
      closed = true;
      return;
    }
    try {
      if (droppedAsSlowReader()) {
        return;
      }
      direct.write(frame.directFrame(direct.channel().alloc()), false, direct.voidPromise);
    } catch (IllegalStateException closedMeanwhile) {
      closed = true;
    }
  }

  /**
   * Queues messages that belong together (the parts of one split update) behind one check of
   * the send queue: a document larger than the queue still reaches a reader that keeps up, as
   * it did when it went out as one message; a reader still behind at the next send is dropped.
   */
  protected final void sendAll(java.util.List<byte[]> messages) {
    if (closed) {
      return;
    }
    if (onLoopNow()) {
      writeAll(messages);
    } else {
      handOver(() -> writeAll(messages));
    }
  }

  private void writeAll(java.util.List<byte[]> messages) {
    try {
      if (droppedAsSlowReader()) {
        return;
      }
      for (byte[] message : messages) {
        writeMessage(Buffer.buffer(message));
      }
    } catch (IllegalStateException closedMeanwhile) {
      closed = true; // the socket closed after the messages were handed over
    }
  }

  /**
   * One binary message, in frames of at most MAX_FRAME_BYTES. Vert.x would split only at its own
   * frame limit, which is the incoming one and as large as a whole message (browsers send each
   * message as one frame, so a smaller incoming limit refuses what a stock client must send).
   */
  private void writeMessage(Buffer message) {
    int size = limits.maxFrameBytes();
    if (message.length() <= size) {
      ws.writeBinaryMessage(message);
      return;
    }
    for (int from = 0; from < message.length(); from += size) {
      int to = Math.min(message.length(), from + size);
      Buffer part = message.slice(from, to);
      boolean last = to == message.length();
      ws.writeFrame(from == 0 ? WebSocketFrame.binaryFrame(part, last) : WebSocketFrame.continuationFrame(part, last));
    }
  }

  private void write(Buffer message) {
    try {
      if (droppedAsSlowReader()) {
        return;
      }
      writeMessage(message);
    } catch (IllegalStateException closedMeanwhile) {
      // The socket closed after the message was handed over.
      closed = true;
    }
  }

  private boolean droppedAsSlowReader() {
    if (!ws.writeQueueFull()) {
      return false;
    }
    metrics.frameRejected(CloseCodes.SLOW_READER);
    LOG.warn("Closing connection {}: send queue full ({})", id, CloseCodes.SLOW_READER);
    close(CloseCodes.SLOW_READER, "send queue full");
    return true;
  }

  /**
   * Whether a write may run right here: on the socket's event loop with nothing handed over
   * still pending, so that writes keep the order they were asked for. The common case (a
   * session on the loop of its peers' sockets) then allocates no task per message.
   */
  private boolean onLoopNow() {
    return handedOver == 0 && loop.inEventLoop();
  }

  /** Queues a write on the socket's event loop behind every write handed over before it. */
  private void handOver(Runnable write) {
    HANDED_OVER.incrementAndGet(this);
    context.runOnContext(v -> {
      HANDED_OVER.decrementAndGet(this);
      write.run();
    });
  }

  /** Runs a write on the socket's event loop, in the order the writes were asked for. */
  private void onLoop(Runnable write) {
    if (onLoopNow()) {
      write.run();
    } else {
      handOver(write);
    }
  }

  protected final void sendPingFrame() {
    onLoop(() -> {
      try {
        ws.writePing(Buffer.buffer());
      } catch (IllegalStateException closedMeanwhile) {
        closed = true;
      }
    });
  }

  /** The close code a client of this protocol is sent for {@code code} (the code the server counts and logs). */
  protected short closeCodeOnWire(short code) {
    return code;
  }

  public final void close(short code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    String r = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
    onLoop(() -> {
      try {
        ws.close(closeCodeOnWire(code), r);
      } catch (IllegalStateException alreadyClosed) {
        // Closed by the other side meanwhile: nothing left to do.
      }
    });
    vertx.setTimer(CLOSE_GRACE_MILLIS, t -> onLoop(this::closeSocketIfStillOpen));
  }

  private void closeSocketIfStillOpen() {
    if (socketClosed) {
      return;
    }
    if (ws instanceof WebSocketInternal internal) {
      LOG.debug("Connection {} did not take its close within {} ms: socket closed", id, CLOSE_GRACE_MILLIS);
      metrics.connectionCut("close-not-taken");
      HardClose.channel(internal.channelHandlerContext().channel());
    } else {
      LOG.warn("Connection {} did not take its close and its socket cannot be reached", id);
    }
  }

  protected final boolean isClosed() {
    return closed;
  }

  protected final String remoteAddress() {
    return ws.remoteAddress() == null ? "unknown" : ws.remoteAddress().hostAddress();
  }

  /** Called once the handlers are installed. */
  protected abstract void onOpen();

  /**
   * One complete binary message, within the size and rate limits. It may be the received
   * buffer's own array: read it, never modify it.
   */
  protected abstract void onMessage(byte[] message);

  /**
   * Drops every message held until its auth resolved (releasing their bytes): the connection is
   * about to close, and it may take a while until its close handler runs.
   */
  protected abstract void dropHeldBeforeAuth();

  /** Sends the protocol's keep-alive. */
  protected abstract void sendPing();

  /** The socket closed (either side); leave every session. */
  protected abstract void onClosed();
}
