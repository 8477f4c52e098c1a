package org.pledgepad.crdt.core;

import java.util.SplittableRandom;

/** Random edits of encoded updates for the decoder fuzz and allocation tests. */
public final class ByteMutations {
  private ByteMutations() {}

  /** One to three edits: a dropped, duplicated or replaced byte, a flipped bit, a step by one. */
  public static byte[] mutate(byte[] seed, SplittableRandom r) {
    byte[] u = seed.clone();
    int muts = 1 + r.nextInt(3);
    for (int k = 0; k < muts; k++) {
      int p = r.nextInt(u.length);
      int kind = r.nextInt(10);
      if (kind == 0 && u.length > 2) {
        byte[] n = new byte[u.length - 1];
        System.arraycopy(u, 0, n, 0, p);
        System.arraycopy(u, p + 1, n, p, u.length - p - 1);
        u = n;
      } else if (kind == 1) {
        byte[] n = new byte[u.length + 1];
        System.arraycopy(u, 0, n, 0, p + 1);
        System.arraycopy(u, p, n, p + 1, u.length - p);
        u = n;
      } else if (kind < 5) {
        u[p] = (byte) r.nextInt(256);
      } else if (kind < 8) {
        u[p] ^= (byte) (1 << r.nextInt(8));
      } else {
        u[p] = (byte) (u[p] + (r.nextBoolean() ? 1 : -1));
      }
    }
    return u;
  }

  /** A continuation byte inserted at a random place: the varUint there (a count, a length, a run) grows 128-fold. */
  public static byte[] lengthen(byte[] u, SplittableRandom r) {
    int p = r.nextInt(u.length);
    byte[] n = new byte[u.length + 1];
    System.arraycopy(u, 0, n, 0, p);
    n[p] = (byte) (0x80 | r.nextInt(128));
    System.arraycopy(u, p, n, p + 1, u.length - p);
    return n;
  }
}
