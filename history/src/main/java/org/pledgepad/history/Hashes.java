package org.pledgepad.history;

import java.security.MessageDigest;

/** The formulas of the chain, in one place so the builder and the verifier cannot drift apart. */
public final class Hashes {
  static final String GENESIS_TAG = "pledgepad-history/v1 genesis";
  static final String COMMITMENT_TAG = "pledgepad-history/v1 commitment";
  static final String ROW_TAG = "pledgepad-history/v1 row";
  static final String CHECKPOINT_TAG = "pledgepad-history/v1 checkpoint";
  static final String ERASURE_TAG = "pledgepad-history/v1 erasure";
  /** Records that name the head they were planned at (partial stand-ins). */
  static final String ERASURE_V2_TAG = "pledgepad-history/v2 erasure";
  static final String ERASURE_GENESIS_TAG = "pledgepad-history/v1 erasure genesis";
  static final String ERASURE_RECORD_TAG = "pledgepad-history/v1 erasure record";
  static final String STANDIN_TAG = "pledgepad-history/v1 standin";
  private static final byte[] GENESIS_PREFIX = FramedDigest.framedTag(GENESIS_TAG);
  private static final byte[] COMMITMENT_PREFIX = FramedDigest.framedTag(COMMITMENT_TAG);
  private static final byte[] ROW_PREFIX = FramedDigest.framedTag(ROW_TAG);

  private Hashes() {}

  /** The "previous hash" of a document's first row: differs per document, so logs can't be swapped. */
  public static byte[] genesis(String doc) {
    return FramedDigest.tagged(GENESIS_PREFIX).string(doc).sha256();
  }

  public static byte[] commitment(byte[] salt, byte[] update) {
    return FramedDigest.tagged(COMMITMENT_PREFIX).bytes(salt).bytes(update).sha256();
  }

  /** hash_n = SHA-256(prev ‖ doc ‖ seq ‖ time ‖ actor ‖ commitment), every field framed. */
  public static byte[] rowHash(byte[] prev, String doc, long seq, long timeMillis, String actor, byte[] commitment) {
    return FramedDigest.tagged(ROW_PREFIX).bytes(prev).string(doc).int64(seq).int64(timeMillis).string(actor)
        .bytes(commitment).sha256();
  }

  /** The bytes a checkpoint signature covers. */
  static byte[] checkpointMessage(String doc, long seq, byte[] head, long timeMillis, String keyId) {
    return Framing.tagged(CHECKPOINT_TAG).string(doc).int64(seq).bytes(head).int64(timeMillis).string(keyId)
        .toByteArray();
  }

  /** The "previous record hash" of a document's first erasure record. */
  public static byte[] erasureGenesis(String doc) {
    return Framing.tagged(ERASURE_GENESIS_TAG).string(doc).sha256();
  }

  /**
   * What an erasure record fixes about one erased row's stand-in: the digest of the redacted
   * update, or 32 zero bytes for a plain tombstone (no update kept).
   */
  public static byte[] standin(byte[] update) {
    return update == null ? new byte[32] : Framing.tagged(STANDIN_TAG).bytes(update).sha256();
  }

  /** The bytes an erasure record's signature covers (history/README.md, "The chain"). */
  static byte[] erasureMessage(String doc, long index, byte[] prev, long timeMillis, String keyId,
                               boolean backfilled, long asOf, java.util.List<ErasureRecord.Entry> entries) {
    // asOf 0: the v1 message, byte for byte, so every record signed before it still verifies.
    Framing f = Framing.tagged(asOf == 0 ? ERASURE_TAG : ERASURE_V2_TAG).string(doc).int64(index).bytes(prev)
        .int64(timeMillis).string(keyId).int64(backfilled ? 1 : 0);
    if (asOf != 0) {
      f.int64(asOf);
    }
    f.int64(entries.size());
    for (ErasureRecord.Entry e : entries) {
      f.int64(e.seq()).bytes(e.standin());
    }
    return f.toByteArray();
  }

  /** The link the next erasure record names as its prev: a hash of this record's signed message. */
  static byte[] erasureRecordHash(byte[] message) {
    return Framing.tagged(ERASURE_RECORD_TAG).bytes(message).sha256();
  }

  /** Constant-time comparison, null-safe. */
  public static boolean same(byte[] a, byte[] b) {
    return a != null && b != null && MessageDigest.isEqual(a, b);
  }

  public static String hex(byte[] b) {
    return b == null ? null : java.util.HexFormat.of().formatHex(b);
  }

  public static byte[] unhex(String s) {
    return s == null ? null : java.util.HexFormat.of().parseHex(s);
  }
}
