package org.pledgepad.crdt;

// Follows yjs/src/utils/updates.js (yjs 13.6.33): LazyStructWriter and its helper functions.

import java.util.ArrayList;
import java.util.List;

/**
 * Writes structs client by client when the number of structs per client is not known in
 * advance: each client's structs are buffered and prefixed with their count at the end.
 */
public final class LazyStructWriter {
  long currClient = 0;
  long startClock = 0;
  long written = 0;
  final UpdateEncoder encoder;
  /** Finished clients: number of structs and their bytes from the rest encoder. */
  final List<Object[]> clientStructs = new ArrayList<>();

  public LazyStructWriter(UpdateEncoder encoder) {
    this.encoder = encoder;
  }

  void flush() {
    if (written > 0) {
      clientStructs.add(new Object[] {written, encoder.restEncoder().toUint8Array()});
      encoder.restEncoder().reset();
      written = 0;
    }
  }

  void write(AbstractStruct struct, long offset) {
    // flush curr if we start another client
    if (written > 0 && currClient != struct.client) {
      flush();
    }
    if (written == 0) {
      currClient = struct.client;
      // write next client
      encoder.writeClient(struct.client);
      // write startClock
      encoder.restEncoder().writeVarUint(struct.clock + offset);
    }
    struct.write(encoder, offset);
    written++;
  }

  void finish() {
    flush();
    // this is a fresh encoder because we called flush
    org.pledgepad.crdt.lib0.Encoder restEncoder = encoder.restEncoder();
    restEncoder.writeVarUint(clientStructs.size());
    for (Object[] partStructs : clientStructs) {
      // number of structs of this client, then the buffered struct bytes
      restEncoder.writeVarUint((Long) partStructs[0]);
      restEncoder.writeUint8Array((byte[]) partStructs[1]);
    }
  }
}
