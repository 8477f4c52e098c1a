package org.pledgepad.server.testing;

import java.util.function.BooleanSupplier;

/** Waits for asynchronous effects; the deadline guards against hangs and asserts no timing. */
public final class Eventually {
  private static final long DEADLINE_MS = 30_000;

  private Eventually() {}

  public static void until(String what, BooleanSupplier condition) {
    long end = System.currentTimeMillis() + DEADLINE_MS;
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
