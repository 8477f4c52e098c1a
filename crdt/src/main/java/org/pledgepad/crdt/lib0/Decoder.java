package org.pledgepad.crdt.lib0;

// Follows lib0/decoding.js (lib0 0.2.114): the Decoder class and its read* functions.

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads lib0 encodings from a byte array. Input is hostile network data, so unlike lib0 every
 * read checks the remaining length first and fails with {@link DecodingException}; no read
 * allocates more than the remaining input could justify, and nesting in {@link #readAny} is
 * bounded so a crafted message cannot exhaust the stack.
 */
public class Decoder {
  /** Nesting of arrays/objects that {@link #readAny} accepts by default. */
  public static final int DEFAULT_MAX_ANY_DEPTH = 1000;

  /**
   * Largest initial capacity given to a collection from a declared length; beyond it the
   * collection grows only with entries actually read, so allocation follows consumed bytes.
   */
  public static final int PRESIZE_CAP = 16;

  public final byte[] arr;
  public int pos;
  private final int end;
  private int maxAnyDepth = DEFAULT_MAX_ANY_DEPTH;
  private boolean lastVarIntNegative;

  public Decoder(byte[] arr) {
    this(arr, 0, arr.length);
  }

  /** Decodes {@code arr[off, off + len)}; {@link #pos} is an index into {@code arr}. */
  public Decoder(byte[] arr, int off, int len) {
    if (off < 0 || len < 0 || off + len > arr.length || off + len < 0) {
      throw new IllegalArgumentException("bad slice");
    }
    this.arr = arr;
    this.pos = off;
    this.end = off + len;
  }

  public Decoder withMaxAnyDepth(int depth) {
    this.maxAnyDepth = depth;
    return this;
  }

  public int maxAnyDepth() {
    return maxAnyDepth;
  }

  public boolean hasContent() {
    return pos < end;
  }

  public int remaining() {
    return end - pos;
  }

  private DecodingException eof() {
    return new DecodingException("unexpected end of array");
  }

  /** Fails unless {@code n} more bytes are available; returns n as int. */
  private int need(long n) {
    if (n < 0 || n > end - pos) {
      throw new DecodingException("length " + n + " exceeds the " + (end - pos) + " remaining bytes");
    }
    return (int) n;
  }

  public int readUint8() {
    if (pos >= end) {
      throw eof();
    }
    return arr[pos++] & 0xFF;
  }

  public int peekUint8() {
    if (pos >= end) {
      throw eof();
    }
    return arr[pos] & 0xFF;
  }

  public int readUint16() {
    need(2);
    int v = (arr[pos] & 0xFF) | ((arr[pos + 1] & 0xFF) << 8);
    pos += 2;
    return v;
  }

  public long readUint32() {
    need(4);
    long v = (arr[pos] & 0xFFL) | ((arr[pos + 1] & 0xFFL) << 8) | ((arr[pos + 2] & 0xFFL) << 16)
        | ((arr[pos + 3] & 0xFFL) << 24);
    pos += 4;
    return v;
  }

  /**
   * Unsigned varint. Values above 2^53 - 1 are rejected (lib0 throws "integer out of range"
   * for most of them and silently loses precision for the rest); so are encodings longer than
   * the 8 bytes such a value needs.
   */
  public long readVarUint() {
    byte[] a = arr;
    int p = pos;
    // one byte (values below 128: most lengths, infos, small clocks) without the loop
    if (p < end && a[p] >= 0) {
      pos = p + 1;
      return a[p];
    }
    long num = 0;
    for (int shift = 0; shift < 56; shift += 7) {
      if (p >= end) {
        throw eof();
      }
      int r = a[p++];
      num |= (long) (r & 0x7F) << shift;
      if (r >= 0) {
        if (num > Encoder.MAX_SAFE_INTEGER) {
          throw new DecodingException("integer out of range");
        }
        pos = p;
        return num;
      }
    }
    throw new DecodingException("integer out of range");
  }

  /** lib0 peekVarUint: the next varUint without consuming it (e.g. a message type). */
  public long peekVarUint() {
    int start = pos;
    try {
      return readVarUint();
    } finally {
      pos = start;
    }
  }

  /** varUint that must also fit an int (array lengths, string lengths). */
  public int readVarUintAsInt() {
    long v = readVarUint();
    if (v > Integer.MAX_VALUE) {
      throw new DecodingException("length out of range: " + v);
    }
    return (int) v;
  }

  /** Signed sign-magnitude varint; -0 reads as 0 (see {@link #readAny} for where that matters). */
  public long readVarInt() {
    long mag = readVarIntMagnitude();
    return lastVarIntNegative ? -mag : mag;
  }

  /**
   * Reads a varInt and returns its magnitude (at most 2^53 - 1); {@link #lastVarIntNegative()}
   * then tells its sign bit. lib0's UintOptRle column uses the sign bit as a flag even on zero
   * (-0), which a long cannot carry.
   */
  public long readVarIntMagnitude() {
    long num = readVarIntMagnitudeWide();
    if (num > Encoder.MAX_SAFE_INTEGER) {
      throw new DecodingException("integer out of range");
    }
    return num;
  }

  /**
   * Like {@link #readVarIntMagnitude} but accepts the full eight bytes (55 bits) that lib0's
   * readVarInt returns without a range check. IntDiffOptRle needs it: for a clock step of
   * 2^52 or more the encoded value (step * 2 + flag) exceeds 2^53, and Yjs still reads it.
   */
  public long readVarIntMagnitudeWide() {
    if (pos >= end) {
      throw eof();
    }
    byte[] a = arr;
    int p = pos;
    int r = a[p++] & 0xFF;
    long num = r & 0x3F;
    boolean negative = (r & 0x40) != 0;
    if ((r & 0x80) != 0) {
      int shift = 6;
      while (true) {
        if (p >= end) {
          throw eof();
        }
        if (shift >= 55) { // eight bytes carry 55 bits; lib0 never writes more
          throw new DecodingException("integer out of range");
        }
        r = a[p++];
        num |= (long) (r & 0x7F) << shift;
        shift += 7;
        if (r >= 0) {
          break;
        }
      }
    }
    pos = p;
    lastVarIntNegative = negative;
    return num;
  }

  /** Sign bit of the last varInt read by {@link #readVarIntMagnitude} or {@link #readVarInt}. */
  public boolean lastVarIntNegative() {
    return lastVarIntNegative;
  }

  /**
   * UTF-8 with a varUint byte length. lib0 decodes with TextDecoder('utf-8', {fatal: true}), so
   * JavaScript peers already throw on invalid UTF-8 (only lib0's polyfill for old engines would
   * replace); we reject it too, with a DecodingException, and never substitute U+FFFD.
   */
  public String readVarString() {
    int n = need(readVarUint());
    String s = Utf8.decode(arr, pos, n);
    pos += n;
    return s;
  }

  /** A copy of the next {@code len} bytes (lib0 returns a view; Java callers may keep it). */
  public byte[] readUint8Array(long len) {
    int n = need(len);
    byte[] out = java.util.Arrays.copyOfRange(arr, pos, pos + n);
    pos += n;
    return out;
  }

  public byte[] readVarUint8Array() {
    return readUint8Array(readVarUint());
  }

  /** Everything not yet read. */
  public byte[] readTailAsUint8Array() {
    return readUint8Array(end - pos);
  }

  public void skip(long n) {
    pos += need(n);
  }

  public float readFloat32() {
    need(4);
    int bits = ((arr[pos] & 0xFF) << 24) | ((arr[pos + 1] & 0xFF) << 16) | ((arr[pos + 2] & 0xFF) << 8)
        | (arr[pos + 3] & 0xFF);
    pos += 4;
    return Float.intBitsToFloat(bits);
  }

  public double readFloat64() {
    return Double.longBitsToDouble(readInt64BE());
  }

  public BigInteger readBigInt64() {
    return BigInteger.valueOf(readInt64BE());
  }

  private long readInt64BE() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (arr[pos + i] & 0xFF);
    }
    pos += 8;
    return v;
  }

  /**
   * lib0's Any. Integers (tag 125) come back as Long, except -0 which comes back as the Double
   * -0.0 so that re-encoding reproduces the original bytes; floats as Double; bigint as
   * BigInteger; objects as LinkedHashMap in wire order. As in JavaScript, where
   * {@code obj["__proto__"] = v} never creates an own property, a "__proto__" key is dropped,
   * and a repeated key keeps its first position with the last value.
   */
  public Object readAny() {
    return readAny(0);
  }

  private Object readAny(int depth) {
    int tag = readUint8();
    switch (tag) {
      case 127:
        return Undefined.INSTANCE;
      case 126:
        return null;
      case 125: {
        long mag = readVarIntMagnitude();
        if (lastVarIntNegative) {
          return mag == 0 ? (Object) (-0.0d) : (Object) (-mag);
        }
        return mag;
      }
      case 124:
        return (double) readFloat32();
      case 123:
        return readFloat64();
      case 122:
        return readBigInt64();
      case 121:
        return Boolean.FALSE;
      case 120:
        return Boolean.TRUE;
      case 119:
        return readVarString();
      case 118: {
        if (depth >= maxAnyDepth) {
          throw new DecodingException("Any nesting deeper than " + maxAnyDepth);
        }
        long len = readVarUint();
        // Each entry takes at least two bytes (empty key length + value tag).
        if (len > (long) remaining() / 2) {
          throw new DecodingException("object length " + len + " exceeds remaining input");
        }
        // Presized to at most PRESIZE_CAP: nested objects each declaring a long length would
        // otherwise reserve that much at every level before any entry is read.
        Map<String, Object> obj = new LinkedHashMap<>((int) Math.min(len * 2, PRESIZE_CAP));
        for (long i = 0; i < len; i++) {
          String key = readVarString();
          Object value = readAny(depth + 1);
          if (!"__proto__".equals(key)) {
            obj.put(key, value);
          }
        }
        return obj;
      }
      case 117: {
        if (depth >= maxAnyDepth) {
          throw new DecodingException("Any nesting deeper than " + maxAnyDepth);
        }
        long len = readVarUint();
        if (len > remaining()) {
          throw new DecodingException("array length " + len + " exceeds remaining input");
        }
        List<Object> list = new ArrayList<>((int) Math.min(len, PRESIZE_CAP));
        for (long i = 0; i < len; i++) {
          list.add(readAny(depth + 1));
        }
        return list;
      }
      case 116:
        return readVarUint8Array();
      default:
        throw new DecodingException("unknown Any tag " + tag);
    }
  }
}
