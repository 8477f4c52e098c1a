package org.pledgepad.server.testing;

import java.util.function.BooleanSupplier;

/** Waits for asynchronous effects; the deadline guards against hangs and asserts no timing. */
public final class Eventually {
  private static final long DEADLINE_MS = 30_000;

  private Eventually() {}

  public static void until(String what, BooleanSupplier condition) {
    within(DEADLINE_MS, what, condition);
  }

  /**
   * With a shorter deadline: for effects that a fallback would also bring about later (a cache
   * that expires), so that only the mechanism under test can meet it.
   */
  public static void within(long deadlineMs, String what, BooleanSupplier condition) {
    long end = System.currentTimeMillis() + deadlineMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("never happened: " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
