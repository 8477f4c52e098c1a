package org.pledgepad.server.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The tamper-evidence of the log: each row's hash is SHA-256 over the previous row's hash, the
 * document name, the sequence number and the update bytes. Rewriting any row breaks every later
 * hash; moderators can verify the chain from the first row.
 */
public final class HashChain {
  /** The "previous hash" of a document's first row. */
  public static final byte[] GENESIS = new byte[32];

  private HashChain() {}

  public static byte[] next(byte[] previous, String document, long seq, byte[] update) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous);
      sha.update(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
      sha.update(update);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
