package org.pledgepad.crdt;

// Follows yjs/src/utils/StructStore.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * All structs of a document, per client, sorted by clock without gaps, so that an id is found
 * by binary search. Updates that cannot be applied yet wait in pendingStructs / pendingDs.
 */
public final class StructStore {
  /** Per client, its structs ordered by clock; insertion order as Yjs's Map. */
  public final Map<Long, ArrayList<AbstractStruct>> clients = new LinkedHashMap<>();
  /** Structs whose dependencies are missing, re-encoded as a v2 update; null if none. */
  public PendingStructs pendingStructs;
  /** Deletions of structs this document does not have yet, as a v2 update; null if none. */
  public byte[] pendingDs;

  /** Structs waiting for missing dependencies (Yjs: { missing, update }). */
  public static final class PendingStructs {
    /** Lowest missing clock per client. */
    public final Map<Long, Long> missing;
    public byte[] update;

    public PendingStructs(Map<Long, Long> missing, byte[] update) {
      this.missing = missing;
      this.update = update;
    }
  }

  /**
   * One-entry cache of clients.get(client): nearly every lookup is for the local client, and a
   * map lookup with a boxed random 32-bit key dominated profiles. Entries of clients are only
   * ever added (never replaced or removed) in a document's store, so a cached list stays valid.
   */
  private long cachedClient = -1;
  private ArrayList<AbstractStruct> cachedStructs = null;

  /** clients.get(client) through the one-entry cache; null if the client has no structs. */
  public static ArrayList<AbstractStruct> getStructs(StructStore store, long client) {
    if (store.cachedStructs != null && store.cachedClient == client) {
      return store.cachedStructs;
    }
    ArrayList<AbstractStruct> structs = store.clients.get(client);
    if (structs != null) {
      store.cachedClient = client;
      store.cachedStructs = structs;
    }
    return structs;
  }

  public static Map<Long, Long> getStateVector(StructStore store) {
    Map<Long, Long> sm = new LinkedHashMap<>();
    for (Map.Entry<Long, ArrayList<AbstractStruct>> e : store.clients.entrySet()) {
      ArrayList<AbstractStruct> structs = e.getValue();
      AbstractStruct struct = structs.get(structs.size() - 1);
      sm.put(e.getKey(), struct.clock + struct.length);
    }
    return sm;
  }

  /**
   * Counts addStruct calls, the only way structs are appended: the state vector changes only
   * then (splits, merges and GC keep every client's end clock).
   */
  private long appends;
  private long snapshotAppends = -1;
  private StateSnapshot snapshot;
  /** The clients in order for snapshots; made by the first snapshot, then kept by append. */
  private ClientOrder order;

  /**
   * The state vector as a read-only map, shared until the next struct is appended. A
   * transaction takes it twice (before and after), and the after-state of one transaction is
   * the before-state of the next whenever nothing was integrated in between.
   */
  static StateSnapshot stateVectorSnapshot(StructStore store) {
    if (store.snapshotAppends != store.appends || store.snapshot == null) {
      if (store.order == null) {
        store.order = new ClientOrder();
      }
      store.order.catchUp(store.clients);
      store.snapshot = StateSnapshot.of(store.order);
      store.snapshotAppends = store.appends;
    }
    return store.snapshot;
  }

  /**
   * The end clock of one list, kept so that getState (several calls per integrated struct) does
   * not read list, last struct and its id each time. append keeps it current; anything else that
   * changes a list's length (splits, merges, direct edits) makes stateSize disagree, and the next
   * call reads the last struct again. Only appends move a list's end clock: splits, merges and
   * GC replacements keep it.
   */
  private ArrayList<AbstractStruct> stateStructs;
  private int stateSize;
  private long state;

  public static long getState(StructStore store, long client) {
    ArrayList<AbstractStruct> structs = getStructs(store, client);
    if (structs == null) {
      return 0;
    }
    int n = structs.size();
    if (structs == store.stateStructs && n == store.stateSize) {
      return store.state;
    }
    AbstractStruct lastStruct = structs.get(n - 1);
    long state = lastStruct.clock + lastStruct.length;
    store.stateStructs = structs;
    store.stateSize = n;
    store.state = state;
    return state;
  }

  public static void integrityCheck(StructStore store) {
    for (ArrayList<AbstractStruct> structs : store.clients.values()) {
      for (int i = 1; i < structs.size(); i++) {
        AbstractStruct l = structs.get(i - 1);
        AbstractStruct r = structs.get(i);
        if (l.clock + l.length != r.clock) {
          throw new IllegalStateException("StructStore failed integrity check");
        }
      }
    }
  }

  /**
   * While an update is integrated: per client without structs yet, how many structs the update
   * brings, so that the client's list is allocated once instead of growing in ~20 copies. The
   * structs exist already, so the slots cost a fraction of what their decoding allocated.
   */
  Map<Long, Integer> newListCapacities;

  /** While an update is integrated: start clocks of the first list it created (see StartClocks). */
  StartClocks startClocks;

  public static void addStruct(StructStore store, AbstractStruct struct) {
    append(store, struct);
  }

  /** addStruct for a struct integrated in transaction, which learns whether cleanup may merge it. */
  static void addStruct(Transaction transaction, AbstractStruct struct) {
    ArrayList<AbstractStruct> structs = append(transaction.doc.store, struct);
    int index = structs.size() - 1;
    if (index > 0 && structs.get(index - 1).mayMergeWith(struct)) {
      transaction.noteMergeCandidate(struct, index);
    }
  }

  /** Appends struct to its client's list, which it returns. */
  private static ArrayList<AbstractStruct> append(StructStore store, AbstractStruct struct) {
    store.appends++;
    ArrayList<AbstractStruct> structs = getStructs(store, struct.client);
    if (structs == null) {
      Integer capacity = store.newListCapacities == null ? null : store.newListCapacities.remove(struct.client);
      structs = capacity == null ? new ArrayList<>() : new ArrayList<>(capacity);
      store.clients.put(struct.client, structs);
      if (capacity != null && store.startClocks == null) {
        store.startClocks = new StartClocks(structs, capacity);
      }
      if (store.order != null) {
        store.order.add(struct.client, structs);
      }
    } else if (getState(store, struct.client) != struct.clock) {
      throw new IllegalStateException("struct added out of order");
    }
    structs.add(struct);
    if (store.startClocks != null && store.startClocks.list == structs) {
      store.startClocks.appended(struct.clock);
    }
    store.stateStructs = structs;
    store.stateSize = structs.size();
    store.state = struct.clock + struct.length;
    return structs;
  }

  /**
   * Binary search for the struct containing clock, starting at an interpolated pivot as Yjs.
   * The last struct is tried first in whole (Yjs only tests its first clock): while an update
   * is integrated, an item's origin most often lies in the struct integrated just before it,
   * which is the client's last (58 % of B4's items). The test reads the list as it is now, so
   * splits cannot make it return a struct that no longer covers clock.
   */
  public static int findIndexSS(ArrayList<AbstractStruct> structs, long clock) {
    int left = 0;
    int right = structs.size() - 1;
    if (right < 0) {
      throw new IllegalStateException("clock " + clock + " not in an empty struct list");
    }
    AbstractStruct mid = structs.get(right);
    long midclock = mid.clock;
    if (midclock <= clock && clock < midclock + mid.length) {
      return right;
    }
    long denom = midclock + mid.length - 1;
    int midindex = denom <= 0 ? 0 : (int) Math.floor(((double) clock / (double) denom) * right);
    if (midindex < 0 || midindex > right) {
      midindex = (left + right) >>> 1;
    }
    while (left <= right) {
      mid = structs.get(midindex);
      midclock = mid.clock;
      if (midclock <= clock) {
        if (clock < midclock + mid.length) {
          return midindex;
        }
        left = midindex + 1;
      } else {
        right = midindex - 1;
      }
      midindex = (left + right) >>> 1;
    }
    throw new IllegalStateException("clock " + clock + " not found");
  }

  public static AbstractStruct find(StructStore store, ID id) {
    return find(store, id.client, id.clock);
  }

  /** The struct containing clock of client. */
  public static AbstractStruct find(StructStore store, long client, long clock) {
    ArrayList<AbstractStruct> structs = getStructs(store, client);
    if (structs == null) {
      throw new IllegalStateException("no structs of client " + client);
    }
    return structs.get(findIndexSS(structs, clock));
  }

  /** Yjs's getItem; the result may be a GC, hence the struct type. */
  public static AbstractStruct getItem(StructStore store, ID id) {
    return find(store, id);
  }

  /**
   * The struct index where the previous hinted lookup ended (not kept when that was the last
   * struct, which findIndexSS tries first anyway). Successive right origins of an update often
   * lie in the same struct, and each binary-search step over a long list is a cache miss. The
   * hint is only a guess checked against the list as it is now, so inserts and splits since
   * cannot make a lookup return a struct that does not cover the clock.
   */
  private ArrayList<AbstractStruct> hintStructs;
  private int hintIndex;

  /** How many structs after the guess findIndexNear tries before searching. */
  private static final int NEAR_AHEAD = 8;

  /**
   * findIndexSS that first tries the struct before guess, guess and up to NEAR_AHEAD after it:
   * walks over a sorted delete set know roughly where the next range starts (B4's 2,639 ranges:
   * 57 % start one struct after the previous range's end, 97 % within eight), and stepping
   * forward reads neighbouring structs where each binary-search step reads a distant one. Any
   * guess is safe, it is checked against the list; a negative one means none.
   */
  static int findIndexNear(ArrayList<AbstractStruct> structs, long clock, int guess) {
    if (guess < 0) {
      return findIndexSS(structs, clock);
    }
    int from = Math.max(guess - 1, 0);
    int to = Math.min(guess + NEAR_AHEAD, structs.size() - 1);
    for (int i = from; i <= to; i++) {
      AbstractStruct s = structs.get(i);
      if (clock < s.clock) {
        break; // sorted: clock lies before the guess, the search decides
      }
      if (clock < s.clock + s.length) {
        return i;
      }
    }
    return findIndexSS(structs, clock);
  }

  /** findIndexSS that first tries the index of the store's previous hinted lookup. */
  static int findIndexHinted(StructStore store, ArrayList<AbstractStruct> structs, long clock) {
    int h = store.hintIndex;
    if (store.hintStructs == structs && h < structs.size()) {
      AbstractStruct s = structs.get(h);
      if (s.clock <= clock && clock < s.clock + s.length) {
        return h;
      }
    }
    int index = findIndexIndexed(store, structs, clock);
    if (index < structs.size() - 1) {
      store.hintStructs = structs;
      store.hintIndex = index;
    }
    return index;
  }

  /**
   * findIndexSS through the store's StartClocks when they follow structs: the last struct first
   * (as findIndexSS), then the array, whose answer is checked against the list.
   */
  private static int findIndexIndexed(StructStore store, ArrayList<AbstractStruct> structs, long clock) {
    StartClocks index = store.startClocks;
    if (index != null && index.list == structs && index.inStep()) {
      int last = structs.size() - 1;
      AbstractStruct s = structs.get(last);
      if (s.clock <= clock && clock < s.clock + s.length) {
        return last;
      }
      int i = index.find(clock);
      s = structs.get(i);
      if (s.clock <= clock && clock < s.clock + s.length) {
        return i;
      }
    }
    return findIndexSS(structs, clock);
  }

  /** Adds part (split off the struct before it) at index and tells the StartClocks. */
  private static void insertSplit(StructStore store, ArrayList<AbstractStruct> structs, int index, Item part) {
    structs.add(index, part);
    if (store.startClocks != null && store.startClocks.list == structs) {
      store.startClocks.inserted(index, part.clock);
    }
  }

  /** Index of the struct starting exactly at clock, splitting an item if needed. */
  public static int findIndexCleanStart(Transaction transaction, ArrayList<AbstractStruct> structs, long clock) {
    int index = findIndexHinted(transaction.doc.store, structs, clock);
    AbstractStruct struct = structs.get(index);
    if (struct.clock < clock && struct instanceof Item) {
      Item part = Item.splitItem(transaction, (Item) struct, clock - struct.clock);
      insertSplit(transaction.doc.store, structs, index + 1, part);
      return index + 1;
    }
    return index;
  }

  /** The item starting exactly at id (split off if needed); callers know it is an item. */
  public static Item getItemCleanStart(Transaction transaction, ID id) {
    return (Item) getStructCleanStart(transaction, id);
  }

  /** Like getItemCleanStart, but may return a GC. */
  public static AbstractStruct getStructCleanStart(Transaction transaction, ID id) {
    return getStructCleanStart(transaction, id.client, id.clock);
  }

  /** getStructCleanStart for the id (client, clock). */
  public static AbstractStruct getStructCleanStart(Transaction transaction, long client, long clock) {
    ArrayList<AbstractStruct> structs = getStructs(transaction.doc.store, client);
    return structs.get(findIndexCleanStart(transaction, structs, clock));
  }

  /** The struct ending exactly at id (an item is split if needed; a GC is returned whole). */
  public static AbstractStruct getItemCleanEnd(Transaction transaction, StructStore store, ID id) {
    return getItemCleanEnd(transaction, store, id.client, id.clock);
  }

  /** getItemCleanEnd for the id (client, clock). */
  public static AbstractStruct getItemCleanEnd(Transaction transaction, StructStore store, long client, long clock) {
    ArrayList<AbstractStruct> structs = getStructs(store, client);
    int index = findIndexHinted(store, structs, clock);
    AbstractStruct struct = structs.get(index);
    if (clock != struct.clock + struct.length - 1 && struct instanceof Item) {
      Item part = Item.splitItem(transaction, (Item) struct, clock - struct.clock + 1);
      insertSplit(store, structs, index + 1, part);
    }
    return struct;
  }

  public static void replaceStruct(StructStore store, AbstractStruct struct, AbstractStruct newStruct) {
    ArrayList<AbstractStruct> structs = getStructs(store, struct.client);
    structs.set(findIndexSS(structs, struct.clock), newStruct);
  }

  /** Calls f for each struct covering [clockStart, clockStart + len), split at both ends. */
  public static void iterateStructs(Transaction transaction, ArrayList<AbstractStruct> structs, long clockStart,
      long len, Consumer<AbstractStruct> f) {
    if (len == 0) {
      return;
    }
    long clockEnd = clockStart + len;
    int index = findIndexCleanStart(transaction, structs, clockStart);
    AbstractStruct struct;
    do {
      struct = structs.get(index++);
      if (clockEnd < struct.clock + struct.length) {
        findIndexCleanStart(transaction, structs, clockEnd);
      }
      f.accept(struct);
    } while (index < structs.size() && structs.get(index).clock < clockEnd);
  }
}
