package org.pledgepad.server.access;

import java.util.Arrays;

/**
 * The next clock per clientID that admitted updates reach: a map of primitive longs, because it
 * is read for every client of every update, and a boxed map allocates a Long per lookup of a
 * (large, random) Yjs clientID and two per change. Open addressing with linear probing; keys are
 * JavaScript safe integers, so -1 marks a free slot. Not thread-safe (one document session).
 */
final class NextClocks {
  private static final long FREE = -1;

  /**
   * Random odd multiplier of this map: the top bits of key times it pick the slot, so that
   * nobody can choose clientIDs that collide (multiply-shift hashing).
   */
  private final long multiplier = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;
  private long[] keys = newKeys(16);
  private long[] values = new long[16];
  private int size;

  /** The next clock recorded for {@code clientId}, or 0. */
  long get(long clientId) {
    int slot = find(keys, clientId);
    return keys[slot] == clientId ? values[slot] : 0;
  }

  /** Raises the next clock of {@code clientId} to {@code next} (never lowers it). */
  void raise(long clientId, long next) {
    if (clientId < 0) {
      throw new IllegalArgumentException("clientId out of range");
    }
    int slot = find(keys, clientId);
    if (keys[slot] == clientId) {
      values[slot] = Math.max(values[slot], next);
      return;
    }
    keys[slot] = clientId;
    values[slot] = next;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  int size() {
    return size;
  }

  /** Forgets every clock (and gives back the room of a session that once saw many clients). */
  void clear() {
    keys = newKeys(16);
    values = new long[16];
    size = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = newKeys(oldKeys.length * 2);
    values = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int slot = find(keys, oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** The slot holding {@code key}, or the free slot where it belongs. */
  private int find(long[] keys, long key) {
    int mask = keys.length - 1;
    int slot = (int) ((key * multiplier) >>> (64 - Integer.numberOfTrailingZeros(keys.length)));
    while (keys[slot] != key && keys[slot] != FREE) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long[] newKeys(int capacity) {
    long[] k = new long[capacity];
    Arrays.fill(k, FREE);
    return k;
  }
}
