package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33).

/** Reads the struct part of an update; every method throws DecodingException on malformed input. */
public interface UpdateDecoder extends DSDecoder {
  ID readLeftID();

  ID readRightID();

  long readClient();

  int readInfo();

  String readString();

  boolean readParentInfo();

  int readTypeRef();

  long readLen();

  Object readAny();

  byte[] readBuf();

  Object readJSON();

  String readKey();
}
