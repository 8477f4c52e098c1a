package org.pledgepad.loadgen;

/** What one lane counted in one step's window. */
record StepResult(long sent, long expected, long received, double[] latencies, double maxTickGapMs) {}
