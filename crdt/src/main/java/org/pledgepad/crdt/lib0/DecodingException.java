package org.pledgepad.crdt.lib0;

/**
 * The one exception type that every decoder of this library throws for malformed input
 * (truncated data, lengths larger than the remaining bytes, invalid UTF-8, unknown tags,
 * nesting deeper than allowed). Network input is hostile: callers catch exactly this type
 * and close the offending connection, knowing that no partial state was applied.
 */
public class DecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecodingException(String message) {
    super(message);
  }

  public DecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
