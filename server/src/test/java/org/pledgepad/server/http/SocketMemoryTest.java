package org.pledgepad.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two per-socket memory savings reach into Vert.x internals: this fails when a Vert.x
 * upgrade moved them (the server still works then, but an idle socket costs ~11 KiB more), and
 * checks that a socket with the direct write path still echoes, in order.
 */
class SocketMemoryTest {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void upgradeIsReleasedAndWritesGoDirectlyToTheChannel() throws Exception {
    CompletableFuture<Boolean> released = new CompletableFuture<>();
    CompletableFuture<Boolean> direct = new CompletableFuture<>();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(req -> req.response().setStatusCode(404).end())
        .webSocketHandshakeHandler(h -> h.accept()) // as the server does: the handler runs after the upgrade
        .webSocketHandler(ws -> {
          released.complete(UpgradeRelease.release(ws));
          direct.complete(DirectOutbound.install(ws));
          // Echo twice from the event loop: the direct path must keep the order of writes.
          ws.binaryMessageHandler(b -> {
            ws.writeBinaryMessage(Buffer.buffer("1:").appendBuffer(b));
            ws.writeBinaryMessage(Buffer.buffer("2:").appendBuffer(b));
          });
        });
    int port = server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();

    StringBuilder got = new StringBuilder();
    CompletableFuture<String> echoed = new CompletableFuture<>();
    WebSocket client = vertx.createWebSocketClient().connect(port, "127.0.0.1", "/x")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client.binaryMessageHandler(b -> {
      got.append(b.toString()).append(' ');
      if (got.toString().startsWith("1:hello 2:hello")) {
        echoed.complete(got.toString().trim());
      }
    });
    client.writeBinaryMessage(Buffer.buffer("hello"));

    assertThat(released.get(10, TimeUnit.SECONDS)).as("upgrade factory cleared").isTrue();
    assertThat(direct.get(10, TimeUnit.SECONDS)).as("direct write path installed").isTrue();
    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("1:hello 2:hello");
  }
}
