package org.pledgepad.crdt;

// Follows yjs/src/utils/UndoManager.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Undo/redo of the local user's own changes in a scope of shared types. Changes of tracked
 * origins within {@code captureTimeout} ms merge into one step. Undo never reverts other users'
 * changes: it deletes what the step inserted and re-inserts copies of what it deleted, which
 * other replicas receive as ordinary updates.
 */
public class UndoManager {
  private static final Logger LOG = Logger.getLogger(UndoManager.class.getName());

  /**
   * One undo (or redo) step: what it inserted and what it deleted, as delete sets over the ids
   * of the document, so the step can be reverted however the document changed since.
   */
  public static final class StackItem {
    public DeleteSet insertions;
    public DeleteSet deletions;
    /** Application data restored with the step, e.g. the selection before the change. */
    public final Map<Object, Object> meta = new LinkedHashMap<>();

    public StackItem(DeleteSet deletions, DeleteSet insertions) {
      this.insertions = insertions;
      this.deletions = deletions;
    }
  }

  /** Payload of the stack-item-added, -updated and -popped events. */
  public static final class StackItemEvent {
    public final StackItem stackItem;
    public final Object origin;
    /** "undo" when the item is on (or came from) the undo stack, else "redo". */
    public final String type;
    public final Map<AbstractType<?>, List<YEvent<?>>> changedParentTypes;

    StackItemEvent(StackItem stackItem, Object origin, String type, Map<AbstractType<?>, List<YEvent<?>>> changedParentTypes) {
      this.stackItem = stackItem;
      this.origin = origin;
      this.type = type;
      this.changedParentTypes = changedParentTypes;
    }
  }

  /** Payload of the stack-cleared event. */
  public static final class StackClearedEvent {
    public final boolean undoStackCleared;
    public final boolean redoStackCleared;

    StackClearedEvent(boolean undoStackCleared, boolean redoStackCleared) {
      this.undoStackCleared = undoStackCleared;
      this.redoStackCleared = redoStackCleared;
    }
  }

  @FunctionalInterface
  public interface StackItemListener {
    void handle(StackItemEvent event, UndoManager undoManager);
  }

  /** Types (or the whole doc) whose changes this manager captures. */
  public final List<Object> scope = new ArrayList<>();
  public final Doc doc;
  public Predicate<Item> deleteFilter;
  public final Set<Object> trackedOrigins;
  public Predicate<Transaction> captureTransaction;
  public List<StackItem> undoStack = new ArrayList<>();
  public List<StackItem> redoStack = new ArrayList<>();
  /** True while {@link #undo()} runs; transactions then feed the redo stack. */
  public boolean undoing = false;
  public boolean redoing = false;
  /** The stack item being applied while undoing or redoing. */
  public StackItem currStackItem = null;
  /** Time (ms) of the last captured change; 0 forces a new stack item. */
  public long lastChange = 0;
  public boolean ignoreRemoteMapChanges;
  public long captureTimeout;

  private final List<StackItemListener> addedListeners = new CopyOnWriteArrayList<>();
  private final List<StackItemListener> poppedListeners = new CopyOnWriteArrayList<>();
  private final List<StackItemListener> updatedListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<StackClearedEvent>> clearedListeners = new CopyOnWriteArrayList<>();

  private final TransactionHandler afterTransactionHandler = (tr, d) -> afterTransaction(tr);
  private final Consumer<Doc> destroyHandler = d -> destroy();

  /** @param typeScope a Doc, a shared type, or a List of them */
  public UndoManager(Object typeScope) {
    this(typeScope, new UndoManagerOptions());
  }

  public UndoManager(Object typeScope, UndoManagerOptions options) {
    this.doc = options.doc != null ? options.doc : docOf(typeScope);
    addToScope(typeScope);
    this.deleteFilter = options.deleteFilter;
    Set<Object> origins = options.trackedOrigins;
    if (origins == null) {
      origins = new HashSet<>();
      origins.add(null);
    } else {
      origins = new HashSet<>(origins);
    }
    origins.add(this);
    this.trackedOrigins = origins;
    this.captureTransaction = options.captureTransaction;
    this.ignoreRemoteMapChanges = options.ignoreRemoteMapChanges;
    this.captureTimeout = options.captureTimeout;
    doc.onAfterTransaction(afterTransactionHandler);
    doc.onDestroy(destroyHandler);
  }

  private static Doc docOf(Object typeScope) {
    Object first = typeScope;
    if (typeScope instanceof List) {
      List<?> l = (List<?>) typeScope;
      if (l.isEmpty()) {
        throw new IllegalArgumentException("empty scope: pass the doc in UndoManagerOptions.doc");
      }
      first = l.get(0);
    }
    if (first instanceof Doc) {
      return (Doc) first;
    }
    return ((AbstractType<?>) first).doc;
  }

  private boolean inScope(Doc trDoc, Item item) {
    for (Object type : scope) {
      if (type == trDoc || (type instanceof AbstractType && IsParentOf.isParentOf((AbstractType<?>) type, item))) {
        return true;
      }
    }
    return false;
  }

  private boolean isTracked(Object origin) {
    if (trackedOrigins.contains(origin)) {
      return true;
    }
    return origin != null && trackedOrigins.contains(origin.getClass());
  }

  private void afterTransaction(Transaction transaction) {
    // Only track certain transactions
    if (!captureTransaction.test(transaction)) {
      return;
    }
    boolean touched = false;
    for (Object type : scope) {
      if (type == doc || transaction.changedParentTypes.containsKey(type)) {
        touched = true;
        break;
      }
    }
    if (!touched || !isTracked(transaction.origin)) {
      return;
    }
    boolean undoing = this.undoing;
    boolean redoing = this.redoing;
    List<StackItem> stack = undoing ? redoStack : undoStack;
    if (undoing) {
      stopCapturing(); // the next undo must not be merged into this redo step
    } else if (!redoing) {
      // a new change: what was undone can no longer be redone
      clear(false, true);
      stack = undoStack;
    }
    DeleteSet insertions = new DeleteSet();
    for (Map.Entry<Long, Long> e : transaction.afterState.entrySet()) {
      long client = e.getKey();
      long endClock = e.getValue();
      Long start = transaction.beforeState.get(client);
      long startClock = start == null ? 0 : start;
      long len = endClock - startClock;
      if (len > 0) {
        DeleteSet.addToDeleteSet(insertions, client, startClock, len);
      }
    }
    long now = System.currentTimeMillis();
    boolean didAdd = false;
    if (lastChange > 0 && now - lastChange < captureTimeout && !stack.isEmpty() && !undoing && !redoing) {
      // append the change to the last step
      StackItem lastOp = stack.get(stack.size() - 1);
      lastOp.deletions = DeleteSet.mergeDeleteSets(List.of(lastOp.deletions, transaction.deleteSet));
      lastOp.insertions = DeleteSet.mergeDeleteSets(List.of(lastOp.insertions, insertions));
    } else {
      stack.add(new StackItem(transaction.deleteSet, insertions));
      didAdd = true;
    }
    if (!undoing && !redoing) {
      lastChange = now;
    }
    // deleted structs must survive garbage collection so that undo can restore them
    DeleteSet.iterateDeletedStructs(transaction, transaction.deleteSet, struct -> {
      if (struct instanceof Item && inScope(transaction.doc, (Item) struct)) {
        Item.keepItem((Item) struct, true);
      }
    });
    StackItemEvent event = new StackItemEvent(stack.get(stack.size() - 1), transaction.origin,
        undoing ? "redo" : "undo", transaction.changedParentTypes);
    for (StackItemListener l : didAdd ? addedListeners : updatedListeners) {
      l.handle(event, this);
    }
  }

  private void clearStackItem(Transaction tr, StackItem stackItem) {
    DeleteSet.iterateDeletedStructs(tr, stackItem.deletions, struct -> {
      if (struct instanceof Item && inScope(tr.doc, (Item) struct)) {
        Item.keepItem((Item) struct, false);
      }
    });
  }

  private StackItem popStackItem(List<StackItem> stack, String eventType) {
    Transaction[] trRef = new Transaction[1];
    Transaction.transact(doc, transaction -> {
      while (!stack.isEmpty() && currStackItem == null) {
        StructStore store = doc.store;
        StackItem stackItem = stack.remove(stack.size() - 1);
        Set<Item> itemsToRedo = new LinkedHashSet<>();
        List<Item> itemsToDelete = new ArrayList<>();
        boolean performedChange = false;
        DeleteSet.iterateDeletedStructs(transaction, stackItem.insertions, s -> {
          if (s instanceof Item) {
            Item struct = (Item) s;
            if (struct.redone != null) {
              Item.RedoneResult r = Item.followRedone(store, struct.id());
              AbstractStruct item = r.item;
              if (r.diff > 0) {
                item = StructStore.getItemCleanStart(transaction, new ID(item.client, item.clock + r.diff));
              }
              if (!(item instanceof Item)) {
                return;
              }
              struct = (Item) item;
            }
            if (!struct.deleted() && inScope(transaction.doc, struct)) {
              itemsToDelete.add(struct);
            }
          }
        });
        DeleteSet.iterateDeletedStructs(transaction, stackItem.deletions, s -> {
          if (s instanceof Item && inScope(transaction.doc, (Item) s)
              // structs created and deleted within the same step are never redone
              && !DeleteSet.isDeleted(stackItem.insertions, s.client, s.clock)) {
            itemsToRedo.add((Item) s);
          }
        });
        for (Item struct : itemsToRedo) {
          performedChange = Item.redoItem(transaction, struct, itemsToRedo, stackItem.insertions,
              ignoreRemoteMapChanges, this) != null || performedChange;
        }
        // delete in reverse order so that children go before their parents and the filter
        // still sees the parents' content
        for (int i = itemsToDelete.size() - 1; i >= 0; i--) {
          Item item = itemsToDelete.get(i);
          if (deleteFilter.test(item)) {
            item.delete(transaction);
            performedChange = true;
          }
        }
        currStackItem = performedChange ? stackItem : null;
      }
      for (Map.Entry<AbstractType<?>, Set<String>> e : transaction.changed.entrySet()) {
        // positions cached in search markers may be stale after this transaction
        if (e.getValue().contains(null) && e.getKey()._searchMarker != null) {
          e.getKey()._searchMarker.clear();
        }
      }
      trRef[0] = transaction;
    }, this);
    StackItem res = currStackItem;
    if (res != null) {
      StackItemEvent event = new StackItemEvent(res, this, eventType, trRef[0].changedParentTypes);
      for (StackItemListener l : poppedListeners) {
        l.handle(event, this);
      }
      currStackItem = null;
    }
    return res;
  }

  /** Extends the scope by a type, a Doc, or a List of them. */
  public void addToScope(Object ytypes) {
    List<?> list = ytypes instanceof List ? (List<?>) ytypes : List.of(ytypes);
    for (Object ytype : list) {
      if (!scope.contains(ytype)) {
        boolean sameDoc = ytype instanceof AbstractType ? ((AbstractType<?>) ytype).doc == doc : ytype == doc;
        if (!sameDoc) {
          LOG.warning("[yjs#509] Not same Y.Doc");
        }
        scope.add(ytype);
      }
    }
  }

  public void addTrackedOrigin(Object origin) {
    trackedOrigins.add(origin);
  }

  public void removeTrackedOrigin(Object origin) {
    trackedOrigins.remove(origin);
  }

  public void clear() {
    clear(true, true);
  }

  public void clear(boolean clearUndoStack, boolean clearRedoStack) {
    if ((clearUndoStack && canUndo()) || (clearRedoStack && canRedo())) {
      Transaction.transact(doc, tr -> {
        if (clearUndoStack) {
          for (StackItem item : undoStack) {
            clearStackItem(tr, item);
          }
          undoStack = new ArrayList<>();
        }
        if (clearRedoStack) {
          for (StackItem item : redoStack) {
            clearStackItem(tr, item);
          }
          redoStack = new ArrayList<>();
        }
        StackClearedEvent event = new StackClearedEvent(clearUndoStack, clearRedoStack);
        for (Consumer<StackClearedEvent> l : clearedListeners) {
          l.accept(event);
        }
      });
    }
  }

  /** The next change starts a new undo step even within captureTimeout. */
  public void stopCapturing() {
    lastChange = 0;
  }

  /** Undoes the last step; returns it, or null if nothing changed. */
  public StackItem undo() {
    undoing = true;
    try {
      return popStackItem(undoStack, "undo");
    } finally {
      undoing = false;
    }
  }

  /** Redoes the last undone step; returns it, or null if nothing changed. */
  public StackItem redo() {
    redoing = true;
    try {
      return popStackItem(redoStack, "redo");
    } finally {
      redoing = false;
    }
  }

  public boolean canUndo() {
    return !undoStack.isEmpty();
  }

  public boolean canRedo() {
    return !redoStack.isEmpty();
  }

  public void onStackItemAdded(StackItemListener l) {
    addedListeners.add(l);
  }

  public void offStackItemAdded(StackItemListener l) {
    addedListeners.remove(l);
  }

  public void onStackItemPopped(StackItemListener l) {
    poppedListeners.add(l);
  }

  public void offStackItemPopped(StackItemListener l) {
    poppedListeners.remove(l);
  }

  public void onStackItemUpdated(StackItemListener l) {
    updatedListeners.add(l);
  }

  public void offStackItemUpdated(StackItemListener l) {
    updatedListeners.remove(l);
  }

  public void onStackCleared(Consumer<StackClearedEvent> l) {
    clearedListeners.add(l);
  }

  public void offStackCleared(Consumer<StackClearedEvent> l) {
    clearedListeners.remove(l);
  }

  /** Detaches from the doc and drops all listeners. */
  public void destroy() {
    trackedOrigins.remove(this);
    doc.offAfterTransaction(afterTransactionHandler);
    doc.offDestroy(destroyHandler);
    addedListeners.clear();
    poppedListeners.clear();
    updatedListeners.clear();
    clearedListeners.clear();
  }
}
