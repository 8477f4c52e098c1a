package org.pledgepad.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generator's eventLoops setting must mean threads: each lane on its own event loop. */
class LaneContextTest {
  @Test
  void lanesCreatedFromTheMainThreadRunOnDistinctEventLoops() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    try {
      var sockets = vertx.createWebSocketClient();
      Set<String> threads = new HashSet<>();
      for (int i = 0; i < 2; i++) {
        Lane lane = new Lane(vertx, new Clock(), sockets, new YWebsocketWire(), ClientMode.FULL);
        CompletableFuture<String> thread = new CompletableFuture<>();
        lane.context.runOnContext(v -> thread.complete(Thread.currentThread().getName()));
        threads.add(thread.get(10, TimeUnit.SECONDS));
      }
      assertEquals(2, threads.size(), "lane threads: " + threads);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
