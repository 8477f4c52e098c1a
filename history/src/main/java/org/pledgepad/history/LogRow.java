package org.pledgepad.history;

import java.util.Objects;

/**
 * One row of a document's append-only update log, exactly as the store persists it.
 *
 * <p>The hash covers the commitment, not the update: {@code commitment = SHA-256(salt ‖ update)}
 * with a random per-row salt. Erasing a person's content (GDPR Art. 17) drops salt and update and
 * keeps the commitment, so the chain still verifies; the salt stops anyone from confirming a
 * guessed text against the kept commitment.
 *
 * @param doc document name
 * @param seq per-document sequence number, 1, 2, 3 … without gaps
 * @param timeMillis server time of acceptance, epoch milliseconds (milliseconds survive every
 *     store's timestamp type, so the hash recomputes after a round trip)
 * @param actor pseudonymous id of whoever sent the update (the identity lives elsewhere)
 * @param connectionId the connection it came from; informative, not hashed
 * @param salt 32 random bytes; null once erased
 * @param update Yjs update, format v1; null once erased
 * @param commitment SHA-256 over the framed salt and update
 * @param hash chain hash of this row (see {@link ChainBuilder})
 */
public record LogRow(String doc, long seq, long timeMillis, String actor, String connectionId,
                     byte[] salt, byte[] update, byte[] commitment, byte[] hash) {

  public LogRow {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(hash, "hash");
    if ((salt == null) != (update == null)) {
      throw new IllegalArgumentException("salt and update are erased together");
    }
  }

  /** True once the content was erased: the row keeps its place in the chain but no update. */
  public boolean erased() {
    return update == null;
  }

  /** The tombstone that replaces this row when its content is erased. */
  public LogRow erase() {
    return new LogRow(doc, seq, timeMillis, actor, connectionId, null, null, commitment, hash);
  }

  /** Same row with another actor id, e.g. after pseudonymising (breaks the hash on purpose). */
  public LogRow withActor(String newActor) {
    return new LogRow(doc, seq, timeMillis, newActor, connectionId, salt, update, commitment, hash);
  }

  public LogRow withUpdate(byte[] newUpdate) {
    return new LogRow(doc, seq, timeMillis, actor, connectionId, salt, newUpdate, commitment, hash);
  }

  public LogRow withSeq(long newSeq) {
    return new LogRow(doc, newSeq, timeMillis, actor, connectionId, salt, update, commitment, hash);
  }
}
