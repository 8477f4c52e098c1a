package org.pledgepad.server.access;

/** The accounts/access database failed; the message never contains credentials. */
public final class AccessStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccessStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
