package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33): class DSDecoderV1.

import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;

/** Reads v1 delete sets: plain varUints (at most 2^53 - 1, else DecodingException). */
public class DSDecoderV1 implements DSDecoder {
  public final Decoder restDecoder;

  public DSDecoderV1(Decoder decoder) {
    this.restDecoder = decoder;
  }

  @Override
  public Decoder restDecoder() {
    return restDecoder;
  }

  @Override
  public void resetDsCurVal() {
    // v1 reads absolute clocks: there is no running value to reset.
  }

  @Override
  public long readDsClock() {
    return restDecoder.readVarUint();
  }

  /**
   * A range of length 0 is rejected: Yjs never writes one (the v2 format cannot even express
   * it, and DSEncoderV2 throws on it), so accepting it here would only let a v1 update through
   * that breaks when re-encoded as v2.
   */
  @Override
  public long readDsLen() {
    long len = restDecoder.readVarUint();
    if (len == 0) {
      throw new DecodingException("delete set range of length 0");
    }
    return len;
  }
}
