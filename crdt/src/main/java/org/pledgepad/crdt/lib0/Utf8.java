package org.pledgepad.crdt.lib0;

// Follows lib0/string.js (lib0 0.2.114): utf8TextEncoder / utf8TextDecoder.

/**
 * UTF-8 exactly as the JavaScript peers see it. Java's own encoders differ in two ways that
 * would break byte compatibility: String.getBytes replaces a lone surrogate with '?' (TextEncoder
 * writes U+FFFD, EF BF BD), and DataOutput uses modified UTF-8. Decoding is strict like lib0's
 * TextDecoder('utf-8', {fatal: true, ignoreBOM: true}): any malformed sequence (overlong forms,
 * encoded surrogates, code points above U+10FFFF, truncation, stray continuation bytes) is a
 * DecodingException, and a leading BOM is kept as U+FEFF.
 */
public final class Utf8 {
  /** Reads eight bytes of a byte[] as one long, for the ASCII scan. */
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private Utf8() {}

  /** Bytes that {@link #encode} will produce for {@code s}. */
  public static int encodedLength(String s) {
    int n = s.length();
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3; // BMP character, or a lone surrogate replaced by U+FFFD
      }
    }
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("string too long for UTF-8 encoding");
    }
    return (int) bytes;
  }

  /** Writes {@code s} into {@code out} at {@code pos} (capacity already ensured), returns the new end. */
  public static int encode(String s, byte[] out, int pos) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[pos++] = (byte) c;
      } else if (c < 0x800) {
        out[pos++] = (byte) (0xC0 | (c >> 6));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          out[pos++] = (byte) (0xF0 | (cp >> 18));
          out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          out[pos++] = (byte) 0xEF;
          out[pos++] = (byte) 0xBF;
          out[pos++] = (byte) 0xBD;
        }
      } else {
        out[pos++] = (byte) (0xE0 | (c >> 12));
        out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[pos++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return pos;
  }

  public static byte[] encode(String s) {
    byte[] out = new byte[encodedLength(s)];
    encode(s, out, 0);
    return out;
  }

  /** Whether no byte of {@code in[off, off + len)} has its high bit set. */
  static boolean isAscii(byte[] in, int off, int len) {
    int end = off + len;
    long seen = 0;
    int i = off;
    for (; i + 8 <= end; i += 8) {
      seen |= (long) LONGS.get(in, i);
    }
    for (; i < end; i++) {
      seen |= in[i]; // sign-extended: a high bit sets bit 7
    }
    return (seen & 0x8080808080808080L) == 0;
  }

  /** Strict decoding of {@code len} bytes at {@code off}. */
  public static String decode(byte[] in, int off, int len) {
    if (len == 1 && in[off] >= 0) {
      return OneCharStrings.of((char) in[off]);
    }
    if (len == 2 && (in[off] & 0xE0) == 0xC0 && (in[off] & 0xFF) >= 0xC2 && (in[off + 1] & 0xC0) == 0x80) {
      return OneCharStrings.of((char) (((in[off] & 0x1F) << 6) | (in[off + 1] & 0x3F)));
    }
    int end = off + len;
    int i = off;
    // eight bytes per step while no byte has its high bit set
    while (i + 8 <= end && ((long) LONGS.get(in, i) & 0x8080808080808080L) == 0) {
      i += 8;
    }
    while (i < end && in[i] >= 0) {
      i++;
    }
    if (i == end) {
      // Pure ASCII: the common case for keys, type names and most text.
      return new String(in, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    char[] out = new char[len]; // UTF-16 units never exceed UTF-8 bytes
    int o = 0;
    for (int k = off; k < i; k++) {
      out[o++] = (char) in[k];
    }
    while (i < end) {
      int b0 = in[i] & 0xFF;
      if (b0 < 0x80) {
        out[o++] = (char) b0;
        i++;
      } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (i + 1 >= end) {
          throw truncated();
        }
        int b1 = cont(in[i + 1]);
        out[o++] = (char) (((b0 & 0x1F) << 6) | b1);
        i += 2;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (i + 2 >= end) {
          throw truncated();
        }
        int r1 = in[i + 1] & 0xFF;
        // E0 needs A0..BF (no overlong), ED needs 80..9F (no surrogates).
        if ((b0 == 0xE0 && r1 < 0xA0) || (b0 == 0xED && r1 > 0x9F)) {
          throw new DecodingException("invalid UTF-8 sequence");
        }
        int b1 = cont(in[i + 1]);
        int b2 = cont(in[i + 2]);
        out[o++] = (char) (((b0 & 0x0F) << 12) | (b1 << 6) | b2);
        i += 3;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (i + 3 >= end) {
          throw truncated();
        }
        int r1 = in[i + 1] & 0xFF;
        // F0 needs 90..BF (no overlong), F4 needs 80..8F (nothing above U+10FFFF).
        if ((b0 == 0xF0 && r1 < 0x90) || (b0 == 0xF4 && r1 > 0x8F)) {
          throw new DecodingException("invalid UTF-8 sequence");
        }
        int cp = ((b0 & 0x07) << 18) | (cont(in[i + 1]) << 12) | (cont(in[i + 2]) << 6) | cont(in[i + 3]);
        out[o++] = Character.highSurrogate(cp);
        out[o++] = Character.lowSurrogate(cp);
        i += 4;
      } else {
        throw new DecodingException("invalid UTF-8 lead byte 0x" + Integer.toHexString(b0));
      }
    }
    return new String(out, 0, o);
  }

  private static int cont(byte b) {
    if ((b & 0xC0) != 0x80) {
      throw new DecodingException("invalid UTF-8 continuation byte");
    }
    return b & 0x3F;
  }

  private static DecodingException truncated() {
    return new DecodingException("truncated UTF-8 sequence");
  }
}
