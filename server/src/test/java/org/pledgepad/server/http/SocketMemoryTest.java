package org.pledgepad.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-socket memory savings reach into Vert.x internals: this fails when a Vert.x upgrade
 * moved them (the server still works then, but an idle socket costs ~12 KiB more), and checks
 * that a socket with the direct write path still echoes, in order.
 */
class SocketMemoryTest {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    // Await's 60 s: a bound against hangs; closing sockets took over 10 s at load 27 (2988ab6)
    org.pledgepad.server.testing.Await.result(vertx.close());
  }

  @Test
  void upgradeIsReleasedAndWritesGoDirectlyToTheChannel() throws Exception {
    CompletableFuture<Boolean> released = new CompletableFuture<>();
    CompletableFuture<Boolean> direct = new CompletableFuture<>();
    CompletableFuture<String> trimmed = new CompletableFuture<>();
    CompletableFuture<String> idleHandler = new CompletableFuture<>();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setIdleTimeout(60))
        .requestHandler(req -> req.response().setStatusCode(404).end())
        .connectionHandler(StalledWrites::install) // as the server does: both idle handlers must go
        .webSocketHandshakeHandler(h -> h.accept()) // as the server does: the handler runs after the upgrade
        .webSocketHandler(ws -> {
          released.complete(UpgradeRelease.release(ws));
          direct.complete(DirectOutbound.install(ws));
          String before = ws.uri() + " " + ws.query() + " " + ws.headers().contains("Host");
          var pipeline = ((io.vertx.core.internal.http.WebSocketInternal) ws).channelHandlerContext().pipeline();
          boolean had = pipeline.get(io.netty.handler.timeout.IdleStateHandler.class) != null;
          boolean removed = IdleHandlerRemoval.remove(ws);
          idleHandler.complete(had + " " + removed + " " + (pipeline.get(io.netty.handler.timeout.IdleStateHandler.class) != null));
          boolean done = HandshakeTrim.trim(ws);
          trimmed.complete(done + " " + before + " -> " + ws.uri() + " " + ws.query() + " " + ws.headers().isEmpty());
          // Echo twice from the event loop: the direct path must keep the order of writes.
          ws.binaryMessageHandler(b -> {
            ws.writeBinaryMessage(Buffer.buffer("1:").appendBuffer(b));
            ws.writeBinaryMessage(Buffer.buffer("2:").appendBuffer(b));
          });
        });
    int port = server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();

    // The JDK's client: Vert.x 5.0.7's own WebSocket client loses the handshake against this
    // server on this machine (even without the changes under test).
    StringBuilder got = new StringBuilder();
    CompletableFuture<String> echoed = new CompletableFuture<>();
    java.net.http.WebSocket client = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(java.net.URI.create("ws://127.0.0.1:" + port + "/x?token=t"), new java.net.http.WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket w, java.nio.ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            got.append(new String(b, java.nio.charset.StandardCharsets.UTF_8)).append(' ');
            if (got.toString().startsWith("1:hello 2:hello")) {
              echoed.complete(got.toString().trim());
            }
            w.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    client.sendBinary(java.nio.ByteBuffer.wrap("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)), true);

    assertThat(released.get(10, TimeUnit.SECONDS)).as("upgrade factory cleared").isTrue();
    assertThat(direct.get(10, TimeUnit.SECONDS)).as("direct write path installed").isTrue();
    assertThat(trimmed.get(10, TimeUnit.SECONDS)).as("upgrade query and headers dropped")
        .isEqualTo("true /x?token=t token=t true -> /x null true");
    assertThat(idleHandler.get(10, TimeUnit.SECONDS)).as("idle handler there, removed, gone").isEqualTo("true true false");
    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("1:hello 2:hello");
  }
}
