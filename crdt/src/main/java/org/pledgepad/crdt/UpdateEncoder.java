package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateEncoder.js (yjs 13.6.33).

/** Writes the struct part of an update; implemented by UpdateEncoderV1 and UpdateEncoderV2. */
public interface UpdateEncoder extends DSEncoder {
  void writeLeftID(long client, long clock);

  void writeRightID(long client, long clock);

  default void writeLeftID(ID id) {
    writeLeftID(id.client, id.clock);
  }

  default void writeRightID(ID id) {
    writeRightID(id.client, id.clock);
  }

  /** Client ids are written before each client's structs (and by writeLeftID/RightID in v1). */
  void writeClient(long client);

  void writeInfo(int info);

  void writeString(String s);

  void writeParentInfo(boolean isYKey);

  void writeTypeRef(int info);

  void writeLen(long len);

  void writeAny(Object any);

  void writeBuf(byte[] buf);

  /** ContentJSON / ContentEmbed values: JSON.stringify in v1, Any in v2. */
  void writeJSON(Object embed);

  void writeKey(String key);
}
