package org.pledgepad.crdt.sync;

// Follows y-protocols/sync.js (y-protocols 1.0.7).

import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Encoder;

/**
 * The Yjs sync sub-protocol as pure byte functions. y-protocols' versions take a Doc and apply
 * or compute updates themselves; here the caller (the server's document session) computes
 * state vectors and updates, and validates received payloads before applying, so the protocol
 * layer never touches a document.
 */
public final class SyncProtocol {
  public static final int MESSAGE_YJS_SYNC_STEP1 = 0;
  public static final int MESSAGE_YJS_SYNC_STEP2 = 1;
  public static final int MESSAGE_YJS_UPDATE = 2;

  private SyncProtocol() {}

  /** Step 1: "here is my state vector, send me what I miss". */
  public static void writeSyncStep1(Encoder encoder, byte[] stateVector) {
    encoder.writeVarUint(MESSAGE_YJS_SYNC_STEP1);
    encoder.writeVarUint8Array(stateVector);
  }

  /** Step 2: the (v1) update that answers a step 1. */
  public static void writeSyncStep2(Encoder encoder, byte[] update) {
    encoder.writeVarUint(MESSAGE_YJS_SYNC_STEP2);
    encoder.writeVarUint8Array(update);
  }

  /** An incremental (v1) update. */
  public static void writeUpdate(Encoder encoder, byte[] update) {
    encoder.writeVarUint(MESSAGE_YJS_UPDATE);
    encoder.writeVarUint8Array(update);
  }

  /**
   * Reads one sync message (type and length-checked payload). Unknown types are a
   * DecodingException, as y-protocols throws "Unknown message type".
   */
  public static SyncMessage readSyncMessage(Decoder decoder) {
    long type = decoder.readVarUint();
    if (type != MESSAGE_YJS_SYNC_STEP1 && type != MESSAGE_YJS_SYNC_STEP2 && type != MESSAGE_YJS_UPDATE) {
      throw new DecodingException("unknown sync message type " + type);
    }
    return new SyncMessage((int) type, decoder.readVarUint8Array());
  }
}
