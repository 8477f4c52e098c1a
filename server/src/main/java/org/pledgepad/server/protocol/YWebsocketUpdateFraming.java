package org.pledgepad.server.protocol;

import org.pledgepad.server.session.SyncMessages;
import org.pledgepad.server.session.UpdateFraming;
import org.pledgepad.server.wire.SharedFrame;

/**
 * A sync update on the y-websocket protocol, which names no document in its messages: every
 * y-websocket peer of a document shares one message per broadcast update.
 */
enum YWebsocketUpdateFraming implements UpdateFraming {
  INSTANCE;

  @Override
  public SharedFrame frame(byte[] update) {
    return YWebsocketConnection.syncFrame(SyncMessages.UPDATE, update);
  }
}
