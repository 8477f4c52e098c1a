package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The test relay's close with clients still connected: it must end each WebSocket before its
 * event loops stop, or a client that answers the close frame late waits forever for the TCP
 * connection to drop (see {@link RelayServer}).
 */
class RelayServerTest {
  @Test
  void closeWaitsForEachClientsAnswerSoThatTheClientsCanClose() throws Exception {
    Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      RelayServer relay = new RelayServer();
      WebSocketClient sockets = clients.createWebSocketClient();
      AtomicInteger closed = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        WebSocket ws = sockets.connect(new WebSocketConnectOptions().setAbsoluteURI("ws://127.0.0.1:" + relay.port() + "/d"))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        ws.closeHandler(v -> closed.incrementAndGet());
      }

      // The clients' event loop is busy while the relay closes: none can answer a close frame yet.
      Context clientLoop = clients.getOrCreateContext();
      CountDownLatch busy = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      clientLoop.runOnContext(v -> {
        busy.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> relayClosed = CompletableFuture.runAsync(() -> {
        try {
          relay.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // Without the answers the relay's sockets cannot be closed before Vert.x's 10 s closing
      // timeout, so a close finished within 3 s stopped the relay with its clients still connected.
      boolean closedEarly;
      try {
        relayClosed.get(3, TimeUnit.SECONDS);
        closedEarly = true;
      } catch (TimeoutException expected) {
        closedEarly = false;
      }
      release.countDown();
      assertThat(closedEarly).as("relay closed before its clients answered the close frames").isFalse();

      relayClosed.get(60, TimeUnit.SECONDS); // bounds against hangs, not timing assertions
      clients.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(closed).hasValue(3);
    } finally {
      clients.close();
    }
  }
}
