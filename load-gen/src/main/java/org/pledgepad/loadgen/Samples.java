package org.pledgepad.loadgen;

import java.util.Arrays;

/** A growable list of latency samples (ms), each with its arrival time (ms), without boxing. */
final class Samples {
  private double[] values = new double[1024];
  private double[] arrivals = new double[1024];
  private int size;

  void add(double v, double arrivedAt) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      arrivals = Arrays.copyOf(arrivals, size * 2);
    }
    arrivals[size] = arrivedAt;
    values[size++] = v;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }

  double[] arrivalsArray() {
    return Arrays.copyOf(arrivals, size);
  }

  /**
   * The largest value that arrived in each of {@code buckets} intervals of {@code bucketMs} from
   * {@code startMs} (0 where none did); arrivals outside them are left out. Shows when in a window
   * the slow deliveries came, to line them up with the server's logs.
   */
  static double[] maxPerBucket(double[] values, double[] arrivals, double startMs, double bucketMs, int buckets) {
    double[] max = new double[buckets];
    for (int i = 0; i < values.length; i++) {
      double b = Math.floor((arrivals[i] - startMs) / bucketMs);
      if (b >= 0 && b < buckets) {
        max[(int) b] = Math.max(max[(int) b], values[i]);
      }
    }
    return max;
  }

  /** The percentile as load.mjs computes it: sorted[min(n - 1, floor(p / 100 * n))], NaN if empty. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100 * sorted.length))];
  }
}
