package org.pledgepad.server.access;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket client for protocol-level tests: sends binary messages as given and queues
 * every binary message received (reassembled), plus a marker when the server closes.
 */
final class WsProbe implements AutoCloseable {
  static final byte[] CLOSED = new byte[0];

  final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
  volatile int closeCode = -1;
  private final WebSocket ws;

  private WsProbe(WebSocket ws) {
    this.ws = ws;
  }

  /** Opens the socket; returns the HTTP status as a negative number if the upgrade was refused. */
  static Object open(String url, Map<String, String> headers) {
    WsProbe[] holder = new WsProbe[1];
    LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
    headers.forEach(b::header);
    ByteArrayOutputStream partial = new ByteArrayOutputStream();
    int[] code = {-1};
    try {
      WebSocket ws = b.buildAsync(URI.create(url), new WebSocket.Listener() {
        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
          byte[] chunk = new byte[data.remaining()];
          data.get(chunk);
          partial.writeBytes(chunk);
          if (last) {
            queue.add(partial.toByteArray());
            partial.reset();
          }
          w.request(1);
          return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
          code[0] = statusCode;
          if (holder[0] != null) {
            holder[0].closeCode = statusCode;
          }
          queue.add(CLOSED);
          return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
          queue.add(CLOSED);
        }
      }).join();
      WsProbe p = new WsProbe(ws);
      holder[0] = p;
      p.closeCode = code[0];
      queue.drainTo(p.received);
      // Later messages go to the probe's own queue.
      return p.adopt(queue);
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return -h.getResponse().statusCode();
      }
      throw e;
    }
  }

  private WsProbe adopt(LinkedBlockingQueue<byte[]> queue) {
    Thread t = new Thread(() -> {
      try {
        while (true) {
          byte[] m = queue.take();
          received.add(m);
          if (m == CLOSED) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ws-probe");
    t.setDaemon(true);
    t.start();
    return this;
  }

  void send(byte[] message) {
    ws.sendBinary(ByteBuffer.wrap(message), true).join();
  }

  /** The next message; fails the test if none arrives within the hang guard. */
  byte[] next() throws InterruptedException {
    byte[] m = received.poll(30, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message from the server");
    }
    return m;
  }

  @Override
  public void close() {
    ws.abort();
  }
}
