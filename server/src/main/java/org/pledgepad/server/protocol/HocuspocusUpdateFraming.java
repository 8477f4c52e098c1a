package org.pledgepad.server.protocol;

import org.pledgepad.server.session.SyncMessages;
import org.pledgepad.server.session.UpdateFraming;
import org.pledgepad.server.wire.SharedFrame;

/**
 * A sync update on the Hocuspocus protocol: the document's name, then the sync message. Equal
 * for every channel of one document, so they share one message per broadcast update.
 */
final class HocuspocusUpdateFraming implements UpdateFraming {
  private final String documentName;
  /** varString(documentName), as the channel has it. */
  private final byte[] namePrefix;

  HocuspocusUpdateFraming(String documentName, byte[] namePrefix) {
    this.documentName = documentName;
    this.namePrefix = namePrefix;
  }

  @Override
  public SharedFrame frame(byte[] update) {
    return HocuspocusConnection.syncFrame(namePrefix, SyncMessages.UPDATE, update);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HocuspocusUpdateFraming f && f.documentName.equals(documentName);
  }

  @Override
  public int hashCode() {
    return documentName.hashCode();
  }
}
