package org.pledgepad.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;

/**
 * Closes a connection at once, whatever is queued on it. Vert.x's own close, of an HTTP
 * connection or a WebSocket, is queued behind the writes waiting for the client (its channel
 * handler intercepts Netty's close too), so for a client that reads nothing it never happens: the
 * socket, its kernel buffers and everything queued stay until the client goes. A close started
 * at the pipeline's first handler passes Vert.x's handler by and reaches the socket, dropping
 * what waits; Vert.x then sees the connection closed as if the client had left and runs its
 * close handlers.
 */
public final class HardClose {
  private HardClose() {}

  public static void channel(Channel channel) {
    ChannelHandlerContext first = channel.pipeline().firstContext();
    if (first != null) {
      first.close();
    } else {
      channel.close();
    }
  }
}
