package org.pledgepad.server.http;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * Takes the HTTP server's idle handler out of a WebSocket's pipeline. The server's idle timeout
 * (twice IDLE_TIMEOUT) is meant for plain HTTP connections; a WebSocket connection watches its
 * own silence (WsConnection: pings, then a close after IDLE_TIMEOUT, which Vert.x ends by itself
 * when the peer does not answer the close), so the handler would never fire first. Per idle
 * socket it costs the handler, its pipeline context and a scheduled task (about 260 bytes), and
 * each write a listener. {@link StalledWrites} goes too, for the same reasons: a WebSocket client
 * that takes nothing is dropped by WsConnection (4503 or its idle timeout, then closed at the
 * socket).
 */
public final class IdleHandlerRemoval {
  private IdleHandlerRemoval() {}

  /** Call on the socket's event loop; true when a handler was removed. */
  public static boolean remove(ServerWebSocket ws) {
    if (!(ws instanceof WebSocketInternal internal) || internal.channelHandlerContext() == null) {
      return false;
    }
    ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
    if (pipeline.get(StalledWrites.HANDLER_NAME) != null) {
      pipeline.remove(StalledWrites.HANDLER_NAME); // first: it is an IdleStateHandler too
    }
    if (pipeline.get(IdleStateHandler.class) == null) {
      return false;
    }
    pipeline.remove(IdleStateHandler.class);
    return true;
  }
}
