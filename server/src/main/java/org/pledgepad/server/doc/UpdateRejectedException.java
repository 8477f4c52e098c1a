package org.pledgepad.server.doc;

/** An update that does not decode (or cannot be applied); nothing of it reached the document. */
public final class UpdateRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UpdateRejectedException(String reason, Throwable cause) {
    super(reason, cause, false, false);
  }
}
