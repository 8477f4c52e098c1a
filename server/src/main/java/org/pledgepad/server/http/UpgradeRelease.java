package org.pledgepad.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.impl.VertxConnection;
import io.vertx.core.net.impl.VertxHandler;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the finished HTTP upgrade of a WebSocket be garbage-collected. Vert.x 5.0 keeps, for the
 * whole life of the socket, the factory that turned the HTTP/1.1 connection into the WebSocket
 * connection ({@code VertxHandler.connectionFactory}, a lambda holding the HTTP connection with
 * its 4 KiB outbound queue, the upgrade request and response and their headers): about 7 KiB of
 * heap per open socket that nothing reads again, since the factory runs once, when the handler
 * is added to the pipeline. Clearing it is the largest single saving per idle connection.
 *
 * <p>The field is Vert.x-internal: should a Vert.x upgrade rename it, this does nothing (logged
 * once) and the server works as before; {@code SocketMemoryTest} fails then, as a reminder.
 */
public final class UpgradeRelease {
  private static final Logger LOG = LoggerFactory.getLogger(UpgradeRelease.class);
  private static final Field FACTORY = factoryField();

  private UpgradeRelease() {}

  /** Call on the socket's event loop, once the socket is handed to the application. */
  public static boolean release(ServerWebSocket ws) {
    if (FACTORY == null || !(ws instanceof WebSocketInternal internal)) {
      return false;
    }
    ChannelHandlerContext ctx = internal.channelHandlerContext();
    if (webSocketConnection(ctx) == null) {
      return false;
    }
    try {
      VertxHandler<?> handler = (VertxHandler<?>) ctx.handler();
      FACTORY.set(handler, null);
      return true;
    } catch (IllegalAccessException e) {
      return false;
    }
  }

  /**
   * The WebSocket connection behind the socket's own pipeline handler; null unless the upgrade
   * is complete (the handler still belongs to the HTTP connection before it).
   */
  static VertxConnection webSocketConnection(ChannelHandlerContext ctx) {
    if (ctx == null || !(ctx.handler() instanceof VertxHandler<?> handler)) {
      return null;
    }
    VertxConnection conn = handler.getConnection();
    return conn != null && conn.getClass().getSimpleName().equals("WebSocketConnectionImpl") ? conn : null;
  }

  private static Field factoryField() {
    try {
      Field f = VertxHandler.class.getDeclaredField("connectionFactory");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.info("Vert.x internals changed ({}): finished upgrades stay in memory with their sockets",
          e.getClass().getSimpleName());
      return null;
    }
  }
}
