package org.pledgepad.server.http;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.impl.VertxConnection;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a WebSocket connection the write path Vert.x 5 uses in its "strict thread mode":
 * writes go straight to the Netty channel instead of through a multi-producer queue. That queue
 * pre-allocates a 1,024-slot chunk (4.6 KiB with its padded header) per connection, the largest
 * part of what an idle socket costs. Vert.x offers strict mode for HTTP connections only, so it
 * is switched on here for WebSocket connections as well.
 *
 * <p>Only for sockets whose every write happens on the socket's event loop thread, which
 * {@code WsConnection} guarantees (it hands writes from other threads to the loop in order).
 * With assertions enabled (tests) Vert.x checks that on each write. The classes are
 * Vert.x-internal: should an upgrade rename them, this does nothing (logged once), and the
 * socket keeps Vert.x's queue; {@code SocketMemoryTest} fails then, as a reminder.
 */
public final class DirectOutbound {
  private static final Logger LOG = LoggerFactory.getLogger(DirectOutbound.class);
  private static final Field QUEUE;
  private static final Constructor<?> DIRECT;

  static {
    Field queue = null;
    Constructor<?> direct = null;
    try {
      queue = VertxConnection.class.getDeclaredField("outboundMessageQueue");
      queue.setAccessible(true);
      direct = Class.forName(VertxConnection.class.getName() + "$DirectOutboundMessageQueue")
          .getDeclaredConstructor(VertxConnection.class);
      direct.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.info("Vert.x internals changed ({}): WebSocket writes keep Vert.x's per-connection queue",
          e.getClass().getSimpleName());
      queue = null;
      direct = null;
    }
    QUEUE = queue;
    DIRECT = direct;
  }

  private DirectOutbound() {}

  /** Call on the socket's event loop before anything else writes to it; true when switched. */
  public static boolean install(ServerWebSocket ws) {
    if (QUEUE == null || !(ws instanceof WebSocketInternal internal)) {
      return false;
    }
    VertxConnection conn = UpgradeRelease.webSocketConnection(internal.channelHandlerContext());
    if (conn == null || !internal.channelHandlerContext().executor().inEventLoop()) {
      return false;
    }
    try {
      QUEUE.set(conn, DIRECT.newInstance(conn));
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The socket's connection when {@link #install} switched it, else null. Its
   * {@code write(msg, false, voidPromise)} then puts a message on the channel at once, in order
   * with Vert.x's own writes (nothing of theirs waits in a queue), which is what lets the server
   * write prebuilt WebSocket frames beside them (WsConnection.sendShared).
   */
  public static VertxConnection connection(ServerWebSocket ws) {
    if (QUEUE == null || !(ws instanceof WebSocketInternal internal)) {
      return null;
    }
    VertxConnection conn = UpgradeRelease.webSocketConnection(internal.channelHandlerContext());
    try {
      return conn != null && DIRECT.getDeclaringClass().isInstance(QUEUE.get(conn)) ? conn : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
