package org.pledgepad.loadgen;

/** One clock for every sender and receiver of the process (like performance.now() in a worker). */
final class Clock {
  private final long origin = System.nanoTime();

  double nowMillis() {
    return (System.nanoTime() - origin) / 1e6;
  }
}
