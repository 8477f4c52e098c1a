package org.pledgepad.server.protocol;

/**
 * WebSocket close codes the server uses. Codes 4000–4999 are reserved for applications; the
 * 44xx/45xx codes mirror the HTTP status with the same meaning. The table in
 * docs/close-codes.md lists them for client authors; keep both in step.
 */
public final class CloseCodes {
  private CloseCodes() {}

  /** The client asked to close, or the server shuts down cleanly. */
  public static final short NORMAL = 1000;
  /** The server is shutting down. */
  public static final short GOING_AWAY = 1001;
  /** A text frame arrived; both protocols are binary only. */
  public static final short UNSUPPORTED_DATA = 1003;
  /** A frame or reassembled message exceeded MAX_FRAME_BYTES / MAX_MESSAGE_BYTES. */
  public static final short MESSAGE_TOO_BIG = 1009;
  /** The store failed to commit; the client reconnects and resyncs, nothing was lost. */
  public static final short INTERNAL_ERROR = 1011;
  /**
   * RFC 6455's registry: try again later. What a y-websocket client is sent instead of 4429,
   * since y-websocket 3.x gives up for good on every code from 4400 to 4499.
   */
  public static final short TRY_AGAIN_LATER = 1013;
  /** The message does not follow the protocol framing (bad varint, length, UTF-8, type). */
  public static final short MALFORMED_MESSAGE = 4400;
  /** Authentication failed or the connection may not do what it tried. */
  public static final short FORBIDDEN = 4403;
  /** Nothing arrived for IDLE_TIMEOUT_SECONDS (not even a pong), or a document's authentication
   *  did not resolve within AUTH_TIMEOUT_SECONDS. */
  public static final short IDLE_TIMEOUT = 4408;
  /** The update would make the document larger than MAX_DOCUMENT_BYTES. */
  public static final short DOCUMENT_TOO_LARGE = 4413;
  /** A Yjs update or awareness update that does not decode, or an awareness state that is not
   *  JSON or too long (session/AwarenessStates.MAX_STATE_CHARS). */
  public static final short INVALID_UPDATE = 4422;
  /** An awareness update for a clientID owned by another connection. */
  public static final short AWARENESS_FORGERY = 4423;
  /** More messages than MESSAGES_PER_SECOND (with MESSAGE_BURST) allow, or too many messages or
   *  bytes queued before authentication, or too many documents on one socket. */
  public static final short RATE_LIMITED = 4429;
  /** The client did not read fast enough: its send queue exceeded SEND_QUEUE_BYTES. */
  public static final short SLOW_READER = 4503;
}
