package org.pledgepad.crdt;

// Follows yjs/src/utils/Transaction.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Groups changes to a document. Observers, update events and garbage collection run once when
 * the outermost transaction ends, so that each batch of changes produces one update message.
 */
public final class Transaction {
  public final Doc doc;
  /** Deletions made in this transaction. */
  public final DeleteSet deleteSet = new DeleteSet();
  /** State vector before the transaction (read-only). */
  public final Map<Long, Long> beforeState;
  /** beforeState, typed for lookups that box nothing. */
  private final StateSnapshot beforeSnapshot;
  /** State vector after the transaction (read-only; set during cleanup). */
  public Map<Long, Long> afterState = java.util.Collections.emptyMap();
  /** Changed types and the changed map keys (null stands for the list part); sets read-only. */
  public final Map<AbstractType<?>, Set<String>> changed = new TypeMap<>();
  /** Events per type, including those of children, for deep observers. */
  public final Map<AbstractType<?>, List<YEvent<?>>> changedParentTypes = new TypeMap<>();
  /** Items that were split or may be mergeable after the transaction. */
  public final List<AbstractStruct> _mergeStructs = new ArrayList<>();
  public final Object origin;
  /** True when the change originates here, false when it was applied from an update. */
  public boolean local;
  // meta and the subdocument sets are created when first used: nearly every transaction
  // leaves them empty, and a typed character costs one transaction
  private Map<Object, Object> meta;
  private SubdocChanges subdocs;
  public boolean _needFormattingCleanup = false;
  /**
   * The (type, key) that addChangedTypeToTransaction recorded last: it is in changed until
   * forgetChangedType removes the type, so recording it again can be skipped.
   */
  private AbstractType<?> lastChangedType;
  private String lastChangedSub;
  /**
   * Set when an item was deleted here by Item.delete (items decoded as deleted carry a
   * ContentDeleted already, so collecting them changes nothing): only then can the gc pass act.
   */
  boolean deletedItems;
  /**
   * Set on a split or a deletion here: structs may have become mergeable anywhere in the
   * delete set's ranges, so cleanup runs Yjs's merge passes over them and all new structs.
   * While unset, only pairs noted when appended (see noteMergeCandidate) can merge: cleanup
   * checks just those instead of walking every struct.
   */
  boolean mergeAll;
  /** Appended structs that may merge with their predecessor, and their list indexes. */
  private AbstractStruct[] mergeCandidates;
  private int[] mergeCandidateIndexes;
  private int mergeCandidateCount;

  /**
   * Notes struct, appended at index of its client's list next to a struct it may merge with.
   * The index stays valid until cleanup: without splits (mergeAll) structs are only appended.
   */
  void noteMergeCandidate(AbstractStruct struct, int index) {
    if (mergeCandidates == null) {
      // a local edit appends one struct per transaction: start small, this runs per keystroke
      mergeCandidates = new AbstractStruct[2];
      mergeCandidateIndexes = new int[2];
    } else if (mergeCandidateCount == mergeCandidates.length) {
      mergeCandidates = java.util.Arrays.copyOf(mergeCandidates, mergeCandidateCount * 2);
      mergeCandidateIndexes = java.util.Arrays.copyOf(mergeCandidateIndexes, mergeCandidateCount * 2);
    }
    mergeCandidates[mergeCandidateCount] = struct;
    mergeCandidateIndexes[mergeCandidateCount++] = index;
  }

  public Transaction(Doc doc, Object origin, boolean local) {
    this.doc = doc;
    this.beforeSnapshot = StructStore.stateVectorSnapshot(doc.store);
    this.beforeState = beforeSnapshot;
    this.origin = origin;
    this.local = local;
  }

  /** Free storage for plugins (the undo manager, bindings). */
  public Map<Object, Object> meta() {
    if (meta == null) {
      meta = new LinkedHashMap<>();
    }
    return meta;
  }

  /** The subdocuments added, removed and loaded in this transaction, created when first used. */
  private static final class SubdocChanges {
    final Set<Doc> added = new LinkedHashSet<>();
    final Set<Doc> removed = new LinkedHashSet<>();
    final Set<Doc> loaded = new LinkedHashSet<>();
  }

  private SubdocChanges subdocs() {
    if (subdocs == null) {
      subdocs = new SubdocChanges();
    }
    return subdocs;
  }

  public Set<Doc> subdocsAdded() {
    return subdocs().added;
  }

  public Set<Doc> subdocsRemoved() {
    return subdocs().removed;
  }

  public Set<Doc> subdocsLoaded() {
    return subdocs().loaded;
  }

  /** beforeState.get(client) || 0 */
  public long beforeStateOf(long client) {
    return beforeSnapshot.clockOf(client, 0);
  }

  /** sv.get(client), or -1 when absent (clocks in a state vector are at least 1). */
  private static long stateOf(Map<Long, Long> sv, long client) {
    if (sv instanceof StateSnapshot) {
      return ((StateSnapshot) sv).clockOf(client, -1);
    }
    Long c = sv.get(client);
    return c == null ? -1 : c;
  }

  /** Whether the clocks of after differ from before's anywhere (after's clients only, as Yjs). */
  private static boolean anyClockChanged(Transaction transaction) {
    Map<Long, Long> after = transaction.afterState;
    if (after instanceof StateSnapshot) {
      StateSnapshot s = (StateSnapshot) after;
      for (int i = 0; i < s.size(); i++) {
        if (s.clockAt(i) != transaction.beforeSnapshot.clockOf(s.clientAt(i), -1)) {
          return true;
        }
      }
      return false;
    }
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      if (!e.getValue().equals(transaction.beforeState.get(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  public static boolean writeUpdateMessageFromTransaction(UpdateEncoder encoder, Transaction transaction) {
    if (transaction.deleteSet.clients.isEmpty() && !anyClockChanged(transaction)) {
      return false;
    }
    DeleteSet.sortAndMergeDeleteSet(transaction.deleteSet);
    Encoding.writeStructsFromTransaction(encoder, transaction);
    DeleteSet.writeDeleteSet(encoder, transaction.deleteSet);
    return true;
  }

  public static ID nextID(Transaction transaction) {
    Doc y = transaction.doc;
    return new ID(y.clientID, StructStore.getState(y.store, y.clientID));
  }

  /** Records that type changed, unless the type itself was created in this transaction. */
  public static void addChangedTypeToTransaction(Transaction transaction, AbstractType<?> type, String parentSub) {
    if (type == transaction.lastChangedType && java.util.Objects.equals(parentSub, transaction.lastChangedSub)) {
      // already recorded: a decoded update reports the same type for every item it integrates
      return;
    }
    Item item = type._item;
    if (item == null || (item.clock < transaction.beforeStateOf(item.client) && !item.deleted())) {
      Set<String> subs = transaction.changed.get(type);
      if (subs == null) {
        // most types change in one way per transaction (the list, or one key): no set to grow
        transaction.changed.put(type, java.util.Collections.singleton(parentSub));
      } else if (!subs.contains(parentSub)) {
        if (!(subs instanceof LinkedHashSet)) {
          subs = new LinkedHashSet<>(subs);
          transaction.changed.put(type, subs);
        }
        subs.add(parentSub);
      }
      transaction.lastChangedType = type;
      transaction.lastChangedSub = parentSub;
    }
  }

  /** Removes type from changed; the only removal, so the last-recorded shortcut stays true. */
  static void forgetChangedType(Transaction transaction, AbstractType<?> type) {
    transaction.changed.remove(type);
    if (transaction.lastChangedType == type) {
      transaction.lastChangedType = null;
    }
  }

  private static int tryToMergeWithLefts(ArrayList<AbstractStruct> structs, int pos) {
    AbstractStruct right = structs.get(pos);
    int i = pos;
    while (i > 0) {
      AbstractStruct left = structs.get(i - 1);
      if (left.deleted() == right.deleted() && left.getClass() == right.getClass() && left.mergeWith(right)) {
        if (right instanceof Item) {
          Item r = (Item) right;
          if (r.parentSub != null && ((AbstractType<?>) r.parent)._map.get(r.parentSub) == r) {
            ((AbstractType<?>) r.parent)._map.put(r.parentSub, (Item) left);
          }
        }
        right = left;
        i--;
        continue;
      }
      break;
    }
    int merged = pos - i;
    if (merged > 0) {
      structs.subList(pos + 1 - merged, pos + 1).clear();
    }
    return merged;
  }

  private static void tryGcDeleteSet(DeleteSet ds, StructStore store, Predicate<Item> gcFilter) {
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds.clients.entrySet()) {
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, e.getKey());
      ArrayList<DeleteItem> deleteItems = e.getValue();
      // the sorted ranges are walked right to left; the next one usually starts two structs
      // before this one (one undeleted struct between), so look there before searching
      int guess = structs == null ? -1 : structs.size() - 1;
      for (int di = deleteItems.size() - 1; di >= 0; di--) {
        DeleteItem deleteItem = deleteItems.get(di);
        long endDeleteItemClock = deleteItem.clock + deleteItem.len;
        int start = StructStore.findIndexNear(structs, deleteItem.clock, guess);
        guess = start - 2;
        for (int si = start; si < structs.size(); si++) {
          AbstractStruct struct = structs.get(si);
          if (struct.clock >= endDeleteItemClock) {
            break;
          }
          if (struct instanceof Item && struct.deleted() && !((Item) struct).keep() && gcFilter.test((Item) struct)) {
            ((Item) struct).gc(store, false);
          }
        }
      }
    }
  }

  private static void tryMergeDeleteSet(DeleteSet ds, StructStore store) {
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds.clients.entrySet()) {
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, e.getKey());
      ArrayList<DeleteItem> deleteItems = e.getValue();
      // as in tryGcDeleteSet: the next range to the left ends close to where this one began
      int guess = structs == null ? -1 : structs.size() - 1;
      for (int di = deleteItems.size() - 1; di >= 0; di--) {
        DeleteItem deleteItem = deleteItems.get(di);
        // merge from right to left: one struct right of the range may merge into it
        int mostRightIndexToCheck = Math.min(structs.size() - 1,
            1 + StructStore.findIndexNear(structs, deleteItem.clock + deleteItem.len - 1, guess));
        int si = mostRightIndexToCheck;
        while (si > 0 && structs.get(si).clock >= deleteItem.clock) {
          si -= 1 + tryToMergeWithLefts(structs, si);
        }
        guess = si - 1;
      }
    }
  }

  /** Merges the structs this transaction added, right to left. */
  private static void mergeNewStructs(Transaction transaction, StructStore store) {
    Map<Long, Long> after = transaction.afterState;
    if (after instanceof StateSnapshot) {
      StateSnapshot s = (StateSnapshot) after;
      for (int i = 0; i < s.size(); i++) {
        mergeNewStructs(transaction, store, s.clientAt(i), s.clockAt(i));
      }
    } else {
      for (Map.Entry<Long, Long> e : after.entrySet()) {
        mergeNewStructs(transaction, store, e.getKey(), e.getValue());
      }
    }
  }

  private static void mergeNewStructs(Transaction transaction, StructStore store, long client, long clock) {
    long beforeClock = transaction.beforeStateOf(client);
    if (beforeClock != clock) {
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, client);
      int firstChangePos = Math.max(StructStore.findIndexSS(structs, beforeClock), 1);
      for (int k = structs.size() - 1; k >= firstChangePos;) {
        k -= 1 + tryToMergeWithLefts(structs, k);
      }
    }
  }

  /**
   * The merges Yjs's passes would make when only appends happened. Merging keeps whether the
   * merged struct merges with its right neighbour (mergeWith compares the right one's origin
   * with the left one's end), so collapsing the noted pairs right to left gives the same runs.
   * A candidate no longer at its index was merged leftwards already, as far as it could go.
   */
  private static void mergeCandidates(Transaction transaction, StructStore store) {
    for (int c = transaction.mergeCandidateCount - 1; c >= 0; c--) {
      AbstractStruct struct = transaction.mergeCandidates[c];
      int index = transaction.mergeCandidateIndexes[c];
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, struct.client);
      if (index < structs.size() && structs.get(index) == struct) {
        tryToMergeWithLefts(structs, index);
      }
    }
  }

  public static void tryGc(DeleteSet ds, StructStore store, Predicate<Item> gcFilter) {
    tryGcDeleteSet(ds, store, gcFilter);
    tryMergeDeleteSet(ds, store);
  }

  /**
   * Shallow observers per changed type, then deep observers (events sorted by path length),
   * then afterTransaction handlers and the formatting cleanup: Yjs's callAll over that list, so
   * every step runs even if some throw and the first failure is rethrown. Written out rather
   * than as a list of closures: this runs once per transaction, i.e. per typed character.
   */
  private static void callObservers(Transaction transaction) {
    Doc doc = transaction.doc;
    RuntimeException first = null;
    // a snapshot (types and their keys, alternating), as Yjs collects the calls before making any
    Object[] changed = ((TypeMap<AbstractType<?>, Set<String>>) transaction.changed).snapshot();
    for (int c = 0; c < changed.length; c += 2) {
      AbstractType<?> itemtype = (AbstractType<?>) changed[c];
      try {
        if (itemtype._item == null || !itemtype._item.deleted()) {
          @SuppressWarnings("unchecked")
          Set<String> subs = (Set<String>) changed[c + 1];
          itemtype._callObserver(transaction, subs);
        }
      } catch (RuntimeException ex) {
        first = first == null ? ex : first;
      }
    }
    // which types get deep events is decided after all shallow observers ran, before any deep one
    TypeMap<AbstractType<?>, List<YEvent<?>>> parents =
        (TypeMap<AbstractType<?>, List<YEvent<?>>>) transaction.changedParentTypes;
    List<Object> deep = null; // types and their events, alternating
    for (int i = 0; i < parents.size(); i++) {
      AbstractType<?> type = parents.keyAt(i);
      if (!type._dEH.isEmpty() && (type._item == null || !type._item.deleted())) {
        if (deep == null) {
          deep = new ArrayList<>();
        }
        deep.add(type);
        deep.add(parents.valueAt(i));
      }
    }
    for (int i = 0; deep != null && i < deep.size(); i += 2) {
      try {
        @SuppressWarnings("unchecked")
        List<YEvent<?>> events = (List<YEvent<?>>) deep.get(i + 1);
        callDeepObservers(transaction, (AbstractType<?>) deep.get(i), events);
      } catch (RuntimeException ex) {
        first = first == null ? ex : first;
      }
    }
    try {
      doc.emitAfterTransaction(transaction);
    } catch (RuntimeException ex) {
      first = first == null ? ex : first;
    }
    try {
      if (transaction._needFormattingCleanup) {
        YText.cleanupYTextAfterTransaction(transaction);
      }
    } catch (RuntimeException ex) {
      first = first == null ? ex : first;
    }
    if (first != null) {
      throw first;
    }
  }

  private static void callDeepObservers(Transaction transaction, AbstractType<?> type, List<YEvent<?>> events0) {
    List<YEvent<?>> events = new ArrayList<>();
    for (YEvent<?> event : events0) {
      if (event.target._item == null || !event.target._item.deleted()) {
        events.add(event);
      }
    }
    for (YEvent<?> event : events) {
      event.currentTarget = type;
      event._path = null;
    }
    events.sort((a, b) -> Integer.compare(a.path().size(), b.path().size()));
    type.callDeepObservers(events, transaction);
  }

  private static void cleanupTransactions(List<Transaction> transactionCleanups) {
    RuntimeException failure = null;
    for (int i = 0; i < transactionCleanups.size(); i++) {
      try {
        cleanupTransaction(transactionCleanups, i);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    Doc doc = transactionCleanups.get(0).doc;
    if (doc.hasAfterAllTransactionsHandlers() || doc._transactionCleanups != transactionCleanups) {
      doc._transactionCleanups = new ArrayList<>();
      doc.emitAfterAllTransactions(transactionCleanups);
    } else {
      // no handler keeps the list: empty it for the next transaction rather than drop it
      // (a list and its array per transaction, i.e. per applied update)
      transactionCleanups.clear();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void cleanupTransaction(List<Transaction> transactionCleanups, int i) {
    Transaction transaction = transactionCleanups.get(i);
    Doc doc = transaction.doc;
    StructStore store = doc.store;
    DeleteSet ds = transaction.deleteSet;
    List<AbstractStruct> mergeStructs = transaction._mergeStructs;
    try {
      DeleteSet.sortAndMergeDeleteSet(ds);
      transaction.afterState = StructStore.stateVectorSnapshot(doc.store);
      doc.emitBeforeObserverCalls(transaction);
      callObservers(transaction);
    } finally {
      if (doc.gc && transaction.deletedItems) {
        tryGcDeleteSet(ds, store, doc.gcFilter);
      }
      if (transaction.mergeAll) {
        tryMergeDeleteSet(ds, store);
        mergeNewStructs(transaction, store);
      } else {
        mergeCandidates(transaction, store);
      }
      for (int k = mergeStructs.size() - 1; k >= 0; k--) {
        AbstractStruct mid = mergeStructs.get(k);
        ArrayList<AbstractStruct> structs = StructStore.getStructs(store, mid.client);
        int replacedStructPos = StructStore.findIndexSS(structs, mid.clock);
        if (replacedStructPos + 1 < structs.size()) {
          if (tryToMergeWithLefts(structs, replacedStructPos + 1) > 1) {
            continue;
          }
        }
        if (replacedStructPos > 0) {
          tryToMergeWithLefts(structs, replacedStructPos);
        }
      }
      if (!transaction.local && transaction.afterState != transaction.beforeState
          && stateOf(transaction.afterState, doc.clientID) != transaction.beforeSnapshot.clockOf(doc.clientID, -1)) {
        // a remote update used our client id: continuing with it would corrupt the document
        doc.clientID = Doc.generateNewClientId();
      }
      doc.emitAfterTransactionCleanup(transaction);
      if (doc.hasUpdateHandlers()) {
        UpdateEncoderV1 encoder = new UpdateEncoderV1();
        if (writeUpdateMessageFromTransaction(encoder, transaction)) {
          doc.emitUpdate(encoder.toUint8Array(), transaction);
        }
      }
      if (doc.hasUpdateV2Handlers()) {
        UpdateEncoderV2 encoder = new UpdateEncoderV2();
        if (writeUpdateMessageFromTransaction(encoder, transaction)) {
          doc.emitUpdateV2(encoder.toUint8Array(), transaction);
        }
      }
      SubdocChanges sd = transaction.subdocs;
      if (sd != null && (!sd.added.isEmpty() || !sd.removed.isEmpty() || !sd.loaded.isEmpty())) {
        Set<Doc> subdocsAdded = sd.added;
        Set<Doc> subdocsLoaded = sd.loaded;
        Set<Doc> subdocsRemoved = sd.removed;
        for (Doc subdoc : subdocsAdded) {
          subdoc.clientID = doc.clientID;
          if (subdoc.collectionid == null) {
            subdoc.collectionid = doc.collectionid;
          }
          doc.subdocs.add(subdoc);
        }
        for (Doc subdoc : subdocsRemoved) {
          doc.subdocs.remove(subdoc);
        }
        doc.emitSubdocs(new Doc.SubdocsEvent(subdocsLoaded, subdocsAdded, subdocsRemoved), transaction);
        for (Doc subdoc : subdocsRemoved) {
          subdoc.destroy();
        }
      }
    }
  }

  /** Runs f in a transaction of doc (joining the running one if any); cleanup at the outermost end. */
  public static <R> R transact(Doc doc, Function<Transaction, R> f, Object origin, boolean local) {
    List<Transaction> transactionCleanups = doc._transactionCleanups;
    boolean initialCall = false;
    R result;
    if (doc._transaction == null) {
      initialCall = true;
      doc._transaction = new Transaction(doc, origin, local);
      transactionCleanups.add(doc._transaction);
      if (transactionCleanups.size() == 1) {
        doc.emitBeforeAllTransactions();
      }
      doc.emitBeforeTransaction(doc._transaction);
    }
    try {
      result = f.apply(doc._transaction);
    } finally {
      if (initialCall) {
        boolean finishCleanup = doc._transaction == transactionCleanups.get(0);
        doc._transaction = null;
        if (finishCleanup) {
          cleanupTransactions(transactionCleanups);
        }
      }
    }
    return result;
  }

  public static void transact(Doc doc, Consumer<Transaction> f, Object origin, boolean local) {
    transact(doc, (Function<Transaction, Object>) t -> {
      f.accept(t);
      return null;
    }, origin, local);
  }

  public static void transact(Doc doc, Consumer<Transaction> f, Object origin) {
    transact(doc, f, origin, true);
  }

  public static void transact(Doc doc, Consumer<Transaction> f) {
    transact(doc, f, null, true);
  }
}
