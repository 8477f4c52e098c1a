package org.pledgepad.loadgen;

/**
 * What a protocol needs from the client it frames for: the document state (sync), awareness
 * and the outcome of authentication. The wire classes parse and frame; the client holds state.
 */
interface Peer {
  String documentName();

  /** Answers a server's sync step 1: the update the server misses (the step 2 payload). */
  byte[] answerStep1(byte[] stateVector);

  /** A step 2 or an incremental update from the server. */
  void applyRemote(byte[] update, boolean step2);

  /**
   * Applies a received awareness update; returns the entries that were new to this client,
   * encoded as an awareness update, or null when nothing changed.
   */
  byte[] applyAwareness(byte[] update);

  /** Every awareness state this client knows, encoded (the answer to a query). */
  byte[] allAwareness();

  /** The server refused access (the reason is not logged: it may carry document names). */
  void denied();
}
