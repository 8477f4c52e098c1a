package org.pledgepad.bench;

/**
 * The PRNG of crdt/conformance/trace-format.mjs (32-bit xorshift plus a Weyl sequence), so that
 * the JMH workloads and bench.mjs make exactly the same random choices.
 */
final class Prng {
  private int x;
  private int w;

  Prng(int seed) {
    x = seed ^ 0x9e3779b9;
    if (x == 0) {
      x = 1;
    }
    for (int i = 0; i < 8; i++) {
      next();
    }
  }

  /** uint32 as a long */
  long next() {
    int v = x;
    v ^= v << 13;
    v ^= v >>> 17;
    v ^= v << 5;
    x = v;
    w += 0x6d2b79f5;
    return (Integer.toUnsignedLong(v) + Integer.toUnsignedLong(w)) & 0xffffffffL;
  }

  /** integer in [lo, hi], as Math.floor(real() * (hi - lo + 1)) + lo in JavaScript */
  int nextInt(int lo, int hi) {
    double real = next() / 4294967296.0;
    return lo + (int) Math.floor(real * (hi - lo + 1));
  }
}
