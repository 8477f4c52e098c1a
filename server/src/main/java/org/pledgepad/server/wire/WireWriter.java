package org.pledgepad.server.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the lib0 primitives of the message envelopes (see {@link WireReader}). */
public final class WireWriter {
  private final ByteArrayOutputStream out;

  public WireWriter() {
    this(64);
  }

  public WireWriter(int expectedSize) {
    this.out = new ByteArrayOutputStream(expectedSize);
  }

  public WireWriter writeVarUint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative varUint");
    }
    while (value > 0x7f) {
      out.write((int) (0x80 | (value & 0x7f)));
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  /** lib0 varInt: sign in bit 6 of the first byte. */
  public WireWriter writeVarInt(long value) {
    boolean negative = value < 0;
    long abs = Math.abs(value);
    out.write((int) ((abs > 0x3f ? 0x80 : 0) | (negative ? 0x40 : 0) | (abs & 0x3f)));
    abs >>>= 6;
    while (abs > 0) {
      out.write((int) ((abs > 0x7f ? 0x80 : 0) | (abs & 0x7f)));
      abs >>>= 7;
    }
    return this;
  }

  public WireWriter writeVarUint8Array(byte[] bytes) {
    writeVarUint(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  /** Standard UTF-8 (Java's String.getBytes), never modified UTF-8. */
  public WireWriter writeVarString(String s) {
    return writeVarUint8Array(s.getBytes(StandardCharsets.UTF_8));
  }

  public WireWriter writeRaw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
