package org.pledgepad.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose client has taken none of what waits for it for {@link #STALL_MILLIS}.
 * Vert.x closes an idle connection, or one we close, only after the writes queued before the
 * close have gone out, so a client that stops reading in the middle of a large answer (a version
 * or a diff of a large document) kept the connection and the whole answer in memory for as long
 * as it liked, its idle timeout included; a few such clients could hold many megabytes each. The
 * check is Netty's idle handler watching the output's progress: it acts only while something
 * waits (the channel is over its write limit), so a quiet keep-alive connection is left to Vert.x's
 * own idle timeout. WebSockets have their own, shorter rules (WsConnection); this is the net under
 * everything.
 */
public final class StalledWrites extends IdleStateHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StalledWrites.class);
  static final String HANDLER_NAME = "pledgepad-stalled-writes";
  /** No byte taken for this long while more waits: the client is gone or stalling on purpose. */
  static final long STALL_MILLIS = 60_000;

  private final long stallMillis;
  private final Runnable onCut;

  StalledWrites(long stallMillis, Runnable onCut) {
    super(true, 0, stallMillis, 0, TimeUnit.MILLISECONDS);
    this.stallMillis = stallMillis;
    this.onCut = onCut;
  }

  /**
   * Installs the check on a new connection; a no-op for unknown connection types.
   *
   * @param onCut runs when the check closes the connection (a metric)
   */
  public static void install(HttpConnection connection, Runnable onCut) {
    install(connection, STALL_MILLIS, onCut);
  }

  /** Without a callback (tests). */
  public static void install(HttpConnection connection) {
    install(connection, STALL_MILLIS, () -> {});
  }

  static void install(HttpConnection connection, long stallMillis, Runnable onCut) {
    if (connection instanceof ConnectionBase c && c.channel().pipeline().get(HANDLER_NAME) == null) {
      c.channel().pipeline().addFirst(HANDLER_NAME, new StalledWrites(stallMillis, onCut));
    }
  }

  @Override
  protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
    // Not passed on: Vert.x has its own idle timeout, which this must not trigger early.
    if (evt.state() == IdleState.WRITER_IDLE && !ctx.channel().isWritable()) {
      LOG.debug("Closing a connection whose client took nothing for {} ms", stallMillis);
      onCut.run();
      HardClose.channel(ctx.channel());
    }
  }
}
