package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33): class UpdateDecoderV2.

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.IntDiffOptRleDecoder;
import org.pledgepad.crdt.lib0.RleDecoder;
import org.pledgepad.crdt.lib0.StringDecoder;
import org.pledgepad.crdt.lib0.UintOptRleDecoder;

/**
 * Reads the v2 update format: the constructor splits off the nine columns (each length-checked
 * against the input); the rest stays in {@link #restDecoder}. Columns read past their end and
 * out-of-range values raise DecodingException.
 */
public class UpdateDecoderV2 extends DSDecoderV2 implements UpdateDecoder {
  /** Keys read so far, indexed by key clock (see UpdateEncoderV2.writeKey). */
  final List<String> keys = new ArrayList<>();

  final IntDiffOptRleDecoder keyClockDecoder;
  final UintOptRleDecoder clientDecoder;
  final IntDiffOptRleDecoder leftClockDecoder;
  final IntDiffOptRleDecoder rightClockDecoder;
  final RleDecoder infoDecoder;
  final StringDecoder stringDecoder;
  final RleDecoder parentInfoDecoder;
  final UintOptRleDecoder typeRefDecoder;
  final UintOptRleDecoder lenDecoder;

  public UpdateDecoderV2(Decoder decoder) {
    super(decoder);
    decoder.readVarUint(); // feature flag, unused by Yjs 13
    byte[] a = decoder.arr;
    // Each column is decoded where it lies in the update: a v2 update is nearly all columns
    // (B4: 154 of 160 KB), each read once, so copying them out first only doubled the traffic.
    int[] c = columns(decoder);
    keyClockDecoder = new IntDiffOptRleDecoder(a, c[0], c[1]);
    clientDecoder = new UintOptRleDecoder(a, c[2], c[3]);
    leftClockDecoder = new IntDiffOptRleDecoder(a, c[4], c[5]);
    rightClockDecoder = new IntDiffOptRleDecoder(a, c[6], c[7]);
    infoDecoder = new RleDecoder(a, c[8], c[9]);
    stringDecoder = new StringDecoder(a, c[10], c[11]);
    parentInfoDecoder = new RleDecoder(a, c[12], c[13]);
    typeRefDecoder = new UintOptRleDecoder(a, c[14], c[15]);
    lenDecoder = new UintOptRleDecoder(a, c[16], c[17]);
  }

  /**
   * Skips the nine length-prefixed columns (DecodingException if one overruns the input);
   * returns each one's start in decoder.arr and length, in pairs.
   */
  private static int[] columns(Decoder decoder) {
    int[] c = new int[18];
    for (int i = 0; i < 18; i += 2) {
      long len = decoder.readVarUint();
      c[i] = decoder.pos;
      decoder.skip(len);
      c[i + 1] = decoder.pos - c[i];
    }
    return c;
  }



  @Override
  public long readLeftClient() {
    return clientDecoder.read();
  }

  @Override
  public long readLeftClock() {
    return UpdateDecoderV1.checkClock(leftClockDecoder.read());
  }

  @Override
  public long readRightClient() {
    return clientDecoder.read();
  }

  @Override
  public long readRightClock() {
    return UpdateDecoderV1.checkClock(rightClockDecoder.read());
  }

  @Override
  public long readClient() {
    return clientDecoder.read();
  }

  @Override
  public int readInfo() {
    return UpdateDecoderV1.checkInfo(infoDecoder.read());
  }

  @Override
  public String readString() {
    return stringDecoder.read();
  }

  @Override
  public boolean readParentInfo() {
    return UpdateDecoderV1.checkParentInfo(parentInfoDecoder.read());
  }

  @Override
  public int readTypeRef() {
    return UpdateDecoderV1.checkTypeRef(typeRefDecoder.read());
  }

  @Override
  public long readLen() {
    return lenDecoder.read();
  }

  @Override
  public Object readAny() {
    return restDecoder.readAny();
  }

  @Override
  public byte[] readBuf() {
    return restDecoder.readVarUint8Array();
  }

  @Override
  public Object readJSON() {
    return restDecoder.readAny();
  }

  @Override
  public String readKey() {
    long keyClock = keyClockDecoder.read();
    if (keyClock < 0) {
      throw new DecodingException("negative key clock " + keyClock);
    }
    if (keyClock < keys.size()) {
      return keys.get((int) keyClock);
    }
    String key = stringDecoder.read();
    keys.add(key);
    return key;
  }
}
