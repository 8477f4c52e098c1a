package org.pledgepad.crdt.sync;

// Follows y-websocket's outer message framing (messageSync, messageAwareness, messageAuth,
// messageQueryAwareness in y-websocket/src/y-websocket.js and y-protocols/auth.js 1.0.7).

/** One decoded y-websocket frame. */
public sealed interface YWebsocketMessage {
  /** messageSync (0) with its sync message. */
  record Sync(SyncMessage message) implements YWebsocketMessage {}

  /** messageAwareness (1) carrying an encoded awareness update (not yet validated). */
  record Awareness(byte[] update) implements YWebsocketMessage {}

  /** messageAuth (2), permission denied (0), with the reason. */
  record PermissionDenied(String reason) implements YWebsocketMessage {}

  /** messageQueryAwareness (3): "send me all awareness states". */
  record QueryAwareness() implements YWebsocketMessage {}
}
