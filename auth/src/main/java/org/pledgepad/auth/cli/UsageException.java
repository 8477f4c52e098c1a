package org.pledgepad.auth.cli;

/** A command line that does not parse; the message says what is wrong and is shown to the operator. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
