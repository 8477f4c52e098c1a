package org.pledgepad.server.store;

/** The store failed (unreachable, constraint broken); the operation did not commit. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
