package org.pledgepad.crdt.lib0;

// Follows lib0/decoding.js (lib0 0.2.114): class IntDiffOptRleDecoder.

/**
 * Reads what {@link IntDiffOptRleEncoder} wrote. Reading past the end, or accumulating a value
 * a JavaScript number could not hold exactly, is a DecodingException (lib0 would return 0 or
 * lose precision).
 */
public final class IntDiffOptRleDecoder extends Decoder {
  private long s;
  private long count;
  private long diff;

  public IntDiffOptRleDecoder(byte[] data) {
    super(data);
  }

  /** Reads the column {@code data[off, off + len)} in place. */
  public IntDiffOptRleDecoder(byte[] data, int off, int len) {
    super(data, off, len);
  }

  public long read() {
    if (count == 0) {
      long m = readVarIntMagnitudeWide();
      if (m > Encoder.MAX_SAFE_INTEGER) {
        m = (long) (double) m; // lib0 accumulates in doubles: one rounding, to nearest even
      }
      long d = lastVarIntNegative() ? -m : m;
      diff = d >> 1; // floor(d / 2), also for negative d
      count = 1;
      if ((d & 1) != 0) {
        count = readVarUint() + 2;
      }
    }
    long next = s + diff; // |s| <= 2^53 and |diff| <= 2^54, so no long overflow
    if (next > Encoder.MAX_SAFE_INTEGER || next < -Encoder.MAX_SAFE_INTEGER) {
      throw new DecodingException("integer out of range");
    }
    s = next;
    count--;
    return s;
  }
}
