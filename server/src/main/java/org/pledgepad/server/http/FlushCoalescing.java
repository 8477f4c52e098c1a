package org.pledgepad.server.http;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * One socket write per connection per event-loop turn instead of one per message. A group
 * commit completes many updates at once and each goes to every peer of its document; Vert.x
 * flushes every WebSocket message written outside a read of that socket, i.e. one write(2) per
 * message. Netty's consolidation handler turns those flushes into one scheduled flush per turn,
 * so a peer that receives several updates (and its SyncStatus) gets them in one system call.
 * Nothing is delayed past the current turn of the event loop, and the bytes still count against
 * the socket's send queue limit as soon as they are written.
 */
public final class FlushCoalescing {
  /** Flush at the latest after this many messages even within one turn (bounds the batch). */
  static final int MAX_FLUSHES_PER_TURN = 64;
  static final String HANDLER_NAME = "pledgepad-flush-coalescing";

  private FlushCoalescing() {}

  /** Installs the handler at the head of the connection's pipeline; a no-op for unknown connection types. */
  public static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase c && c.channel().pipeline().get(HANDLER_NAME) == null) {
      c.channel().pipeline().addFirst(HANDLER_NAME, new FlushConsolidationHandler(MAX_FLUSHES_PER_TURN, true));
    }
  }
}
