package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33).

/** Reads the struct part of an update; every method throws DecodingException on malformed input. */
public interface UpdateDecoder extends DSDecoder {
  default ID readLeftID() {
    long client = readLeftClient();
    return new ID(client, readLeftClock());
  }

  default ID readRightID() {
    long client = readRightClient();
    return new ID(client, readRightClock());
  }

  /**
   * The client of a left id; readLeftClock must follow. Decoding into an item's numbers this
   * way allocates no ID per struct.
   */
  long readLeftClient();

  long readLeftClock();

  /** The client of a right id; readRightClock must follow. */
  long readRightClient();

  long readRightClock();

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
