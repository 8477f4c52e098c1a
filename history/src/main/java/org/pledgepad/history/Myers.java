package org.pledgepad.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Myers' O((N+M)·D) difference algorithm in linear space (middle snake, divide and conquer),
 * over int sequences (interned tokens or characters). Written from the 1986 paper. Returns an
 * edit script of runs; between two equal runs all deletions come before all insertions, which is
 * how people read a replacement.
 */
final class Myers {
  enum Op { EQUAL, DELETE, INSERT }

  /** A run of one operation; {@code len} elements of a (EQUAL, DELETE) and/or b (EQUAL, INSERT). */
  record Run(Op op, int len) {}

  private final int[] a;
  private final int[] b;
  private final List<Run> raw = new ArrayList<>();

  private Myers(int[] a, int[] b) {
    this.a = a;
    this.b = b;
  }

  static List<Run> diff(int[] a, int[] b) {
    Myers m = new Myers(a, b);
    m.diff(0, a.length, 0, b.length);
    return normalise(m.raw);
  }

  private void diff(int aLo, int aHi, int bLo, int bHi) {
    int p = 0;
    while (aLo + p < aHi && bLo + p < bHi && a[aLo + p] == b[bLo + p]) {
      p++;
    }
    emit(Op.EQUAL, p);
    aLo += p;
    bLo += p;
    int s = 0;
    while (aHi - s > aLo && bHi - s > bLo && a[aHi - 1 - s] == b[bHi - 1 - s]) {
      s++;
    }
    aHi -= s;
    bHi -= s;
    if (aLo == aHi) {
      emit(Op.INSERT, bHi - bLo);
    } else if (bLo == bHi) {
      emit(Op.DELETE, aHi - aLo);
    } else {
      // Both non-empty with differing first and last elements: D ≥ 2, so the middle snake
      // splits the problem into two strictly smaller ones.
      int[] snake = middleSnake(aLo, aHi, bLo, bHi);
      diff(aLo, aLo + snake[0], bLo, bLo + snake[1]);
      emit(Op.EQUAL, snake[2] - snake[0]);
      diff(aLo + snake[2], aHi, bLo + snake[3], bHi);
    }
    emit(Op.EQUAL, s);
  }

  /** {xStart, yStart, xEnd, yEnd} relative to (aLo, bLo) of a snake on an optimal path. */
  private int[] middleSnake(int aLo, int aHi, int bLo, int bHi) {
    int n = aHi - aLo;
    int m = bHi - bLo;
    int delta = n - m;
    boolean odd = (delta & 1) != 0;
    int max = (n + m + 1) / 2;
    int off = max + 1;
    int[] vf = new int[2 * max + 3];
    int[] vb = new int[2 * max + 3];
    for (int d = 0; d <= max; d++) {
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && vf[off + k - 1] < vf[off + k + 1])) ? vf[off + k + 1] : vf[off + k - 1] + 1;
        int y = x - k;
        int x0 = x;
        int y0 = y;
        while (x < n && y < m && a[aLo + x] == b[bLo + y]) {
          x++;
          y++;
        }
        vf[off + k] = x;
        int kr = delta - k;
        if (odd && kr >= -(d - 1) && kr <= d - 1 && x + vb[off + kr] >= n) {
          return new int[] {x0, y0, x, y};
        }
      }
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && vb[off + k - 1] < vb[off + k + 1])) ? vb[off + k + 1] : vb[off + k - 1] + 1;
        int y = x - k;
        int x0 = x;
        int y0 = y;
        while (x < n && y < m && a[aHi - 1 - x] == b[bHi - 1 - y]) {
          x++;
          y++;
        }
        vb[off + k] = x;
        int kf = delta - k;
        if (!odd && kf >= -d && kf <= d && x + vf[off + kf] >= n) {
          return new int[] {n - x, m - y, n - x0, m - y0};
        }
      }
    }
    throw new IllegalStateException("no middle snake: unreachable for non-empty inputs");
  }

  private void emit(Op op, int len) {
    if (len > 0) {
      raw.add(new Run(op, len));
    }
  }

  private static List<Run> normalise(List<Run> runs) {
    List<Run> out = new ArrayList<>();
    int del = 0;
    int ins = 0;
    for (Run r : runs) {
      switch (r.op()) {
        case DELETE -> del += r.len();
        case INSERT -> ins += r.len();
        case EQUAL -> {
          flush(out, del, ins);
          del = 0;
          ins = 0;
          if (!out.isEmpty() && out.get(out.size() - 1).op() == Op.EQUAL) {
            out.set(out.size() - 1, new Run(Op.EQUAL, out.get(out.size() - 1).len() + r.len()));
          } else {
            out.add(r);
          }
        }
      }
    }
    flush(out, del, ins);
    return out;
  }

  private static void flush(List<Run> out, int del, int ins) {
    if (del > 0) {
      out.add(new Run(Op.DELETE, del));
    }
    if (ins > 0) {
      out.add(new Run(Op.INSERT, ins));
    }
  }
}
