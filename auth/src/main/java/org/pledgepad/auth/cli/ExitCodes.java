package org.pledgepad.auth.cli;

import java.io.PrintStream;

/** How the operator commands end on an error: the message on stderr, and the exit code. */
final class ExitCodes {
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private ExitCodes() {}

  /** A command line that does not parse: what is wrong, then the usage. */
  static int usage(PrintStream err, UsageException e, String usage) {
    err.println("error: " + e.getMessage());
    err.println(usage);
    return USAGE;
  }

  /** Anything else that went wrong; messages here never carry a secret or a token. */
  static int failure(PrintStream err, Exception e) {
    err.println("error: " + e.getMessage());
    return FAILURE;
  }
}
