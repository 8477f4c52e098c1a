package org.pledgepad.crdt;

// Follows yjs/src/structs/Item.js (yjs 13.6.33).

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One inserted run of content with its position in the YATA list of its parent: the neighbours
 * it was inserted between (origin, rightOrigin) and its current neighbours (left, right).
 */
public final class Item extends AbstractStruct {
  private static final int BIT_KEEP = 1;
  private static final int BIT_COUNTABLE = 2;
  private static final int BIT_DELETED = 4;
  private static final int BIT_MARKER = 8;

  /** originClient or rightOriginClient when there is none (client ids are never negative). */
  public static final long NONE = Long.MIN_VALUE;
  /**
   * Id of the item's left neighbour at insertion time (its last clock), as two numbers like the
   * item's own id (see AbstractStruct.client): originClient is NONE when there is none.
   */
  public long originClient;
  public long originClock;
  public Item left;
  public Item right;
  /** Id of the item's right neighbour at insertion time; rightOriginClient NONE when none. */
  public long rightOriginClient;
  public long rightOriginClock;
  /**
   * The parent type once integrated; while decoded and not yet integrated it may be an
   * {@link ID} (parent item), a {@link String} (root type name) or null (copy from neighbours).
   */
  public Object parent;
  /** Map key when the item is a map value, else null. */
  public String parentSub;
  /** When this item was redone by the undo manager, the id of its copy. */
  public ID redone;
  public AbstractContent content;
  /** Bit flags keep(1), countable(2), deleted(4), marker(8), as in Yjs. */
  public int info;

  public Item(ID id, Item left, ID origin, Item right, ID rightOrigin, Object parent, String parentSub,
      AbstractContent content) {
    this(id, origin, rightOrigin, parent, parentSub, content, content.getLength());
    this.left = left;
    this.right = right;
  }

  /** An item not yet linked; length must be content.getLength() (a decoder has it already, checked). */
  Item(ID id, ID origin, ID rightOrigin, Object parent, String parentSub, AbstractContent content, long length) {
    this(id.client, id.clock, origin == null ? NONE : origin.client, origin == null ? 0 : origin.clock,
        rightOrigin == null ? NONE : rightOrigin.client, rightOrigin == null ? 0 : rightOrigin.clock,
        parent, parentSub, content, length);
  }

  /** The same with the ids as numbers, NONE for a missing origin: decoders allocate no ID. */
  Item(long client, long clock, long originClient, long originClock, long rightOriginClient,
      long rightOriginClock, Object parent, String parentSub, AbstractContent content, long length) {
    super(client, clock, length);
    this.originClient = originClient;
    this.originClock = originClock;
    this.rightOriginClient = rightOriginClient;
    this.rightOriginClock = rightOriginClock;
    this.parent = parent;
    this.parentSub = parentSub;
    this.content = content;
    this.info = content.isCountable() ? BIT_COUNTABLE : 0;
  }

  /** The origin as a new value, null if none (cold paths; hot ones read the numbers). */
  public ID origin() {
    return originClient == NONE ? null : new ID(originClient, originClock);
  }

  /** The right origin as a new value, null if none. */
  public ID rightOrigin() {
    return rightOriginClient == NONE ? null : new ID(rightOriginClient, rightOriginClock);
  }

  public boolean hasOrigin() {
    return originClient != NONE;
  }

  public boolean hasRightOrigin() {
    return rightOriginClient != NONE;
  }

  /** Whether both items were inserted after the same left neighbour (or both at the start). */
  boolean sameOrigin(Item o) {
    return originClient == o.originClient && (originClient == NONE || originClock == o.originClock);
  }

  /** Whether both items were inserted before the same right neighbour (or both at the end). */
  boolean sameRightOrigin(Item o) {
    return rightOriginClient == o.rightOriginClient
        && (rightOriginClient == NONE || rightOriginClock == o.rightOriginClock);
  }

  /**
   * The content, replaced first by a private copy when it is a shared {@link ContentDeleted} or
   * {@link ContentString}: for callers about to split or merge it in place.
   */
  public AbstractContent ownContent() {
    if (content instanceof ContentDeleted d && d.shared()) {
      content = new ContentDeleted(d.len);
    } else if (content instanceof ContentString s && s.shared()) {
      content = new ContentString(s.str);
    }
    return content;
  }

  /** The integrated parent type (callers know the item is integrated). */
  public AbstractType<?> parentType() {
    return (AbstractType<?>) parent;
  }

  public void setMarker(boolean isMarked) {
    if (((info & BIT_MARKER) != 0) != isMarked) {
      info ^= BIT_MARKER;
    }
  }

  public boolean marker() {
    return (info & BIT_MARKER) != 0;
  }

  /** Items marked keep are never garbage-collected (the undo manager needs them). */
  public boolean keep() {
    return (info & BIT_KEEP) != 0;
  }

  public void setKeep(boolean doKeep) {
    if (keep() != doKeep) {
      info ^= BIT_KEEP;
    }
  }

  public boolean countable() {
    return (info & BIT_COUNTABLE) != 0;
  }

  @Override
  public boolean deleted() {
    return (info & BIT_DELETED) != 0;
  }

  public void setDeleted(boolean doDelete) {
    if (doDelete) {
      markDeleted();
    } else {
      info &= ~BIT_DELETED;
    }
  }

  public void markDeleted() {
    if ((info & BIT_MARKER) != 0 && parent instanceof AbstractType) {
      // a search marker may sit on this item: the next insert re-checks them all
      ((AbstractType<?>) parent)._markedItemDeleted = true;
    }
    info |= BIT_DELETED;
  }

  /** Result of {@link #followRedone}. */
  public static final class RedoneResult {
    public final AbstractStruct item;
    public final long diff;

    RedoneResult(AbstractStruct item, long diff) {
      this.item = item;
      this.diff = diff;
    }
  }

  public static RedoneResult followRedone(StructStore store, ID id) {
    ID nextID = id;
    long diff = 0;
    AbstractStruct item;
    do {
      if (diff > 0) {
        nextID = new ID(nextID.client, nextID.clock + diff);
      }
      item = StructStore.getItem(store, nextID);
      diff = nextID.clock - item.clock;
      nextID = item instanceof Item ? ((Item) item).redone : null;
    } while (nextID != null && item instanceof Item);
    return new RedoneResult(item, diff);
  }

  /** Sets keep on the item and its parents until one already has that value. */
  public static void keepItem(Item item, boolean keep) {
    while (item != null && item.keep() != keep) {
      item.setKeep(keep);
      item = ((AbstractType<?>) item.parent)._item;
    }
  }

  /** Splits leftItem at diff; leftItem keeps [0, diff). Used by the store's clean-start lookups. */
  public static Item splitItem(Transaction transaction, Item leftItem, long diff) {
    long client = leftItem.client;
    long clock = leftItem.clock;
    AbstractContent rightContent = leftItem.ownContent().splice(diff);
    Item rightItem = new Item(client, clock + diff, client, clock + diff - 1, leftItem.rightOriginClient,
        leftItem.rightOriginClock, leftItem.parent, leftItem.parentSub, rightContent, rightContent.getLength());
    rightItem.left = leftItem;
    rightItem.right = leftItem.right;
    if (leftItem.deleted()) {
      rightItem.markDeleted();
    }
    if (leftItem.keep()) {
      rightItem.setKeep(true);
    }
    if (leftItem.redone != null) {
      rightItem.redone = new ID(leftItem.redone.client, leftItem.redone.clock + diff);
    }
    // leftItem.rightOrigin stays: changing it would make syncing peers disagree
    leftItem.right = rightItem;
    if (rightItem.right != null) {
      rightItem.right.left = rightItem;
    }
    transaction._mergeStructs.add(rightItem);
    transaction.mergeAll = true;
    if (rightItem.parentSub != null && rightItem.right == null) {
      ((AbstractType<?>) rightItem.parent)._map.put(rightItem.parentSub, rightItem);
    }
    leftItem.length = diff;
    return rightItem;
  }

  private static boolean isDeletedByUndoStack(List<UndoManager.StackItem> stack, ID id) {
    for (UndoManager.StackItem s : stack) {
      if (DeleteSet.isDeleted(s.deletions, id)) {
        return true;
      }
    }
    return false;
  }

  /** Re-inserts a copy of a deleted item at its old position; null if that is impossible. */
  public static Item redoItem(Transaction transaction, Item item, Set<Item> redoitems, DeleteSet itemsToDelete,
      boolean ignoreRemoteMapChanges, UndoManager um) {
    Doc doc = transaction.doc;
    StructStore store = doc.store;
    long ownClientID = doc.clientID;
    ID redone = item.redone;
    if (redone != null) {
      return StructStore.getItemCleanStart(transaction, redone);
    }
    Item parentItem = ((AbstractType<?>) item.parent)._item;
    Item left = null;
    Item right;
    if (parentItem != null && parentItem.deleted()) {
      // the parent must be redone first, which only works if it is redone in this pass anyway
      if (parentItem.redone == null && (!redoitems.contains(parentItem)
          || redoItem(transaction, parentItem, redoitems, itemsToDelete, ignoreRemoteMapChanges, um) == null)) {
        return null;
      }
      while (parentItem.redone != null) {
        parentItem = StructStore.getItemCleanStart(transaction, parentItem.redone);
      }
    }
    AbstractType<?> parentType = parentItem == null
        ? (AbstractType<?>) item.parent : ((ContentType) parentItem.content).type;
    if (item.parentSub == null) {
      left = item.left;
      right = item;
      while (left != null) {
        Item leftTrace = left;
        while (leftTrace != null && ((AbstractType<?>) leftTrace.parent)._item != parentItem) {
          leftTrace = leftTrace.redone == null ? null : StructStore.getItemCleanStart(transaction, leftTrace.redone);
        }
        if (leftTrace != null && ((AbstractType<?>) leftTrace.parent)._item == parentItem) {
          left = leftTrace;
          break;
        }
        left = left.left;
      }
      while (right != null) {
        Item rightTrace = right;
        while (rightTrace != null && ((AbstractType<?>) rightTrace.parent)._item != parentItem) {
          rightTrace = rightTrace.redone == null ? null : StructStore.getItemCleanStart(transaction, rightTrace.redone);
        }
        if (rightTrace != null && ((AbstractType<?>) rightTrace.parent)._item == parentItem) {
          right = rightTrace;
          break;
        }
        right = right.right;
      }
    } else {
      right = null;
      if (item.right != null && !ignoreRemoteMapChanges) {
        left = item;
        // skip values that this undo step deletes anyway: the redone item replaces them
        while (left != null && left.right != null && (left.right.redone != null
            || DeleteSet.isDeleted(itemsToDelete, left.right.id())
            || isDeletedByUndoStack(um.undoStack, left.right.id())
            || isDeletedByUndoStack(um.redoStack, left.right.id()))) {
          left = left.right;
          while (left.redone != null) {
            left = StructStore.getItemCleanStart(transaction, left.redone);
          }
        }
        if (left != null && left.right != null) {
          // a concurrent change of another client wins; redoing would overwrite it
          return null;
        }
      } else {
        left = parentType._map.get(item.parentSub);
      }
      // a left from another parent would mislead remote peers through origin (yjs #757)
      if (left != null && ((AbstractType<?>) left.parent)._item != parentItem) {
        left = parentType._map.get(item.parentSub);
      }
    }
    long nextClock = StructStore.getState(store, ownClientID);
    ID nextId = new ID(ownClientID, nextClock);
    Item redoneItem = new Item(nextId, left, left == null ? null : left.lastId(), right,
        right == null ? null : right.id(), parentType, item.parentSub, item.content.copy());
    item.redone = nextId;
    keepItem(redoneItem, true);
    redoneItem.integrate(transaction, 0);
    return redoneItem;
  }

  @Override
  public long getMissing(Transaction transaction, StructStore store) {
    // Yjs skips these checks for the item's own client, whose earlier structs are always present
    // in honest updates; a hostile reference to a later clock of the own client would make the
    // lookups below fail halfway through a transaction, so it is treated as missing instead.
    if (originClient != NONE && originClock >= StructStore.getState(store, originClient)) {
      return originClient;
    }
    if (rightOriginClient != NONE && rightOriginClock >= StructStore.getState(store, rightOriginClient)) {
      return rightOriginClient;
    }
    if (parent instanceof ID && ((ID) parent).clock >= StructStore.getState(store, ((ID) parent).client)) {
      return ((ID) parent).client;
    }
    // all dependencies are present: resolve ids to structs
    boolean neighbourIsGC = false;
    Item resolvedLeft = null;
    if (originClient != NONE) {
      AbstractStruct l = StructStore.getItemCleanEnd(transaction, store, originClient, originClock);
      if (l instanceof Item) {
        // getItemCleanEnd split l to end at origin, so origin already equals l's last id (Yjs
        // reassigns it, to the same value)
        left = resolvedLeft = (Item) l;
      } else {
        neighbourIsGC = true;
      }
    }
    if (rightOriginClient != NONE) {
      // While an update is integrated in order, the left neighbour's current right is usually
      // the right origin itself, starting exactly there: then it is the store's struct for that
      // clock (ids are unique, unlinked structs are no one's right) and no split is needed, so
      // the binary search can be skipped. Anything else takes the lookup.
      Item guess = resolvedLeft == null ? null : resolvedLeft.right;
      AbstractStruct r = guess != null && guess.startsAt(rightOriginClient, rightOriginClock)
          ? guess : StructStore.getStructCleanStart(transaction, rightOriginClient, rightOriginClock);
      rightOriginClock = r.clock; // moves only when r is a GC, which is not split
      if (r instanceof Item) {
        right = (Item) r;
      } else {
        neighbourIsGC = true;
      }
    }
    if (neighbourIsGC) {
      // next to a garbage-collected run: the parent was deleted, so this becomes a GC as well
      parent = null;
    } else if (parent == null) {
      // the parent is only omitted on the wire when a neighbour carries it
      if (left != null) {
        parent = left.parent;
        parentSub = left.parentSub;
      } else if (right != null) {
        parent = right.parent;
        parentSub = right.parentSub;
      }
    } else if (parent instanceof ID) {
      AbstractStruct parentItem = StructStore.getItem(store, (ID) parent);
      if (parentItem instanceof Item && ((Item) parentItem).content instanceof ContentType) {
        parent = ((ContentType) ((Item) parentItem).content).type;
      } else {
        // a GC'd parent, or (in hostile updates) an item that is no type: nothing to attach to
        parent = null;
      }
    }
    return -1;
  }

  @Override
  public void integrate(Transaction transaction, long offset) {
    if (offset > 0) {
      clock += offset;
      AbstractStruct l = StructStore.getItemCleanEnd(transaction, transaction.doc.store, client, clock - 1);
      if (l instanceof Item) {
        left = (Item) l;
        originClient = left.client;
        originClock = left.clock + left.length - 1;
      } else {
        // Yjs would fail here; the run before us was collected, so integrate as collected too
        left = null;
        parent = null;
      }
      content = ownContent().splice(offset);
      length -= offset;
    }
    if (parent instanceof AbstractType) {
      AbstractType<?> parentType = (AbstractType<?>) parent;
      if ((left == null && (right == null || right.left != null)) || (left != null && left.right != right)) {
        Item l = left;
        Item o;
        // o is the first item that may conflict with this one
        if (l != null) {
          o = l.right;
        } else if (parentSub != null) {
          o = parentType._map.get(parentSub);
          while (o != null && o.left != null) {
            o = o.left;
          }
        } else {
          o = parentType._start;
        }
        // YATA: conflictingItems is a subset of itemsBeforeOrigin
        Set<Item> conflictingItems = null;
        Set<Item> itemsBeforeOrigin = null;
        StructStore store = transaction.doc.store;
        AbstractStruct oLeft; // the struct holding o's origin, looked up once per step
        while (o != null && o != right) {
          if (itemsBeforeOrigin == null) {
            itemsBeforeOrigin = new HashSet<>();
            conflictingItems = new HashSet<>();
          }
          itemsBeforeOrigin.add(o);
          conflictingItems.add(o);
          if (sameOrigin(o)) {
            if (o.client < client) {
              l = o;
              conflictingItems.clear();
            } else if (sameRightOrigin(o)) {
              // same integration points: the client id orders them and this one comes first
              break;
            }
          } else if (o.originClient != NONE
              && itemsBeforeOrigin.contains(oLeft = StructStore.find(store, o.originClient, o.originClock))) {
            if (!conflictingItems.contains(oLeft)) {
              l = o;
              conflictingItems.clear();
            }
          } else {
            break;
          }
          o = o.right;
        }
        left = l;
      }
      if (left != null) {
        right = left.right;
        left.right = this;
      } else {
        Item r;
        if (parentSub != null) {
          r = parentType._map.get(parentSub);
          while (r != null && r.left != null) {
            r = r.left;
          }
        } else {
          r = parentType._start;
          parentType._start = this;
        }
        right = r;
      }
      if (right != null) {
        right.left = this;
      } else if (parentSub != null) {
        // the newest value of a map key is the rightmost item
        parentType._map.put(parentSub, this);
        if (left != null) {
          left.delete(transaction);
        }
      }
      if (parentSub == null && countable() && !deleted()) {
        parentType._length += length;
      }
      StructStore.addStruct(transaction, this);
      content.integrate(transaction, this);
      Transaction.addChangedTypeToTransaction(transaction, parentType, parentSub);
      if ((parentType._item != null && parentType._item.deleted()) || (parentSub != null && right != null)) {
        // the parent is deleted, or this is not the current value of its key
        delete(transaction);
      }
    } else {
      new GC(client, clock, length).integrate(transaction, 0);
    }
  }

  /** The next non-deleted item to the right. */
  public Item next() {
    Item n = right;
    while (n != null && n.deleted()) {
      n = n.right;
    }
    return n;
  }

  /** The previous non-deleted item to the left. */
  public Item prev() {
    Item n = left;
    while (n != null && n.deleted()) {
      n = n.left;
    }
    return n;
  }

  public ID lastId() {
    return new ID(client, clock + length - 1);
  }

  @Override
  public boolean mayMergeWith(AbstractStruct r) {
    if (!(r instanceof Item)) {
      return false;
    }
    Item right = (Item) r;
    // right.origin == lastId(). Once other items lie between the two in the list they stay
    // there: only a merge removes an item from the list, and nothing between them can merge into
    // either (not clock-adjacent).
    return this.right == right
        && right.originClient == client && right.originClock == clock + length - 1
        && sameRightOrigin(right)
        && content.getClass() == right.content.getClass();
  }

  @Override
  public boolean mergeWith(AbstractStruct r) {
    if (!mayMergeWith(r)) {
      return false;
    }
    Item right = (Item) r;
    if (client == right.client
        && clock + length == right.clock
        && deleted() == right.deleted()
        && redone == null
        && right.redone == null
        && ownContent().mergeWith(right.content)) {
      List<ArraySearchMarker> searchMarker = parent instanceof AbstractType ? ((AbstractType<?>) parent)._searchMarker : null;
      if (searchMarker != null) {
        for (ArraySearchMarker marker : searchMarker) {
          if (marker.p == right) {
            // right disappears; its marker moves onto this item
            marker.p = this;
            marker.verified = false;
            if (!deleted() && countable()) {
              marker.index -= length;
            }
          }
        }
      }
      if (right.keep()) {
        setKeep(true);
      }
      this.right = right.right;
      if (this.right != null) {
        this.right.left = this;
      }
      length += right.length;
      return true;
    }
    return false;
  }

  /** Marks this item deleted; the struct stays until the transaction's gc pass. */
  public void delete(Transaction transaction) {
    if (!deleted()) {
      deleteShallow(transaction);
      content.delete(transaction);
    }
  }

  /** delete without deleting the content (ContentType deletes nested types iteratively). */
  void deleteShallow(Transaction transaction) {
    AbstractType<?> p = (AbstractType<?>) parent;
    if (countable() && parentSub == null) {
      p._length -= length;
    }
    markDeleted();
    transaction.deletedItems = true;
    transaction.mergeAll = true;
    DeleteSet.addToDeleteSetJoined(transaction.deleteSet, client, clock, length);
    Transaction.addChangedTypeToTransaction(transaction, p, parentSub);
  }

  /** Drops the content of a deleted item; replaces the item by a GC when its parent went too. */
  public void gc(StructStore store, boolean parentGCd) {
    if (!deleted()) {
      throw new IllegalStateException("gc of an undeleted item");
    }
    content.gc(store);
    if (parentGCd) {
      StructStore.replaceStruct(store, this, new GC(client, clock, length));
    } else if (!(content instanceof ContentDeleted)) {
      // decoded deleted runs already carry a ContentDeleted of their length
      content = ContentDeleted.of(length);
    }
  }

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    boolean hasOrigin = offset > 0 || originClient != NONE;
    boolean hasRightOrigin = rightOriginClient != NONE;
    String parentSub = this.parentSub;
    int info = (content.getRef() & 31)
        | (hasOrigin ? 0x80 : 0)
        | (hasRightOrigin ? 0x40 : 0)
        | (parentSub == null ? 0 : 0x20);
    encoder.writeInfo(info);
    if (offset > 0) {
      encoder.writeLeftID(client, clock + offset - 1);
    } else if (hasOrigin) {
      encoder.writeLeftID(originClient, originClock);
    }
    if (hasRightOrigin) {
      encoder.writeRightID(rightOriginClient, rightOriginClock);
    }
    if (!hasOrigin && !hasRightOrigin) {
      if (parent instanceof AbstractType) {
        Item parentItem = ((AbstractType<?>) parent)._item;
        if (parentItem == null) {
          encoder.writeParentInfo(true);
          encoder.writeString(ID.findRootTypeKey((AbstractType<?>) parent));
        } else {
          encoder.writeParentInfo(false);
          encoder.writeLeftID(parentItem.client, parentItem.clock);
        }
      } else if (parent instanceof String) {
        // only in updates produced by merging/diffing, where no document resolves the name
        encoder.writeParentInfo(true);
        encoder.writeString((String) parent);
      } else if (parent instanceof ID) {
        encoder.writeParentInfo(false);
        encoder.writeLeftID((ID) parent);
      } else {
        throw new IllegalStateException("item without parent information");
      }
      if (parentSub != null) {
        encoder.writeString(parentSub);
      }
    }
    content.write(encoder, offset);
  }
}
