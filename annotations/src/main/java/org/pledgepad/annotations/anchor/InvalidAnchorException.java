package org.pledgepad.annotations.anchor;

/**
 * The anchor a client sent cannot be attached: malformed bytes, a position the document does
 * not know, two ends in different paragraphs, an empty or oversized range. The message is a
 * fixed phrase, never client input.
 */
public final class InvalidAnchorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidAnchorException(String message) {
    super(message);
  }
}
