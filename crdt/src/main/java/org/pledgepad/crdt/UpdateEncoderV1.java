package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateEncoder.js (yjs 13.6.33): class UpdateEncoderV1.

import org.pledgepad.crdt.lib0.Json;

/** The v1 update format: every field written in order into one lib0 stream. */
public class UpdateEncoderV1 extends DSEncoderV1 implements UpdateEncoder {
  @Override
  public void writeLeftID(long client, long clock) {
    restEncoder.writeVarUint(client);
    restEncoder.writeVarUint(clock);
  }

  @Override
  public void writeRightID(long client, long clock) {
    restEncoder.writeVarUint(client);
    restEncoder.writeVarUint(clock);
  }

  @Override
  public void writeClient(long client) {
    restEncoder.writeVarUint(client);
  }

  @Override
  public void writeInfo(int info) {
    restEncoder.writeUint8(info);
  }

  @Override
  public void writeString(String s) {
    restEncoder.writeVarString(s);
  }

  @Override
  public void writeParentInfo(boolean isYKey) {
    restEncoder.writeVarUint(isYKey ? 1 : 0);
  }

  @Override
  public void writeTypeRef(int info) {
    restEncoder.writeVarUint(info);
  }

  @Override
  public void writeLen(long len) {
    restEncoder.writeVarUint(len);
  }

  @Override
  public void writeAny(Object any) {
    restEncoder.writeAny(any);
  }

  @Override
  public void writeBuf(byte[] buf) {
    restEncoder.writeVarUint8Array(buf);
  }

  @Override
  public void writeJSON(Object embed) {
    String json = Json.stringify(embed);
    if (json == null) {
      // JSON.stringify(undefined) is undefined, which lib0 cannot write either.
      throw new IllegalArgumentException("cannot write undefined as JSON");
    }
    restEncoder.writeVarString(json);
  }

  @Override
  public void writeKey(String key) {
    restEncoder.writeVarString(key);
  }
}
