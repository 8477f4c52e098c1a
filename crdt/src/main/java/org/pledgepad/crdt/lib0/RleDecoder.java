package org.pledgepad.crdt.lib0;

// Follows lib0/decoding.js (lib0 0.2.114): class RleDecoder, specialised to readUint8.

/** Reads what {@link RleEncoder} wrote. Reading past the data repeats the last value, as lib0. */
public final class RleDecoder extends Decoder {
  private int s;
  private long count;

  public RleDecoder(byte[] data) {
    super(data);
  }

  /** Reads the column {@code data[off, off + len)} in place. */
  public RleDecoder(byte[] data, int off, int len) {
    super(data, off, len);
  }

  public int read() {
    if (count == 0) {
      s = readUint8();
      if (hasContent()) {
        count = readVarUint() + 1;
      } else {
        count = -1; // the last run has no length: it lasts forever
      }
    }
    count--;
    return s;
  }
}
