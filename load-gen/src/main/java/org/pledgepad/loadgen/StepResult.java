package org.pledgepad.loadgen;

/** What one lane counted in one step's window; {@code arrivals[i]}: when latency sample i arrived (clock ms). */
record StepResult(long sent, long expected, long received, double[] latencies, double[] arrivals,
    double maxTickGapMs) {}
