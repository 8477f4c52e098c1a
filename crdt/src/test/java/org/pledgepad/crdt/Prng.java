package org.pledgepad.crdt;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The subset of lib0/prng that the Yjs tests use, with the same argument conventions (inclusive
 * bounds). Yjs seeds lib0's Xoroshiro128+; we do not reproduce its sequences, so a seed here
 * names a Java run, not a JavaScript one. Failures print the seed so a run can be repeated with
 * {@code -Dyjs.seed=<seed>}.
 */
final class Prng {
  final long seed;
  private final SplittableRandom random;

  Prng(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** A float in [0, 1), as lib0's gen.next(). */
  double next() {
    return random.nextDouble();
  }

  boolean bool() {
    return next() >= 0.5;
  }

  /** Integer in [min, max], both inclusive, as prng.int32. */
  int int32(int min, int max) {
    return (int) Math.floor(next() * (max + 1L - min) + min);
  }

  int uint32(int min, int max) {
    return int32(min, max);
  }

  double real53() {
    return next();
  }

  char letter() {
    return (char) int32(97, 122);
  }

  String word() {
    return word(0, 20);
  }

  String word(int minLen, int maxLen) {
    int len = int32(minLen, maxLen);
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      b.append(letter());
    }
    return b.toString();
  }

  /** As lib0's utf16String: code points 0..256, so never a surrogate half. */
  String utf16String(int maxlen) {
    int len = int32(0, maxlen);
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      b.appendCodePoint(int32(0, 256));
    }
    return b.toString();
  }

  <T> T oneOf(List<T> list) {
    return list.get(int32(0, list.size() - 1));
  }

  @SafeVarargs
  final <T> T oneOf(T... list) {
    return list[int32(0, list.length - 1)];
  }
}
