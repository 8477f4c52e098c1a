package org.pledgepad.server.session;

/**
 * One connection's membership in one document session, as the session sees it. The protocol
 * adapters implement it and translate each call into their own framing. Calls come from the
 * session's context; implementations must be safe to call from there (Vert.x WebSocket writes
 * are).
 */
public interface Peer {
  /** Stable id of the connection, logged with each update it makes. */
  String connectionId();

  /** Who acts through this connection ("guest" until accounts exist). */
  String actor();

  /** A read-only peer's updates are refused (never logged, applied or broadcast). */
  boolean readOnly();

  /** Whether this peer may publish awareness now; if not, its awareness messages are dropped. */
  default boolean mayPublishAwareness() {
    return true;
  }

  void sendSyncStep1(byte[] stateVector);

  /**
   * Whether a step 1 this peer sends after its first is answered with the step 2 and then the
   * server's own step 1, as the Hocuspocus server answers every one: the Hocuspocus provider's
   * forced sync ({@code forceSyncInterval}) counts an unsynced change until the step 2 it sends
   * in reply is acknowledged. The first is not: the peer got the server's step 1 when it joined.
   */
  default boolean repliesToEveryStepOne() {
    return false;
  }

  void sendSyncStep2(byte[] update);

  void sendUpdate(byte[] update);

  /**
   * The largest v1 update this peer takes in one sync message; the session splits larger ones
   * (crdt's UpdateSplitter) so that no message exceeds the connection's MAX_MESSAGE_BYTES.
   * In-process peers take any size.
   */
  default int maxSyncPayloadBytes() {
    return Integer.MAX_VALUE;
  }

  /**
   * A step 2 split into parts: all but the last as sync updates, the last as the step 2. Stock
   * providers (y-websocket, Hocuspocus) count as synced on receiving a step 2, so only once
   * every part has arrived. Network peers send the parts as one batch for their send queue.
   * Any peer may get parts, whatever its limit: a document just loaded from a snapshot and a
   * log tail answers with that snapshot, then the rest (DocumentSession), so a peer that wants
   * the whole state as one update must apply or merge every part, not just the step 2.
   */
  default void sendSyncStep2Parts(java.util.List<byte[]> parts) {
    for (int i = 0; i < parts.size() - 1; i++) {
      sendUpdate(parts.get(i));
    }
    sendSyncStep2(parts.get(parts.size() - 1));
  }

  /** An update split into parts, sent in order. */
  default void sendUpdateParts(java.util.List<byte[]> parts) {
    parts.forEach(this::sendUpdate);
  }

  /**
   * How this peer frames an update, when peers with an equal framing may share one message
   * ({@link #sendFramedUpdate}); null (the default) when this peer frames its own.
   */
  default UpdateFraming updateFraming() {
    return null;
  }

  /**
   * Sends an update framed by {@link #updateFraming()} and shared with other peers: the buffer
   * is written as it is and never modified. Only called when updateFraming() is not null.
   */
  default void sendFramedUpdate(org.pledgepad.server.wire.SharedFrame message) {
    throw new UnsupportedOperationException("peer without an update framing");
  }

  void sendAwareness(byte[] awarenessUpdate);

  /** Acknowledges (true) or refuses (false) one update or step 2 of this peer. */
  void sendSyncStatus(boolean applied);

  /**
   * A Hocuspocus Stateless message (annotation events for this document). Protocols without
   * such a message ignore it.
   */
  default void sendStateless(String payload) {}

  /**
   * Whether the principal behind this connection may do {@code op} on its document right now
   * (asked at send time for pushes meant for a few, e.g. moderators). Peers that cannot tell
   * answer no: withholding is the safe side.
   */
  default boolean allows(org.pledgepad.auth.Operation op) {
    return false;
  }

  /** Closes the whole connection with a code from {@code CloseCodes}. */
  void close(short code, String reason);
}
