package org.pledgepad.server.store;

import org.pledgepad.history.Hashes;

/**
 * Result of re-computing a document's hash chain.
 *
 * @param rows log rows checked
 * @param firstBrokenSeq sequence number of the first row whose stored hash does not match its
 *     content and predecessor (0 when the chain is intact)
 */
public record ChainCheck(long rows, long firstBrokenSeq) {
  public boolean intact() {
    return firstBrokenSeq == 0;
  }

  /**
   * Walks rows in sequence order with the history module's chain (salted commitment, exact
   * milliseconds, see history/README.md); used by every store so that all verify alike. The
   * full verifier (checkpoints, snapshots, replay) is org.pledgepad.server.history.
   */
  static final class Walker {
    private byte[] previous;
    private long rows;
    private long broken;

    Walker(String document) {
      previous = Hashes.genesis(document);
    }

    void next(String document, long seq, long timeMillis, String actor, byte[] salt, byte[] update,
        byte[] commitment, byte[] storedHash) {
      rows++;
      boolean ok = seq == rows && commitment != null && storedHash != null;
      if (ok && salt != null) {
        // Not erased: the commitment must still be that of the stored update.
        ok = update != null && Hashes.same(Hashes.commitment(salt, update), commitment);
      }
      if (ok) {
        ok = Hashes.same(Hashes.rowHash(previous, document, seq, timeMillis, actor, commitment), storedHash);
      }
      if (broken == 0 && !ok) {
        broken = seq;
      }
      previous = storedHash == null ? new byte[32] : storedHash;
    }

    ChainCheck result() {
      return new ChainCheck(rows, broken);
    }
  }
}
