package org.pledgepad.server.protocol;

import io.vertx.core.buffer.Buffer;
import org.pledgepad.server.session.SyncMessages;
import org.pledgepad.server.session.UpdateFraming;

/**
 * A sync update on the y-websocket protocol, which names no document in its messages: every
 * y-websocket peer of a document shares one message per broadcast update.
 */
enum YWebsocketUpdateFraming implements UpdateFraming {
  INSTANCE;

  @Override
  public Buffer frame(byte[] update) {
    return Buffer.buffer(YWebsocketConnection.syncMessage(SyncMessages.UPDATE, update));
  }
}
