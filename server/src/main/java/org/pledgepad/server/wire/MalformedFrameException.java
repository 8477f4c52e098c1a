package org.pledgepad.server.wire;

/**
 * A WebSocket message that does not follow the protocol's framing (truncated varint, length
 * prefix beyond the message, invalid UTF-8, unknown message type). The connection that sent it
 * is closed; the message content is never logged.
 */
public final class MalformedFrameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedFrameException(String reason) {
    super(reason, null, false, false);
  }
}
