package org.pledgepad.server.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lib0 primitives that frame y-websocket and Hocuspocus messages. The server reads
 * only the envelope (document name, message type, length-prefixed payloads) itself; update and
 * awareness payloads are handed on as bytes. Every length is checked against the bytes that
 * remain before anything is allocated, and strings must be valid UTF-8 (never replaced).
 */
public final class WireReader {
  /** lib0 varUints carry at most 53 significant bits (JavaScript's safe integers). */
  private static final int MAX_VARUINT_SHIFT = 53;

  private final byte[] data;
  private int pos;
  private final int end;

  public WireReader(byte[] data) {
    this(data, 0, data.length);
  }

  public WireReader(byte[] data, int offset, int length) {
    this.data = data;
    this.pos = offset;
    this.end = offset + length;
  }

  public boolean hasContent() {
    return pos < end;
  }

  public int remaining() {
    return end - pos;
  }

  public int position() {
    return pos;
  }

  public int readUint8() {
    if (pos >= end) {
      throw new MalformedFrameException("unexpected end of message");
    }
    return data[pos++] & 0xff;
  }

  public long readVarUint() {
    long value = 0;
    int shift = 0;
    while (true) {
      int b = readUint8();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
      if (shift > MAX_VARUINT_SHIFT) {
        throw new MalformedFrameException("varUint longer than 53 bits");
      }
    }
  }

  /** A varUint that must fit a non-negative int, for lengths and small enums. */
  public int readVarUintAsInt() {
    long v = readVarUint();
    if (v > Integer.MAX_VALUE) {
      throw new MalformedFrameException("value out of range");
    }
    return (int) v;
  }

  /** lib0 varInt: first byte holds continuation bit, sign bit and 6 value bits. */
  public long readVarInt() {
    int b = readUint8();
    long value = b & 0x3f;
    boolean negative = (b & 0x40) != 0;
    int shift = 6;
    while ((b & 0x80) != 0) {
      b = readUint8();
      value |= (long) (b & 0x7f) << shift;
      shift += 7;
      if (shift > MAX_VARUINT_SHIFT + 7) {
        throw new MalformedFrameException("varInt longer than 53 bits");
      }
    }
    return negative ? -value : value;
  }

  public byte[] readVarUint8Array() {
    int len = readLength();
    byte[] out = new byte[len];
    System.arraycopy(data, pos, out, 0, len);
    pos += len;
    return out;
  }

  public String readVarString() {
    int len = readLength();
    // Document names and most awareness states are ASCII: one copy, no decoder and its buffers.
    String s = isAscii(pos, len) ? new String(data, pos, len, StandardCharsets.US_ASCII) : decodeUtf8(pos, len);
    pos += len;
    return s;
  }

  private boolean isAscii(int from, int len) {
    for (int i = from; i < from + len; i++) {
      if (data[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private String decodeUtf8(int from, int len) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(data, from, len)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedFrameException("invalid UTF-8 in string");
    }
  }

  /** The bytes from the current position to the end, without copying semantics leaking. */
  public byte[] readRest() {
    byte[] out = new byte[end - pos];
    System.arraycopy(data, pos, out, 0, out.length);
    pos = end;
    return out;
  }

  private int readLength() {
    long len = readVarUint();
    if (len > remaining()) {
      throw new MalformedFrameException("length prefix beyond end of message");
    }
    return (int) len;
  }
}
