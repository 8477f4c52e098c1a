package org.pledgepad.server.protocol;

/** A reason to close a connection: a close code and a short reason that never quotes input. */
public final class ProtocolViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final short code;

  public ProtocolViolation(short code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  public short code() {
    return code;
  }
}
