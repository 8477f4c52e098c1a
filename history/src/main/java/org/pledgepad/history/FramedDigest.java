package org.pledgepad.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@link Framing}'s encoding fed straight into SHA-256: the same bytes hashed, without first
 * collecting them in a buffer and copying it, and with one digest per thread instead of a
 * provider look-up per hash. The append path hashes twice per logged update.
 *
 * <p>One instance per thread, reset by {@link #tagged}: a caller finishes one hash (ending in
 * {@link #sha256}) before starting the next, which is why all fields are computed beforehand.
 */
final class FramedDigest {
  private static final ThreadLocal<FramedDigest> PER_THREAD = ThreadLocal.withInitial(FramedDigest::new);

  private final MessageDigest sha = Framing.sha();
  private final byte[] scratch = new byte[12];
  /** An ASCII string's bytes (its UTF-8 encoding) while it is hashed. */
  private final byte[] ascii = new byte[256];

  private FramedDigest() {}

  /** Starts a hash with a domain tag already framed by {@link #framedTag}. */
  static FramedDigest tagged(byte[] framedTag) {
    FramedDigest d = PER_THREAD.get();
    d.sha.reset();
    d.sha.update(framedTag);
    return d;
  }

  /** A domain tag's framed bytes, computed once per tag. */
  static byte[] framedTag(String domain) {
    return Framing.tagged(domain).toByteArray();
  }

  FramedDigest string(String s) {
    // Document names and subjects are short ASCII: hashed from a scratch copy, not a new array.
    int n = s.length();
    if (n <= ascii.length) {
      int i = 0;
      for (char c; i < n && (c = s.charAt(i)) < 0x80; i++) {
        ascii[i] = (byte) c;
      }
      if (i == n) {
        putInt(0, n);
        sha.update(scratch, 0, 4);
        sha.update(ascii, 0, n);
        return this;
      }
    }
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  FramedDigest bytes(byte[] b) {
    putInt(0, b.length);
    sha.update(scratch, 0, 4);
    sha.update(b);
    return this;
  }

  FramedDigest int64(long v) {
    putInt(0, 8);
    putInt(4, (int) (v >>> 32));
    putInt(8, (int) v);
    sha.update(scratch, 0, 12);
    return this;
  }

  byte[] sha256() {
    return sha.digest();
  }

  private void putInt(int at, int v) {
    scratch[at] = (byte) (v >>> 24);
    scratch[at + 1] = (byte) (v >>> 16);
    scratch[at + 2] = (byte) (v >>> 8);
    scratch[at + 3] = (byte) v;
  }
}
