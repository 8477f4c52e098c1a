package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33): class DSDecoderV2.

import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Encoder;

/** Reads v2 delete sets (clocks relative to the previous range's end, lengths minus one). */
public class DSDecoderV2 implements DSDecoder {
  public final Decoder restDecoder;
  protected long dsCurrVal = 0;

  public DSDecoderV2(Decoder decoder) {
    this.restDecoder = decoder;
  }

  @Override
  public Decoder restDecoder() {
    return restDecoder;
  }

  @Override
  public void resetDsCurVal() {
    dsCurrVal = 0;
  }

  @Override
  public long readDsClock() {
    dsCurrVal = checked(dsCurrVal + restDecoder.readVarUint());
    return dsCurrVal;
  }

  @Override
  public long readDsLen() {
    long diff = restDecoder.readVarUint() + 1;
    dsCurrVal = checked(dsCurrVal + diff);
    return diff;
  }

  /** Relative clocks add up; beyond 2^53 - 1 a JavaScript peer could not represent them. */
  private static long checked(long v) {
    if (v > Encoder.MAX_SAFE_INTEGER) {
      throw new DecodingException("delete set clock out of range");
    }
    return v;
  }
}
