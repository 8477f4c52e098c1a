package org.pledgepad.server.store;

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

  /** Walks rows in sequence order; used by every store so that all verify alike. */
  static final class Walker {
    private byte[] previous = HashChain.GENESIS;
    private long rows;
    private long broken;

    void next(String document, long seq, byte[] update, byte[] storedHash) {
      rows++;
      byte[] expected = HashChain.next(previous, document, seq, update);
      if (broken == 0 && (seq != rows || !java.security.MessageDigest.isEqual(expected, storedHash))) {
        broken = seq;
      }
      previous = storedHash;
    }

    ChainCheck result() {
      return new ChainCheck(rows, broken);
    }
  }
}
