package org.pledgepad.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one byte encoding behind every hash and signature of the history. Each field is written
 * with its length in front (strings as UTF-8, byte arrays raw, longs as 8 bytes big-endian), so
 * no two different field lists give the same bytes ("ab" ‖ "c" differs from "a" ‖ "bc"). A
 * domain tag in front of every message keeps a row hash from ever being read as a checkpoint.
 * Hashes feed the same encoding into the digest directly ({@link FramedDigest}).
 */
final class Framing {
  private final ByteSink out = new ByteSink();

  private Framing() {}

  static Framing tagged(String domain) {
    Framing f = new Framing();
    f.string(domain);
    return f;
  }

  Framing string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  Framing bytes(byte[] b) {
    out.int32(b.length);
    out.raw(b);
    return this;
  }

  Framing int64(long v) {
    out.int32(8);
    for (int i = 7; i >= 0; i--) {
      out.raw1((byte) (v >>> (8 * i)));
    }
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  /** SHA-256 of the framed fields (for the rare hashes not on the append path). */
  byte[] sha256() {
    return sha().digest(toByteArray());
  }

  static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** A growable byte buffer without ByteArrayOutputStream's synchronisation. */
  private static final class ByteSink {
    private byte[] buf = new byte[128];
    private int n;

    void int32(int v) {
      raw1((byte) (v >>> 24));
      raw1((byte) (v >>> 16));
      raw1((byte) (v >>> 8));
      raw1((byte) v);
    }

    void raw1(byte b) {
      ensure(1);
      buf[n++] = b;
    }

    void raw(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
    }

    private void ensure(int more) {
      if (n + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    byte[] toByteArray() {
      return java.util.Arrays.copyOf(buf, n);
    }
  }
}
