package org.pledgepad.crdt.lib0;

// Follows lib0/decoding.js (lib0 0.2.114): class UintOptRleDecoder.

/**
 * Reads what {@link UintOptRleEncoder} wrote. lib0 silently yields 0 when a column is read past
 * its end; no update Yjs writes does that, so here it is a DecodingException.
 */
public final class UintOptRleDecoder extends Decoder {
  private long s;
  private long count;

  public UintOptRleDecoder(byte[] data) {
    super(data);
  }

  /** Reads the column {@code data[off, off + len)} in place. */
  public UintOptRleDecoder(byte[] data, int off, int len) {
    super(data, off, len);
  }

  public long read() {
    if (count == 0) {
      s = readVarIntMagnitude();
      count = 1;
      if (lastVarIntNegative()) {
        count = readVarUint() + 2;
      }
    }
    count--;
    return s;
  }
}
