package org.pledgepad.crdt.lib0;

// Follows lib0/encoding.js (lib0 0.2.114): the Encoder class and its write* functions.

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A growable byte buffer with lib0's wire encodings. Every Yjs update, state vector, sync and
 * awareness message passes through one of these, so the hot paths write straight into a single
 * array (lib0 chains buffers; a single array is simpler in Java and {@link #toUint8Array} copies
 * once either way).
 */
public final class Encoder {
  /** 2^53 - 1: the largest integer a JavaScript peer can represent exactly. */
  public static final long MAX_SAFE_INTEGER = 9007199254740991L;

  private byte[] buf;
  private int len;

  public Encoder() {
    this(64);
  }

  public Encoder(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Number of bytes written so far. */
  public int length() {
    return len;
  }

  /** A copy of the written bytes. */
  public byte[] toUint8Array() {
    return Arrays.copyOf(buf, len);
  }

  /** Drops everything written after the first {@code length} bytes. */
  void truncate(int length) {
    if (length < 0 || length > len) {
      throw new IndexOutOfBoundsException(length);
    }
    len = length;
  }

  /** Forgets the content but keeps the buffer, so one encoder can serve many messages. */
  public void reset() {
    len = 0;
  }

  private void ensure(int extra) {
    int need = len + extra;
    if (need < 0) {
      throw new IllegalStateException("encoder exceeds 2 GiB");
    }
    if (need > buf.length) {
      int cap = buf.length << 1;
      if (cap < need || cap < 0) {
        cap = need;
      }
      buf = Arrays.copyOf(buf, cap);
    }
  }

  public void writeUint8(int b) {
    if (len == buf.length) {
      ensure(1);
    }
    buf[len++] = (byte) b;
  }

  /** Alias of {@link #writeUint8}, named like lib0's {@code write}. */
  public void write(int b) {
    writeUint8(b);
  }

  /** Overwrites an already written byte (lib0 {@code set}). */
  public void set(int pos, int b) {
    if (pos < 0 || pos >= len) {
      throw new IndexOutOfBoundsException(pos);
    }
    buf[pos] = (byte) b;
  }

  public void writeUint16(int num) {
    ensure(2);
    buf[len++] = (byte) num;
    buf[len++] = (byte) (num >>> 8);
  }

  public void writeUint32(long num) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[len++] = (byte) num;
      num >>>= 8;
    }
  }

  /**
   * Unsigned LEB128-style integer, 7 bits per byte, least significant group first. Negative
   * values are a programming error here: lib0 would silently write garbage for them.
   */
  public void writeVarUint(long num) {
    if (num < 0) {
      throw new IllegalArgumentException("writeVarUint of negative number " + num);
    }
    ensure(10);
    byte[] b = buf;
    int p = len;
    while (num > 0x7F) {
      b[p++] = (byte) (0x80 | (num & 0x7F));
      num >>>= 7;
    }
    b[p++] = (byte) num;
    len = p;
  }

  /**
   * lib0's signed varint: the first byte holds a continuation bit, a sign bit and 6 bits of the
   * magnitude; later bytes 7 bits each. This is sign-magnitude, not zig-zag, so -0 has its own
   * encoding (0x40), see {@link #writeVarInt(long, boolean)}.
   */
  public void writeVarInt(long num) {
    if (num < 0) {
      writeVarInt(-num, true);
    } else {
      writeVarInt(num, false);
    }
  }

  /**
   * Writes magnitude and sign bit separately, so that -0 (magnitude 0, negative) is expressible:
   * lib0's UintOptRle column flags runs by negating the value, including 0.
   */
  public void writeVarInt(long magnitude, boolean negative) {
    long mag = magnitude;
    ensure(11);
    byte[] b = buf;
    int p = len;
    // Unsigned comparisons keep Long.MIN_VALUE (whose negation is itself) well defined.
    b[p++] = (byte) ((Long.compareUnsigned(mag, 0x3F) > 0 ? 0x80 : 0) | (negative ? 0x40 : 0) | (mag & 0x3F));
    mag >>>= 6;
    while (mag != 0) {
      b[p++] = (byte) ((Long.compareUnsigned(mag, 0x7F) > 0 ? 0x80 : 0) | (mag & 0x7F));
      mag >>>= 7;
    }
    len = p;
  }

  /** The encoding JavaScript's writeVarInt produces for -0. */
  public void writeVarIntNegativeZero() {
    writeUint8(0x40);
  }

  /** UTF-8 (as JavaScript's TextEncoder: lone surrogates become U+FFFD) with a varUint byte length. */
  public void writeVarString(String s) {
    int n = s.length();
    // Fast path: pure ASCII strings need no length pre-computation beyond their char count.
    int ascii = 0;
    while (ascii < n && s.charAt(ascii) < 0x80) {
      ascii++;
    }
    if (ascii == n) {
      writeVarUint(n);
      ensure(n);
      byte[] b = buf;
      int p = len;
      for (int i = 0; i < n; i++) {
        b[p++] = (byte) s.charAt(i);
      }
      len = p;
      return;
    }
    int bytes = Utf8.encodedLength(s);
    writeVarUint(bytes);
    ensure(bytes);
    len = Utf8.encode(s, buf, len);
  }

  /** Raw bytes, no length prefix. */
  public void writeUint8Array(byte[] data) {
    writeUint8Array(data, 0, data.length);
  }

  public void writeUint8Array(byte[] data, int off, int n) {
    ensure(n);
    System.arraycopy(data, off, buf, len, n);
    len += n;
  }

  public void writeVarUint8Array(byte[] data) {
    writeVarUint(data.length);
    writeUint8Array(data, 0, data.length);
  }

  public void writeFloat32(float f) {
    int bits = Float.floatToIntBits(f);
    ensure(4);
    buf[len++] = (byte) (bits >>> 24);
    buf[len++] = (byte) (bits >>> 16);
    buf[len++] = (byte) (bits >>> 8);
    buf[len++] = (byte) bits;
  }

  public void writeFloat64(double d) {
    // doubleToLongBits canonicalises NaN the way V8's DataView does.
    writeInt64BE(Double.doubleToLongBits(d));
  }

  /** BigInt64, big-endian; like DataView.setBigInt64, values outside int64 wrap modulo 2^64. */
  public void writeBigInt64(BigInteger v) {
    writeInt64BE(v.longValue());
  }

  public void writeBigInt64(long v) {
    writeInt64BE(v);
  }

  private void writeInt64BE(long v) {
    ensure(8);
    byte[] b = buf;
    int p = len;
    for (int shift = 56; shift >= 0; shift -= 8) {
      b[p++] = (byte) (v >>> shift);
    }
    len = p;
  }

  /**
   * lib0's self-describing "Any" encoding (tags 116-127). Java values map to JavaScript values
   * as described in crdt/PORTING.md; numbers follow JavaScript's number semantics, so a Long
   * beyond 2^31 is written as a float like lib0 would write the same JavaScript number.
   */
  public void writeAny(Object data) {
    if (data instanceof String) {
      writeUint8(119);
      writeVarString((String) data);
    } else if (data instanceof BigInteger) {
      writeUint8(122);
      writeBigInt64((BigInteger) data);
    } else if (data instanceof Number) {
      writeAnyNumber((Number) data);
    } else if (data == null) {
      writeUint8(126);
    } else if (data instanceof Boolean) {
      writeUint8(((Boolean) data) ? 120 : 121);
    } else if (data instanceof List) {
      List<?> list = (List<?>) data;
      writeUint8(117);
      writeVarUint(list.size());
      for (Object o : list) {
        writeAny(o);
      }
    } else if (data instanceof Object[]) {
      Object[] arr = (Object[]) data;
      writeUint8(117);
      writeVarUint(arr.length);
      for (Object o : arr) {
        writeAny(o);
      }
    } else if (data instanceof byte[]) {
      writeUint8(116);
      writeVarUint8Array((byte[]) data);
    } else if (data instanceof Map) {
      writeUint8(118);
      List<Map.Entry<String, Object>> entries = JsObjects.entriesInPropertyOrder((Map<?, ?>) data);
      writeVarUint(entries.size());
      for (Map.Entry<String, Object> e : entries) {
        writeVarString(e.getKey());
        writeAny(e.getValue());
      }
    } else if (data instanceof Undefined) {
      writeUint8(127);
    } else {
      throw new IllegalArgumentException("not an Any value: " + data.getClass().getName());
    }
  }

  private void writeAnyNumber(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof Long) {
      // lib0 takes the integer tag only for |n| <= 2^31 - 1, so Integer.MIN_VALUE is a float.
      long v = n.longValue();
      if (v >= -0x7FFFFFFFL && v <= 0x7FFFFFFFL) {
        writeUint8(125);
        writeVarInt(v);
        return;
      }
    }
    double d = n.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) <= 0x7FFFFFFF) {
      writeUint8(125);
      if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
        writeVarIntNegativeZero();
      } else {
        writeVarInt((long) d);
      }
    } else if ((double) (float) d == d) {
      // NaN fails this test like lib0's isFloat32 (NaN !== NaN), so NaN goes to float64.
      writeUint8(124);
      writeFloat32((float) d);
    } else {
      writeUint8(123);
      writeFloat64(d);
    }
  }
}
