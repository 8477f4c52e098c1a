package org.pledgepad.crdt;

import java.util.ArrayList;

/**
 * The start clock of every struct in one client list, as a primitive array beside it, while an
 * update is integrated into a list that the update itself created (a document loaded from its
 * update). Loading B4 searches the list for 4,585 origins and right origins that lie before the
 * list's last struct; each step of the ordinary search reads a struct and then its id from
 * wherever they were allocated, where a step here reads one long from an array that stays in
 * the cache.
 *
 * <p>The array follows the appends and the split inserts that {@link StructStore} reports. It
 * is only a guess: callers check the struct at the index it gives against the list, so a list
 * changed in any other way (merges, direct edits) costs the ordinary search, never a wrong
 * struct. Once its length disagrees with the list's it is out of step for good.
 */
final class StartClocks {
  final ArrayList<AbstractStruct> list;
  private long[] starts;
  private int size;

  StartClocks(ArrayList<AbstractStruct> list, int capacity) {
    this.list = list;
    this.starts = new long[Math.max(capacity, 16)];
  }

  /** Whether every struct of the list has its clock here (by count; the caller still checks). */
  boolean inStep() {
    return size == list.size();
  }

  /** Records a struct just appended to the list. */
  void appended(long clock) {
    if (size != list.size() - 1) {
      size = -1;
      return;
    }
    if (size == starts.length) {
      starts = java.util.Arrays.copyOf(starts, size * 2);
    }
    starts[size++] = clock;
  }

  /** Records a struct just inserted at index (a split-off right part). */
  void inserted(int index, long clock) {
    if (size != list.size() - 1 || index > size) {
      size = -1;
      return;
    }
    if (size == starts.length) {
      starts = java.util.Arrays.copyOf(starts, size * 2);
    }
    System.arraycopy(starts, index, starts, index + 1, size - index);
    starts[index] = clock;
    size++;
  }

  /**
   * The last index whose start clock is at most clock (0 if none); call only when inStep().
   * The loop has no data-dependent exit, so it runs log2(size) steps without mispredictions.
   */
  int find(long clock) {
    long[] s = starts;
    int lo = 0;
    int n = size;
    while (n > 1) {
      int half = n >>> 1;
      lo = s[lo + half] <= clock ? lo + half : lo;
      n -= half;
    }
    return lo;
  }
}
