package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33): class DSDecoderV1.

import org.pledgepad.crdt.lib0.Decoder;

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

  @Override
  public long readDsLen() {
    return restDecoder.readVarUint();
  }
}
