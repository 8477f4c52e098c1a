package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateDecoder.js (yjs 13.6.33): the delete-set part shared by v1 and v2.

import org.pledgepad.crdt.lib0.Decoder;

/** Reads delete sets; every method throws DecodingException on malformed input. */
public interface DSDecoder {
  Decoder restDecoder();

  void resetDsCurVal();

  long readDsClock();

  long readDsLen();
}
