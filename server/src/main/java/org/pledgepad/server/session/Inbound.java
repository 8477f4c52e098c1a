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

  /** Payload bytes held (what a queue of messages is bounded by). */
  default int bytes() {
    // Java 17: no pattern matching in switch yet.
    if (this instanceof SyncStep1 s) {
      return s.stateVector().length;
    } else if (this instanceof SyncStep2 s) {
      return s.update().length;
    } else if (this instanceof Update u) {
      return u.update().length;
    } else if (this instanceof Awareness a) {
      return a.update().length;
    }
    return 0;
  }
}
