package org.pledgepad.server.protocol;

import org.pledgepad.server.session.SyncMessages;
import org.pledgepad.server.session.UpdateFraming;
import org.pledgepad.server.wire.SharedFrame;

/**
 * A sync update on the Hocuspocus protocol: the channel's address (the document's name, or for a
 * session-aware provider name, NUL, session id), then the sync message. Equal for every channel
 * of one address, so they share one message per broadcast update.
 */
final class HocuspocusUpdateFraming implements UpdateFraming {
  private final String address;
  /** varString(address), as the channel has it. */
  private final byte[] namePrefix;

  HocuspocusUpdateFraming(String address, byte[] namePrefix) {
    this.address = address;
    this.namePrefix = namePrefix;
  }

  @Override
  public SharedFrame frame(byte[] update) {
    return HocuspocusConnection.syncFrame(namePrefix, SyncMessages.UPDATE, update);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HocuspocusUpdateFraming f && f.address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }
}
