package org.pledgepad.crdt.sync;

// Follows y-protocols/sync.js (y-protocols 1.0.7): the three sync message kinds.

/**
 * One decoded sync message: its type ({@link SyncProtocol#MESSAGE_YJS_SYNC_STEP1} with an encoded
 * state vector as payload, or STEP2 / UPDATE with a v1 update). The payload is not yet checked
 * as a state vector or update: the server validates it before applying anything.
 */
public record SyncMessage(int type, byte[] payload) {
  public boolean isStep1() {
    return type == SyncProtocol.MESSAGE_YJS_SYNC_STEP1;
  }

  /** Step 2 and update messages both carry an update to apply. */
  public boolean carriesUpdate() {
    return type == SyncProtocol.MESSAGE_YJS_SYNC_STEP2 || type == SyncProtocol.MESSAGE_YJS_UPDATE;
  }
}
