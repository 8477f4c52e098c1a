package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33): class UpdateDecoderV1.

import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Json;

/**
 * Reads the v1 update format. Besides lib0's own checks it rejects values that Yjs would
 * stumble over later (unknown content or type refs, parent flags other than 0/1), so that a
 * hostile update fails here with a DecodingException rather than deep inside integration.
 */
public class UpdateDecoderV1 extends DSDecoderV1 implements UpdateDecoder {
  public UpdateDecoderV1(Decoder decoder) {
    super(decoder);
  }



  @Override
  public long readLeftClient() {
    return restDecoder.readVarUint();
  }

  @Override
  public long readLeftClock() {
    return restDecoder.readVarUint();
  }

  @Override
  public long readRightClient() {
    return restDecoder.readVarUint();
  }

  @Override
  public long readRightClock() {
    return restDecoder.readVarUint();
  }

  @Override
  public long readClient() {
    return restDecoder.readVarUint();
  }

  @Override
  public int readInfo() {
    return checkInfo(restDecoder.readUint8());
  }

  @Override
  public String readString() {
    return restDecoder.readVarString();
  }

  @Override
  public boolean readParentInfo() {
    return checkParentInfo(restDecoder.readVarUint());
  }

  @Override
  public int readTypeRef() {
    return checkTypeRef(restDecoder.readVarUint());
  }

  @Override
  public long readLen() {
    return restDecoder.readVarUint();
  }

  @Override
  public Object readAny() {
    return restDecoder.readAny();
  }

  @Override
  public byte[] readBuf() {
    return restDecoder.readVarUint8Array(); // already a copy
  }

  @Override
  public Object readJSON() {
    return Json.parse(restDecoder.readVarString(), restDecoder.maxAnyDepth());
  }

  @Override
  public String readKey() {
    return restDecoder.readVarString();
  }

  // Yjs indexes its content and type reader tables with these numbers unchecked (refs from
  // yjs/src/utils/encoding.js contentRefs and yjs/src/types/AbstractType.js typeRefs); both
  // decoders reject out-of-table values at the wire instead.

  /** Content refs 0 (GC) .. 10 (Skip) in the low five bits of a struct's info byte. */
  static final int MAX_CONTENT_REF = 10;
  /** YArray 0 .. YXmlText 6. */
  static final int MAX_TYPE_REF = 6;

  static int checkInfo(int info) {
    if ((info & 0x1F) > MAX_CONTENT_REF) {
      throw new DecodingException("unknown content ref " + (info & 0x1F));
    }
    return info;
  }

  static int checkTypeRef(long ref) {
    if (ref < 0 || ref > MAX_TYPE_REF) {
      throw new DecodingException("unknown type ref " + ref);
    }
    return (int) ref;
  }

  static boolean checkParentInfo(long v) {
    if (v != 0 && v != 1) {
      throw new DecodingException("parent info must be 0 or 1, got " + v);
    }
    return v == 1;
  }

  static long checkClock(long clock) {
    if (clock < 0) {
      throw new DecodingException("negative clock " + clock);
    }
    return clock;
  }
}
