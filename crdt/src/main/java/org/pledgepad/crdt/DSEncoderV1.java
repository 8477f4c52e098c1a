package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateEncoder.js (yjs 13.6.33): class DSEncoderV1.

import org.pledgepad.crdt.lib0.Encoder;

/** v1 delete sets: plain varUints for clocks and lengths. */
public class DSEncoderV1 implements DSEncoder {
  public final Encoder restEncoder = new Encoder();

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
    // v1 writes absolute clocks: there is no running value to reset.
  }

  @Override
  public void writeDsClock(long clock) {
    restEncoder.writeVarUint(clock);
  }

  @Override
  public void writeDsLen(long len) {
    restEncoder.writeVarUint(len);
  }
}
