package org.pledgepad.history;

import java.util.Objects;

/**
 * Produces the next log row of one document from the previous row's hash. The store keeps the
 * head (seq, hash) of each document and appends {@code next(...)} under its per-document lock.
 */
public final class ChainBuilder {
  public static final int SALT_BYTES = 32;

  private final String doc;
  private long headSeq;
  private byte[] headHash;

  /**
   * Continues a document whose newest row has seq {@code headSeq} and hash {@code headHash}.
   * At seq 0 the head is always the document's genesis hash, whatever is passed (a store's
   * column default such as 32 zero bytes must not become the start of a chain).
   */
  public ChainBuilder(String doc, long headSeq, byte[] headHash) {
    this.doc = Objects.requireNonNull(doc);
    if (headSeq < 0) {
      throw new IllegalArgumentException("negative head seq " + headSeq);
    }
    this.headSeq = headSeq;
    this.headHash = headSeq == 0 ? Hashes.genesis(doc) : Objects.requireNonNull(headHash).clone();
  }

  /** A document without rows yet. */
  public static ChainBuilder start(String doc) {
    return new ChainBuilder(doc, 0, Hashes.genesis(doc));
  }

  /** Builds row headSeq + 1 with a fresh random salt and advances the head. */
  public LogRow next(long timeMillis, String actor, String connectionId, byte[] update) {
    return next(timeMillis, actor, connectionId, update, Salts.next());
  }

  /** As {@link #next(long, String, String, byte[])} with a given salt (tests, imports). */
  public LogRow next(long timeMillis, String actor, String connectionId, byte[] update, byte[] salt) {
    long seq = headSeq + 1;
    byte[] commitment = Hashes.commitment(salt, update);
    byte[] hash = Hashes.rowHash(headHash, doc, seq, timeMillis, actor, commitment);
    headSeq = seq;
    headHash = hash;
    return new LogRow(doc, seq, timeMillis, actor, connectionId, salt, update, commitment, hash);
  }

  public long headSeq() {
    return headSeq;
  }

  public byte[] headHash() {
    return headHash.clone();
  }
}
