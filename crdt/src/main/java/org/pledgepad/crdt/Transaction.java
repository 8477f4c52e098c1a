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
  /** State vector before the transaction. */
  public final Map<Long, Long> beforeState;
  /** State vector after the transaction (set during cleanup). */
  public Map<Long, Long> afterState = new LinkedHashMap<>();
  /** Changed types and the changed map keys (null stands for the list part). */
  public final Map<AbstractType<?>, Set<String>> changed = new LinkedHashMap<>();
  /** Events per type, including those of children, for deep observers. */
  public final Map<AbstractType<?>, List<YEvent<?>>> changedParentTypes = new LinkedHashMap<>();
  /** Items that were split or may be mergeable after the transaction. */
  public final List<AbstractStruct> _mergeStructs = new ArrayList<>();
  public final Object origin;
  /** Free storage for plugins (the undo manager, bindings). */
  public final Map<Object, Object> meta = new LinkedHashMap<>();
  /** True when the change originates here, false when it was applied from an update. */
  public boolean local;
  public final Set<Doc> subdocsAdded = new LinkedHashSet<>();
  public final Set<Doc> subdocsRemoved = new LinkedHashSet<>();
  public final Set<Doc> subdocsLoaded = new LinkedHashSet<>();
  public boolean _needFormattingCleanup = false;
  /**
   * The (type, key) that addChangedTypeToTransaction recorded last: it is in changed until
   * forgetChangedType removes the type, so recording it again can be skipped.
   */
  private AbstractType<?> lastChangedType;
  private String lastChangedSub;

  public Transaction(Doc doc, Object origin, boolean local) {
    this.doc = doc;
    this.beforeState = StructStore.getStateVector(doc.store);
    this.origin = origin;
    this.local = local;
  }

  /** beforeState.get(client) || 0 */
  public long beforeStateOf(long client) {
    Long c = beforeState.get(client);
    return c == null ? 0 : c;
  }

  public static boolean writeUpdateMessageFromTransaction(UpdateEncoder encoder, Transaction transaction) {
    if (transaction.deleteSet.clients.isEmpty()) {
      boolean any = false;
      for (Map.Entry<Long, Long> e : transaction.afterState.entrySet()) {
        if (!e.getValue().equals(transaction.beforeState.get(e.getKey()))) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
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
    if (item == null || (item.id.clock < transaction.beforeStateOf(item.id.client) && !item.deleted())) {
      transaction.changed.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(parentSub);
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
          if (struct.id.clock >= endDeleteItemClock) {
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
        while (si > 0 && structs.get(si).id.clock >= deleteItem.clock) {
          si -= 1 + tryToMergeWithLefts(structs, si);
        }
        guess = si - 1;
      }
    }
  }

  public static void tryGc(DeleteSet ds, StructStore store, Predicate<Item> gcFilter) {
    tryGcDeleteSet(ds, store, gcFilter);
    tryMergeDeleteSet(ds, store);
  }

  /** Runs every task even if some throw (lib0 callAll), rethrowing the first failure. */
  private static void callAll(List<Runnable> fs) {
    RuntimeException first = null;
    for (int i = 0; i < fs.size(); i++) {
      try {
        fs.get(i).run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
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
    doc._transactionCleanups = new ArrayList<>();
    doc.emitAfterAllTransactions(transactionCleanups);
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
      transaction.afterState = StructStore.getStateVector(doc.store);
      doc.emitBeforeObserverCalls(transaction);
      List<Runnable> fs = new ArrayList<>();
      for (Map.Entry<AbstractType<?>, Set<String>> e : transaction.changed.entrySet()) {
        AbstractType<?> itemtype = e.getKey();
        Set<String> subs = e.getValue();
        fs.add(() -> {
          if (itemtype._item == null || !itemtype._item.deleted()) {
            itemtype._callObserver(transaction, subs);
          }
        });
      }
      fs.add(() -> {
        // deep observers run after all shallow ones, with events sorted by path length
        for (Map.Entry<AbstractType<?>, List<YEvent<?>>> e : transaction.changedParentTypes.entrySet()) {
          AbstractType<?> type = e.getKey();
          if (!type._dEH.isEmpty() && (type._item == null || !type._item.deleted())) {
            List<YEvent<?>> events0 = e.getValue();
            fs.add(() -> {
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
            });
          }
        }
        fs.add(() -> doc.emitAfterTransaction(transaction));
        fs.add(() -> {
          if (transaction._needFormattingCleanup) {
            YText.cleanupYTextAfterTransaction(transaction);
          }
        });
      });
      callAll(fs);
    } finally {
      if (doc.gc) {
        tryGcDeleteSet(ds, store, doc.gcFilter);
      }
      tryMergeDeleteSet(ds, store);
      // merge the structs this transaction added, right to left
      for (Map.Entry<Long, Long> e : transaction.afterState.entrySet()) {
        long client = e.getKey();
        long clock = e.getValue();
        long beforeClock = transaction.beforeStateOf(client);
        if (beforeClock != clock) {
          ArrayList<AbstractStruct> structs = StructStore.getStructs(store, client);
          int firstChangePos = Math.max(StructStore.findIndexSS(structs, beforeClock), 1);
          for (int k = structs.size() - 1; k >= firstChangePos;) {
            k -= 1 + tryToMergeWithLefts(structs, k);
          }
        }
      }
      for (int k = mergeStructs.size() - 1; k >= 0; k--) {
        ID mid = mergeStructs.get(k).id;
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
      if (!transaction.local && !java.util.Objects.equals(transaction.afterState.get(doc.clientID),
          transaction.beforeState.get(doc.clientID))) {
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
      Set<Doc> subdocsAdded = transaction.subdocsAdded;
      Set<Doc> subdocsLoaded = transaction.subdocsLoaded;
      Set<Doc> subdocsRemoved = transaction.subdocsRemoved;
      if (!subdocsAdded.isEmpty() || !subdocsRemoved.isEmpty() || !subdocsLoaded.isEmpty()) {
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
