package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateEncoder.js (yjs 13.6.33): the delete-set part shared by v1 and v2.

import org.pledgepad.crdt.lib0.Encoder;

/** Writes delete sets; v1 and v2 differ only in how clocks and lengths are packed. */
public interface DSEncoder {
  /** The plain lib0 encoder that receives everything not packed into v2 columns. */
  Encoder restEncoder();

  void resetDsCurVal();

  void writeDsClock(long clock);

  void writeDsLen(long len);

  byte[] toUint8Array();
}
