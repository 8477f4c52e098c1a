package org.pledgepad.crdt.lib0;

// Follows lib0/encoding.js (lib0 0.2.114): class RleEncoder, specialised to writeUint8.

/**
 * Run-length encoding of bytes: each new value, then (when the next different value arrives)
 * the run length minus one. Yjs only uses it with writeUint8 (the info and parentInfo columns
 * of the v2 format), so it is specialised to that and avoids boxing. The final run's length is
 * never written; {@link RleDecoder} repeats the last value forever.
 */
public final class RleEncoder {
  private final Encoder encoder = new Encoder();
  private int s;
  private long count;

  public void write(int v) {
    v &= 0xFF;
    if (count > 0 && s == v) {
      count++;
    } else {
      if (count > 0) {
        encoder.writeVarUint(count - 1);
      }
      count = 1;
      encoder.writeUint8(v);
      s = v;
    }
  }

  public byte[] toUint8Array() {
    return encoder.toUint8Array();
  }
}
