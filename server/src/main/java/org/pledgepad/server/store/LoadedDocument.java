package org.pledgepad.server.store;

import java.util.List;

/**
 * What a session needs to rebuild a document: the newest snapshot (null when none was written)
 * and the log tail after it.
 *
 * @param snapshotSeq sequence number the snapshot includes (0 without a snapshot)
 */
public record LoadedDocument(byte[] snapshot, long snapshotSeq, List<StoredUpdate> tail) {
  public long headSeq() {
    return tail.isEmpty() ? snapshotSeq : tail.get(tail.size() - 1).seq();
  }
}
