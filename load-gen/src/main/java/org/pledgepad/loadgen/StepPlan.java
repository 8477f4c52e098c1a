package org.pledgepad.loadgen;

/**
 * One step of the saturation search: edits at {@code rate} per client per second from
 * {@code startMs} (on the shared clock) for warm-up + window + drain; only edits sent inside the
 * window count, and what has not arrived by the end of the drain is not delivered.
 */
record StepPlan(double rate, double startMs, double warmupMs, double windowMs, double drainMs) {
  double totalMs() {
    return warmupMs + windowMs + drainMs;
  }
}
