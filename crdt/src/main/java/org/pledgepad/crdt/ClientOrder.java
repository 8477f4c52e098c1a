package org.pledgepad.crdt;

// Not in Yjs 13.6.33: its transactions copy the state vector into a new Map twice.

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A store's clients in the order they were added (the order of StructStore.clients), with
 * their struct lists and a lookup from client id to position. Clients are only ever appended,
 * so every StateSnapshot of the store shares this object and reads its first n positions:
 * a snapshot copies clocks (8 bytes per client) instead of map entries and boxed Longs, and a
 * lookup by client id boxes nothing.
 */
final class ClientOrder {
  private long[] ids = new long[4];
  private ArrayList<?>[] lists = new ArrayList<?>[4];
  private int size;
  /** Open addressing, linear probing: slot holds position + 1, 0 is free; null below 9 clients. */
  private int[] table;

  int size() {
    return size;
  }

  long clientAt(int i) {
    return ids[i];
  }

  /** The end clock of the client at position i, read from its list. */
  long stateAt(int i) {
    ArrayList<?> structs = lists[i];
    AbstractStruct last = (AbstractStruct) structs.get(structs.size() - 1);
    return last.clock + last.length;
  }

  /** Position of client among the first n, or -1. */
  int indexOf(long client, int n) {
    if (table == null) {
      for (int i = 0; i < n; i++) {
        if (ids[i] == client) {
          return i;
        }
      }
      return -1;
    }
    int mask = table.length - 1;
    for (int slot = hash(client) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
      int i = table[slot] - 1;
      if (ids[i] == client) {
        return i < n ? i : -1;
      }
    }
    return -1;
  }

  void add(long client, ArrayList<?> structs) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      lists = Arrays.copyOf(lists, size * 2);
    }
    ids[size] = client;
    lists[size] = structs;
    size++;
    if (table != null && size * 2 > table.length) {
      rehash(table.length * 2);
    } else if (table == null && size > 8) {
      rehash(32);
    } else if (table != null) {
      insert(size - 1);
    }
  }

  /**
   * Brings the order up to date with clients when something put a list there without append
   * (only the store's own append keeps it current; a store is only ever appended to).
   */
  void catchUp(Map<Long, ArrayList<AbstractStruct>> clients) {
    if (clients.size() == size) {
      return;
    }
    Iterator<Map.Entry<Long, ArrayList<AbstractStruct>>> it = clients.entrySet().iterator();
    for (int i = 0; i < size; i++) {
      it.next();
    }
    while (it.hasNext()) {
      Map.Entry<Long, ArrayList<AbstractStruct>> e = it.next();
      add(e.getKey(), e.getValue());
    }
  }

  private void rehash(int capacity) {
    table = new int[capacity];
    for (int i = 0; i < size; i++) {
      insert(i);
    }
  }

  private void insert(int i) {
    int mask = table.length - 1;
    int slot = hash(ids[i]) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = i + 1;
  }

  private static int hash(long client) {
    long h = client * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
