package org.pledgepad.loadgen;

/**
 * Where a simulated client types its characters, chosen with the environment variables TYPING
 * and TYPING_RUN.
 *
 * <p>RANDOM (the default, and the benchmark's standard workload): every character goes after a
 * uniformly chosen item of the text. Each edit links a new item between two items typed long
 * before: the worst case for a server's memory, and the same for every server.
 *
 * <p>CURSOR: as a person types, a run of characters one after another at a cursor, which jumps
 * to a random place before an edit with probability 1/run (runs of {@code run} characters on
 * average). It is there to measure how much of a server's cost comes from the random case.
 */
record Typing(boolean cursor, int run) {
  static final Typing RANDOM = new Typing(false, 1);

  static Typing parse(String mode, String run) {
    String m = mode == null || mode.isBlank() ? "random" : mode;
    return switch (m) {
      case "random" -> {
        if (run != null && !run.isBlank()) {
          throw new IllegalArgumentException("TYPING_RUN applies to TYPING=cursor only");
        }
        yield RANDOM;
      }
      case "cursor" -> new Typing(true, parseRun(run));
      default -> throw new IllegalArgumentException("TYPING must be random or cursor");
    };
  }

  private static int parseRun(String run) {
    if (run == null || run.isBlank()) {
      return 20;
    }
    int n;
    try {
      n = Integer.parseInt(run.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TYPING_RUN must be a whole number of characters, 1 to 100000");
    }
    if (n < 1 || n > 100_000) {
      throw new IllegalArgumentException("TYPING_RUN must be a whole number of characters, 1 to 100000");
    }
    return n;
  }

  String label() {
    return cursor ? "cursor, runs of " + run : "random";
  }
}
