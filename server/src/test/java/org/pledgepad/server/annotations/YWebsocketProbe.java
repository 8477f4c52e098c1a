package org.pledgepad.server.annotations;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.WireWriter;

/**
 * A minimal y-websocket client for tests: sends Yjs updates as an editor would and fetches the
 * server's full document state (sync step 1 with an empty state vector, answered by step 2).
 */
public final class YWebsocketProbe implements AutoCloseable {
  private final WebSocket ws;
  private final BlockingQueue<byte[]> messages;

  private YWebsocketProbe(WebSocket ws, BlockingQueue<byte[]> messages) {
    this.ws = ws;
    this.messages = messages;
  }

  public static YWebsocketProbe connect(String wsBase, String document, String token) throws Exception {
    ByteArrayOutputStream partial = new ByteArrayOutputStream();
    BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create(wsBase + "/ws/" + document + "?token=" + token), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            partial.writeBytes(b);
            if (last) {
              queue.add(partial.toByteArray());
              partial.reset();
            }
            w.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    return new YWebsocketProbe(ws, queue);
  }

  public void sendUpdate(byte[] update) throws Exception {
    ws.sendBinary(ByteBuffer.wrap(new WireWriter().writeVarUint(0).writeVarUint(2).writeVarUint8Array(update)
        .toByteArray()), true).get(10, TimeUnit.SECONDS);
  }

  /** The server's whole document as one v1 update. */
  public byte[] fetchState() throws Exception {
    ws.sendBinary(ByteBuffer.wrap(new WireWriter().writeVarUint(0).writeVarUint(0).writeVarUint8Array(new byte[] {0})
        .toByteArray()), true).get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      byte[] m = messages.poll(1, TimeUnit.SECONDS);
      if (m == null) {
        continue;
      }
      WireReader r = new WireReader(m);
      if (r.readVarUint() == 0 && r.readVarUint() == 1) {
        return r.readVarUint8Array();
      }
    }
    throw new AssertionError("no sync step 2 from the server");
  }

  /** Whether the server has closed the connection (its close frame arrived). */
  public boolean closedByServer() {
    return ws.isInputClosed();
  }

  @Override
  public void close() {
    ws.abort();
  }
}
