package org.pledgepad.crdt.lib0;

// Follows lib0/encoding.js (lib0 0.2.114): class IntDiffOptRleEncoder.

/**
 * Encodes each value as the difference to its predecessor and runs of equal differences once:
 * the varInt holds diff * 2 plus a low bit telling whether a run length (minus two) follows.
 * Yjs uses it for clocks, which mostly grow by a constant step.
 */
public final class IntDiffOptRleEncoder {
  private final Encoder encoder = new Encoder();
  private long s;
  private long count;
  private long diff;

  public void write(long v) {
    if (diff == v - s) {
      s = v;
      count++;
    } else {
      flush();
      count = 1;
      diff = v - s;
      s = v;
    }
  }

  private void flush() {
    if (count > 0) {
      long encoded = diff * 2 + (count == 1 ? 0 : 1);
      if (Math.abs(encoded) > Encoder.MAX_SAFE_INTEGER) {
        encoded = (long) (double) encoded; // lib0 computes this in doubles
      }
      encoder.writeVarInt(encoded);
      if (count > 1) {
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
