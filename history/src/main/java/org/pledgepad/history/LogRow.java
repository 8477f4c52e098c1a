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
 * @param salt 32 random bytes; null once erased (the row is erased exactly when salt is null)
 * @param update Yjs update, format v1; once erased either null (plain tombstone) or the
 *     {@link Redaction redacted} update, which keeps later rows replayable
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
    if (salt != null && update == null) {
      throw new IllegalArgumentException("a row with a salt must carry its update");
    }
  }

  /** True once the content was erased: the row keeps its place in the chain, not its content. */
  public boolean erased() {
    return salt == null;
  }

  /** The plain tombstone: no update at all. Later rows that build on it stay pending on replay. */
  public LogRow erase() {
    return new LogRow(doc, seq, timeMillis, actor, connectionId, null, null, commitment, hash);
  }

  /** The tombstone that keeps the CRDT structure: see {@link Redaction#redact(byte[])}. */
  public LogRow eraseRedacted() {
    byte[] redacted = update == null ? null : Redaction.redact(update);
    return new LogRow(doc, seq, timeMillis, actor, connectionId, null, redacted, commitment, hash);
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
