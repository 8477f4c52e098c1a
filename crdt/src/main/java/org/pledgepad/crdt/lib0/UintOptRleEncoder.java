package org.pledgepad.crdt.lib0;

// Follows lib0/encoding.js (lib0 0.2.114): class UintOptRleEncoder.

/**
 * Run-length encoding of unsigned integers that costs nothing for values that do not repeat:
 * a single value is written as a positive varInt, a run as the negated value (sign bit set,
 * which makes 0 into -0) followed by the run length minus two.
 */
public final class UintOptRleEncoder {
  private final Encoder encoder = new Encoder();
  private long s;
  private long count;

  public void write(long v) {
    if (s == v) {
      count++;
    } else {
      flush();
      count = 1;
      s = v;
    }
  }

  private void flush() {
    if (count > 0) {
      if (count == 1) {
        encoder.writeVarInt(s);
      } else {
        // JavaScript writes -s; for s >= 0 that is "negative" even when s is 0 (-0).
        if (s >= 0) {
          encoder.writeVarInt(s, true);
        } else {
          encoder.writeVarInt(-s, false);
        }
        encoder.writeVarUint(count - 2);
      }
    }
  }

  /** The encoded column; may be called again after more writes. */
  public byte[] toUint8Array() {
    int mark = encoder.length();
    flush();
    byte[] out = encoder.toUint8Array();
    encoder.truncate(mark);
    return out;
  }
}
