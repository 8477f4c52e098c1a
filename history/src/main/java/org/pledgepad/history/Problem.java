package org.pledgepad.history;

/**
 * One thing the verifier found wrong.
 *
 * @param seq the first sequence number affected (for a missing row: the missing seq)
 */
public record Problem(Kind kind, long seq, String detail) {
  public enum Kind {
    /** A row's hash (or its commitment, or the document name) does not recompute. */
    HASH_MISMATCH,
    /** A seq is missing: a row was deleted. */
    SEQ_GAP,
    /** Rows are out of order or a seq repeats: rows were swapped or duplicated. */
    SEQ_ORDER,
    /** A checkpoint's signature is invalid or made with an unknown key. */
    BAD_SIGNATURE,
    /** A validly signed checkpoint (or the published head) names another hash for its seq. */
    CHECKPOINT_MISMATCH,
    /** The log ends before a checkpoint, the published head or a snapshot: its tail was cut. */
    TRUNCATED,
    /** Replaying the log does not give the state stored as a snapshot. */
    SNAPSHOT_MISMATCH,
    /** An update cannot be decoded or applied. */
    UNDECODABLE_UPDATE,
    /** A row claims to be erased (no salt) but no intact, validly signed erasure record lists it. */
    ERASURE_UNRECORDED,
    /**
     * An erasure record's signature does not verify for this document under a trusted key, or
     * its chain is broken (a record deleted, altered, reordered or taken from another document).
     */
    ERASURE_RECORD_INVALID,
    /** An erased row's stand-in is not the one its record names, or holds more than redaction marks. */
    ERASURE_STANDIN_CONTENT
  }

  @Override
  public String toString() {
    return kind + " at seq " + seq + (detail == null ? "" : ": " + detail);
  }
}
