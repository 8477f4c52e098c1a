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

  void sendSyncStep2(byte[] update);

  void sendUpdate(byte[] update);

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
