package org.pledgepad.history;

import java.security.MessageDigest;

/** The formulas of the chain, in one place so the builder and the verifier cannot drift apart. */
public final class Hashes {
  static final String GENESIS_TAG = "pledgepad-history/v1 genesis";
  static final String COMMITMENT_TAG = "pledgepad-history/v1 commitment";
  static final String ROW_TAG = "pledgepad-history/v1 row";
  static final String CHECKPOINT_TAG = "pledgepad-history/v1 checkpoint";
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
