package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateEncoder.js (yjs 13.6.33): class DSEncoderV2.

import org.pledgepad.crdt.lib0.Encoder;

/**
 * v2 delete sets: each clock as the distance from the end of the previous range, each length
 * minus one (a range is never empty), which keeps the varUints short.
 */
public class DSEncoderV2 implements DSEncoder {
  public final Encoder restEncoder = new Encoder();
  protected long dsCurrVal = 0;

  @Override
  public Encoder restEncoder() {
    return restEncoder;
  }

  @Override
  public byte[] toUint8Array() {
    return restEncoder.toUint8Array();
  }

  @Override
  public void resetDsCurVal() {
    dsCurrVal = 0;
  }

  /**
   * Clocks must come sorted and non-overlapping, as Yjs's own delete sets are. An unsorted set
   * (only a hostile v1 update re-encoded as v2 has one) gives a negative step; lib0 then writes
   * the low seven bits of it as one byte, and so do we, so that the bytes still match Yjs.
   */
  @Override
  public void writeDsClock(long clock) {
    long diff = clock - dsCurrVal;
    dsCurrVal = clock;
    if (diff < 0) {
      restEncoder.writeUint8((int) (diff & 0x7F));
    } else {
      restEncoder.writeVarUint(diff);
    }
  }

  @Override
  public void writeDsLen(long len) {
    if (len == 0) {
      throw new IllegalArgumentException("delete set range of length 0");
    }
    restEncoder.writeVarUint(len - 1);
    dsCurrVal += len;
  }
}
