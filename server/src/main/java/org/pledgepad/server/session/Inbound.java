package org.pledgepad.server.session;

/** A decoded message from a peer to its document session (the payloads are still opaque). */
public sealed interface Inbound {
  /** Sync step 1: the peer's state vector; answered with step 2. */
  record SyncStep1(byte[] stateVector) implements Inbound {}

  /** Sync step 2: what the peer has that the server lacks. */
  record SyncStep2(byte[] update) implements Inbound {}

  /** An incremental update. */
  record Update(byte[] update) implements Inbound {}

  /** An awareness update (presence, cursors). */
  record Awareness(byte[] update) implements Inbound {}

  /** A request for all current awareness states. */
  record QueryAwareness() implements Inbound {}
}
