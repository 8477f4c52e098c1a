package org.pledgepad.loadgen;

import java.util.Arrays;

/** A growable list of latency samples (ms) without boxing. */
final class Samples {
  private double[] values = new double[1024];
  private int size;

  void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** The percentile as load.mjs computes it: sorted[min(n - 1, floor(p / 100 * n))], NaN if empty. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100 * sorted.length))];
  }
}
