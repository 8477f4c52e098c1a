package org.pledgepad.server.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the lib0 primitives of the message envelopes (see {@link WireReader}). Every outgoing
 * message is built here, several per delivered update, so it writes into one array it owns and
 * hands that array out without a copy when the expected size was exact.
 */
public final class WireWriter {
  private byte[] buf;
  private int len;

  public WireWriter() {
    this(64);
  }

  public WireWriter(int expectedSize) {
    this.buf = new byte[Math.max(expectedSize, 1)];
  }

  /** Bytes a varUint of {@code value} takes. */
  public static int varUintSize(long value) {
    int n = 1;
    while (value > 0x7f || value < 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private void put(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  private void putAll(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  /** One byte: the low 8 bits of {@code b}. */
  public WireWriter writeByte(int b) {
    put(b);
    return this;
  }

  public WireWriter writeVarUint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative varUint");
    }
    while (value > 0x7f) {
      put((int) (0x80 | (value & 0x7f)));
      value >>>= 7;
    }
    put((int) value);
    return this;
  }

  /** lib0 varInt: sign in bit 6 of the first byte. */
  public WireWriter writeVarInt(long value) {
    boolean negative = value < 0;
    long abs = Math.abs(value);
    put((int) ((abs > 0x3f ? 0x80 : 0) | (negative ? 0x40 : 0) | (abs & 0x3f)));
    abs >>>= 6;
    while (abs > 0) {
      put((int) ((abs > 0x7f ? 0x80 : 0) | (abs & 0x7f)));
      abs >>>= 7;
    }
    return this;
  }

  public WireWriter writeVarUint8Array(byte[] bytes) {
    writeVarUint(bytes.length);
    putAll(bytes);
    return this;
  }

  /** Standard UTF-8 (Java's String.getBytes), never modified UTF-8. */
  public WireWriter writeVarString(String s) {
    return writeVarUint8Array(s.getBytes(StandardCharsets.UTF_8));
  }

  public WireWriter writeRaw(byte[] bytes) {
    putAll(bytes);
    return this;
  }

  /** The bytes written: the writer's own array when it is exactly full (a later write reallocates). */
  public byte[] toByteArray() {
    return len == buf.length ? buf : Arrays.copyOf(buf, len);
  }
}
