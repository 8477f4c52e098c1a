package org.pledgepad.history;

/**
 * A set of CRDT ids (client, clock) in two flat arrays with open addressing: the alignment of two
 * versions asks "is this character in the other version?" once per character, and boxing a
 * hundred thousand ids into a HashSet costs more than the rest of the work.
 */
final class IdSet {
  private long[] clients;
  private long[] clocks;
  private boolean[] used;
  private int size;

  IdSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    clients = new long[cap];
    clocks = new long[cap];
    used = new boolean[cap];
  }

  static IdSet of(TextProjection p) {
    IdSet s = new IdSet(p.length());
    for (int i = 0; i < p.length(); i++) {
      s.add(p.clients[i], p.clocks[i]);
    }
    return s;
  }

  void add(long client, long clock) {
    if (2 * (size + 1) > used.length) {
      grow();
    }
    int mask = used.length - 1;
    for (int i = slot(client, clock, mask); ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        clients[i] = client;
        clocks[i] = clock;
        size++;
        return;
      }
      if (clients[i] == client && clocks[i] == clock) {
        return;
      }
    }
  }

  boolean contains(long client, long clock) {
    int mask = used.length - 1;
    for (int i = slot(client, clock, mask); used[i]; i = (i + 1) & mask) {
      if (clients[i] == client && clocks[i] == clock) {
        return true;
      }
    }
    return false;
  }

  private static int slot(long client, long clock, int mask) {
    long h = client * 0x9E3779B97F4A7C15L + clock;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oc = clients;
    long[] ok = clocks;
    boolean[] ou = used;
    clients = new long[ou.length * 2];
    clocks = new long[ou.length * 2];
    used = new boolean[ou.length * 2];
    size = 0;
    for (int i = 0; i < ou.length; i++) {
      if (ou[i]) {
        add(oc[i], ok[i]);
      }
    }
  }
}
