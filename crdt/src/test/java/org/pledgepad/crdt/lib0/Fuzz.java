package org.pledgepad.crdt.lib0;

// Test support for the decoder fuzz tests (lib0 decoding.js, Yjs UpdateDecoder.js, y-protocols).

import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Runs decoders on hostile input and fails, naming the seed and the input, if anything but
 * DecodingException escapes. The seed comes from -Dfuzz.seed or the clock and is always part
 * of the failure message, so every failure can be replayed.
 */
public final class Fuzz {
  private Fuzz() {}

  public static long seed() {
    String s = System.getProperty("fuzz.seed");
    return s != null ? Long.parseLong(s) : System.nanoTime();
  }

  public interface Target {
    void decode(byte[] input);
  }

  /** Returns true if the input decoded, false if it raised DecodingException. */
  public static boolean run(long seed, String what, byte[] input, Target t) {
    try {
      t.decode(input);
      return true;
    } catch (DecodingException expected) {
      return false;
    } catch (Throwable other) {
      throw new AssertionError(what + " threw " + other + " (seed " + seed + ", rerun with -Dfuzz.seed=" + seed
          + ") on input " + HexFormat.of().formatHex(input), other);
    }
  }

  public static byte[] randomBytes(Random r, int maxLen) {
    byte[] b = new byte[r.nextInt(maxLen + 1)];
    // Half of the inputs draw from bytes that matter to lib0 (tags, continuation bits).
    if (r.nextBoolean()) {
      r.nextBytes(b);
    } else {
      int[] interesting = {0, 1, 2, 0x3F, 0x40, 0x7F, 0x80, 0xBF, 0xC0, 0xFF, 116, 117, 118, 119, 120, 122, 123, 124, 125};
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) interesting[r.nextInt(interesting.length)];
      }
    }
    return b;
  }

  /** A valid input with a few random edits: flips, insertions, deletions, truncation. */
  public static byte[] mutate(Random r, byte[] valid) {
    byte[] b = valid.clone();
    int edits = 1 + r.nextInt(4);
    for (int k = 0; k < edits; k++) {
      int op = r.nextInt(5);
      if (b.length == 0) {
        op = 2;
      }
      switch (op) {
        case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        case 1 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        case 2 -> {
          int at = r.nextInt(b.length + 1);
          byte[] n = new byte[b.length + 1];
          System.arraycopy(b, 0, n, 0, at);
          n[at] = (byte) (r.nextBoolean() ? 0xFF : r.nextInt(256));
          System.arraycopy(b, at, n, at + 1, b.length - at);
          b = n;
        }
        case 3 -> {
          int at = r.nextInt(b.length);
          byte[] n = new byte[b.length - 1];
          System.arraycopy(b, 0, n, 0, at);
          System.arraycopy(b, at + 1, n, at, b.length - at - 1);
          b = n;
        }
        default -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
      }
    }
    return b;
  }

  public static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
