package org.pledgepad.server.access;

/**
 * Fails the future of {@link AccessGuard#require}: the problem+json response has already been
 * sent, so the caller does nothing but stop.
 */
public final class AccessDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  AccessDeniedException(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
