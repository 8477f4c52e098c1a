package org.pledgepad.crdt;

// Follows yjs/src/types/AbstractType.js (yjs 13.6.33).

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.pledgepad.crdt.lib0.Undefined;

/**
 * Base of all shared types: a YATA list (_start … right) for sequence content and a map of
 * keys to their newest item (_map), plus observers. The list/map algorithms live here as
 * static functions, as in Yjs, so every type kind shares them.
 */
public class AbstractType<EventType extends YEvent<?>> {
  private static final int maxSearchMarker = 80;

  /** The item holding this type, or null for a root type. */
  public Item _item = null;
  /** Newest item of each key (older values are linked through left). */
  public Map<String, Item> _map = new LinkedHashMap<>();
  /** First item of the sequence part. */
  public Item _start = null;
  public Doc doc = null;
  /** Number of countable, undeleted elements in the sequence part. */
  public int _length = 0;
  /** Shallow observers. */
  public final EventHandler<EventType, Transaction> _eH = new EventHandler<>();
  /** Deep observers. */
  public final EventHandler<List<YEvent<?>>, Transaction> _dEH = new EventHandler<>();
  /** Cached index positions; null for types that do not use them (rich text with formats). */
  public List<ArraySearchMarker> _searchMarker = null;
  /** An item with its marker bit set was deleted since markers were last checked after an insert. */
  boolean _markedItemDeleted = false;

  /** Callback of the typeList forEach functions. */
  @FunctionalInterface
  public interface ListCallback<R> {
    R apply(Object c, int index, AbstractType<?> type);
  }

  public AbstractType() {}

  /** The parent type, or null for a root type. */
  public AbstractType<?> parent() {
    return _item != null ? (AbstractType<?>) _item.parent : null;
  }

  /** Called when the type becomes part of a document (y) at item (null for root types). */
  public void _integrate(Doc y, Item item) {
    doc = y;
    _item = item;
  }

  /** An empty instance of the same kind, used when items are copied (redo). */
  public AbstractType<?> _copy() {
    throw new UnsupportedOperationException();
  }

  public AbstractType<?> clone() {
    throw new UnsupportedOperationException();
  }

  public void _write(UpdateEncoder encoder) {}

  /** First undeleted item of the sequence part. */
  public Item _first() {
    Item n = _start;
    while (n != null && n.deleted()) {
      n = n.right;
    }
    return n;
  }

  /** Creates the event of this type and calls the observers; subclasses override. */
  public void _callObserver(Transaction transaction, Set<String> parentSubs) {
    if (!transaction.local && _searchMarker != null) {
      // remote changes may have moved everything: markers are cheaper to rebuild than to fix
      _searchMarker.clear();
    }
  }

  public void observe(BiConsumer<? super EventType, ? super Transaction> f) {
    EventHandler.addEventHandlerListener(_eH, f);
  }

  public void observeDeep(BiConsumer<? super List<YEvent<?>>, ? super Transaction> f) {
    EventHandler.addEventHandlerListener(_dEH, f);
  }

  public void unobserve(BiConsumer<? super EventType, ? super Transaction> f) {
    EventHandler.removeEventHandlerListener(_eH, f);
  }

  public void unobserveDeep(BiConsumer<? super List<YEvent<?>>, ? super Transaction> f) {
    EventHandler.removeEventHandlerListener(_dEH, f);
  }

  void callDeepObservers(List<YEvent<?>> events, Transaction transaction) {
    EventHandler.callEventHandlerListeners(_dEH, events, transaction);
  }

  /** JSON-like value of the type. */
  public Object toJSON() {
    return null;
  }

  // ---- search markers ----

  private static void refreshMarkerTimestamp(ArraySearchMarker marker) {
    marker.timestamp = ArraySearchMarker.globalSearchMarkerTimestamp++;
  }

  private static void overwriteMarker(List<ArraySearchMarker> searchMarker, ArraySearchMarker marker, Item p, int index) {
    Item old = marker.p;
    old.setMarker(false);
    marker.p = p;
    p.setMarker(true);
    marker.verified = false;
    if (old != p) {
      unverifyMarkersOn(searchMarker, old);
    }
    marker.index = index;
    marker.timestamp = ArraySearchMarker.globalSearchMarkerTimestamp++;
  }

  /** Markers on item may no longer find its marker bit set. */
  private static void unverifyMarkersOn(List<ArraySearchMarker> searchMarker, Item item) {
    for (int i = 0; i < searchMarker.size(); i++) {
      ArraySearchMarker m = searchMarker.get(i);
      if (m.p == item) {
        m.verified = false;
      }
    }
  }

  private static ArraySearchMarker markPosition(List<ArraySearchMarker> searchMarker, Item p, int index) {
    if (searchMarker.size() >= maxSearchMarker) {
      ArraySearchMarker marker = searchMarker.get(0);
      for (int i = 1; i < searchMarker.size(); i++) {
        ArraySearchMarker b = searchMarker.get(i);
        if (!(marker.timestamp < b.timestamp)) {
          marker = b;
        }
      }
      overwriteMarker(searchMarker, marker, p, index);
      return marker;
    } else {
      ArraySearchMarker pm = new ArraySearchMarker(p, index);
      searchMarker.add(pm);
      return pm;
    }
  }

  /** A marker at or near index, moved to the start of a run; null when markers are unused. */
  public static ArraySearchMarker findMarker(AbstractType<?> yarray, int index) {
    if (yarray._start == null || index == 0 || yarray._searchMarker == null) {
      return null;
    }
    List<ArraySearchMarker> sm = yarray._searchMarker;
    ArraySearchMarker marker = null;
    if (!sm.isEmpty()) {
      marker = sm.get(0);
      for (int i = 1; i < sm.size(); i++) {
        ArraySearchMarker b = sm.get(i);
        if (!(Math.abs(index - marker.index) < Math.abs(index - b.index))) {
          marker = b;
        }
      }
    }
    Item p = yarray._start;
    int pindex = 0;
    if (marker != null) {
      p = marker.p;
      pindex = marker.index;
      refreshMarkerTimestamp(marker);
    }
    // iterate to the right if possible
    while (p.right != null && pindex < index) {
      if (!p.deleted() && p.countable()) {
        if (index < pindex + p.length) {
          break;
        }
        pindex += (int) p.length;
      }
      p = p.right;
    }
    // iterate to the left if necessary (might be that pindex > index)
    while (p.left != null && pindex > index) {
      p = p.left;
      if (!p.deleted() && p.countable()) {
        pindex -= (int) p.length;
      }
    }
    // the marker should sit at the start of a mergeable run, or merging would lose it
    while (p.left != null && p.left.client == p.client && p.left.clock + p.left.length == p.clock) {
      p = p.left;
      if (!p.deleted() && p.countable()) {
        pindex -= (int) p.length;
      }
    }
    if (marker != null && Math.abs(marker.index - pindex) < ((double) ((AbstractType<?>) p.parent)._length) / maxSearchMarker) {
      overwriteMarker(yarray._searchMarker, marker, p, pindex);
      return marker;
    } else {
      return markPosition(yarray._searchMarker, p, pindex);
    }
  }

  /**
   * Shifts the markers of type after an insertion (len > 0) or deletion (len < 0) at index.
   * After an insertion Yjs re-checks every marker's item (moving the marker left off deleted
   * items, dropping duplicates) and sets its marker bit again; for a marker verified by an
   * earlier pass whose item kept its bit and was not deleted since (no marked item of the type
   * was), that check changes nothing, so it is skipped: touching ~80 items scattered over the
   * heap on every typed character was the largest cost of replaying an editing trace.
   */
  public static void updateMarkerChanges(AbstractType<?> type, int index, int len) {
    List<ArraySearchMarker> searchMarker = type._searchMarker;
    boolean recheckAll = type._markedItemDeleted;
    if (len > 0) {
      type._markedItemDeleted = false;
    }
    for (int i = searchMarker.size() - 1; i >= 0; i--) {
      ArraySearchMarker m = searchMarker.get(i);
      if (len > 0 && (recheckAll || !m.verified)) {
        Item x = m.p;
        Item p = x;
        p.setMarker(false);
        // a marker must point to a countable, undeleted item
        while (p != null && (p.deleted() || !p.countable())) {
          p = p.left;
          if (p != null && !p.deleted() && p.countable()) {
            m.index -= (int) p.length;
          }
        }
        if (p != x) {
          unverifyMarkersOn(searchMarker, x);
        }
        if (p == null || p.marker()) {
          searchMarker.remove(i);
          continue;
        }
        m.p = p;
        p.setMarker(true);
        m.verified = true;
      }
      if (index < m.index || (len > 0 && index == m.index)) {
        m.index = Math.max(index, m.index + len);
      }
    }
  }

  public static List<Item> getTypeChildren(AbstractType<?> t) {
    List<Item> arr = new ArrayList<>();
    for (Item s = t._start; s != null; s = s.right) {
      arr.add(s);
    }
    return arr;
  }

  /** Calls the shallow observers of type and queues event for the deep observers of its ancestors. */
  public static <E extends YEvent<?>> void callTypeObservers(AbstractType<E> type, Transaction transaction, E event) {
    AbstractType<?> t = type;
    Map<AbstractType<?>, List<YEvent<?>>> changedParentTypes = transaction.changedParentTypes;
    while (true) {
      // one event per type is the common case
      changedParentTypes.computeIfAbsent(t, k -> new ArrayList<>(1)).add(event);
      if (t._item == null) {
        break;
      }
      t = (AbstractType<?>) t._item.parent;
    }
    EventHandler.callEventHandlerListeners(type._eH, event, transaction);
  }

  // ---- list functions ----

  public static List<Object> typeListSlice(AbstractType<?> type, int start, int end) {
    if (start < 0) {
      start = type._length + start;
    }
    if (end < 0) {
      end = type._length + end;
    }
    int len = end - start;
    List<Object> cs = new ArrayList<>();
    Item n = type._start;
    while (n != null && len > 0) {
      if (n.countable() && !n.deleted()) {
        List<Object> c = n.content.getContent();
        if (c.size() <= start) {
          start -= c.size();
        } else {
          for (int i = start; i < c.size() && len > 0; i++) {
            cs.add(c.get(i));
            len--;
          }
          start = 0;
        }
      }
      n = n.right;
    }
    return cs;
  }

  public static List<Object> typeListToArray(AbstractType<?> type) {
    List<Object> cs = new ArrayList<>();
    for (Item n = type._start; n != null; n = n.right) {
      if (n.countable() && !n.deleted()) {
        cs.addAll(n.content.getContent());
      }
    }
    return cs;
  }

  public static List<Object> typeListToArraySnapshot(AbstractType<?> type, Snapshot snapshot) {
    List<Object> cs = new ArrayList<>();
    for (Item n = type._start; n != null; n = n.right) {
      if (n.countable() && Snapshot.isVisible(n, snapshot)) {
        cs.addAll(n.content.getContent());
      }
    }
    return cs;
  }

  public static void typeListForEach(AbstractType<?> type, ListCallback<?> f) {
    int index = 0;
    for (Item n = type._start; n != null; n = n.right) {
      if (n.countable() && !n.deleted()) {
        List<Object> c = n.content.getContent();
        for (int i = 0; i < c.size(); i++) {
          f.apply(c.get(i), index++, type);
        }
      }
    }
  }

  public static <R> List<R> typeListMap(AbstractType<?> type, ListCallback<R> f) {
    List<R> result = new ArrayList<>();
    typeListForEach(type, (c, i, t) -> {
      result.add(f.apply(c, i, type));
      return null;
    });
    return result;
  }

  public static Iterator<Object> typeListCreateIterator(AbstractType<?> type) {
    return new Iterator<Object>() {
      Item n = type._start;
      List<Object> currentContent = null;
      int currentContentIndex = 0;

      private void advance() {
        while (currentContent == null) {
          while (n != null && n.deleted()) {
            n = n.right;
          }
          if (n == null) {
            return;
          }
          List<Object> c = n.content.getContent();
          n = n.right;
          if (!c.isEmpty()) {
            currentContent = c;
            currentContentIndex = 0;
          }
        }
      }

      @Override
      public boolean hasNext() {
        advance();
        return currentContent != null;
      }

      @Override
      public Object next() {
        advance();
        if (currentContent == null) {
          throw new NoSuchElementException();
        }
        Object value = currentContent.get(currentContentIndex++);
        if (currentContent.size() <= currentContentIndex) {
          currentContent = null;
        }
        return value;
      }
    };
  }

  public static void typeListForEachSnapshot(AbstractType<?> type, ListCallback<?> f, Snapshot snapshot) {
    int index = 0;
    for (Item n = type._start; n != null; n = n.right) {
      if (n.countable() && Snapshot.isVisible(n, snapshot)) {
        List<Object> c = n.content.getContent();
        for (int i = 0; i < c.size(); i++) {
          f.apply(c.get(i), index++, type);
        }
      }
    }
  }

  public static Object typeListGet(AbstractType<?> type, int index) {
    ArraySearchMarker marker = findMarker(type, index);
    Item n = type._start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
    }
    for (; n != null; n = n.right) {
      if (!n.deleted() && n.countable()) {
        if (index < n.length) {
          return contentAt(n.content, index);
        }
        index -= (int) n.length;
      }
    }
    return null;
  }

  private static Object contentAt(AbstractContent content, int index) {
    if (content instanceof ContentString) {
      return String.valueOf(((ContentString) content).str.charAt(index));
    }
    return content.getContent().get(index);
  }

  private static boolean isJsonLike(Object c) {
    return c == null || c instanceof Number || c instanceof Map || c instanceof Boolean || c instanceof List
        || c instanceof String || c == Undefined.INSTANCE;
  }

  public static void typeListInsertGenericsAfter(Transaction transaction, AbstractType<?> parent, Item referenceItem,
      List<?> content) {
    Item left = referenceItem;
    Doc doc = transaction.doc;
    long ownClientId = doc.clientID;
    StructStore store = doc.store;
    Item right = referenceItem == null ? parent._start : referenceItem.right;
    List<Object> jsonContent = new ArrayList<>();
    for (Object c : content) {
      if (isJsonLike(c)) {
        jsonContent.add(c);
        continue;
      }
      if (!jsonContent.isEmpty()) {
        left = new Item(new ID(ownClientId, StructStore.getState(store, ownClientId)), left,
            left == null ? null : left.lastId(), right, right == null ? null : right.id(), parent, null,
            new ContentAny(jsonContent));
        left.integrate(transaction, 0);
        jsonContent = new ArrayList<>();
      }
      AbstractContent ct;
      if (c instanceof byte[]) {
        ct = new ContentBinary(((byte[]) c).clone());
      } else if (c instanceof Doc) {
        ct = new ContentDoc((Doc) c);
      } else if (c instanceof AbstractType) {
        ct = new ContentType((AbstractType<?>) c);
      } else {
        throw new IllegalArgumentException("Unexpected content type in insert operation: " + c.getClass());
      }
      left = new Item(new ID(ownClientId, StructStore.getState(store, ownClientId)), left,
          left == null ? null : left.lastId(), right, right == null ? null : right.id(), parent, null, ct);
      left.integrate(transaction, 0);
    }
    if (!jsonContent.isEmpty()) {
      left = new Item(new ID(ownClientId, StructStore.getState(store, ownClientId)), left,
          left == null ? null : left.lastId(), right, right == null ? null : right.id(), parent, null,
          new ContentAny(jsonContent));
      left.integrate(transaction, 0);
    }
  }

  public static void typeListInsertGenerics(Transaction transaction, AbstractType<?> parent, int index, List<?> content) {
    if (index > parent._length || index < 0) {
      throw new IndexOutOfBoundsException("Length exceeded!");
    }
    if (index == 0) {
      if (parent._searchMarker != null) {
        updateMarkerChanges(parent, index, content.size());
      }
      typeListInsertGenericsAfter(transaction, parent, null, content);
      return;
    }
    int startIndex = index;
    ArraySearchMarker marker = findMarker(parent, index);
    Item n = parent._start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
      if (index == 0) {
        // step to the undeleted item on the left so that the index can decrease
        n = n.prev();
        index += (n != null && n.countable() && !n.deleted()) ? (int) n.length : 0;
      }
    }
    for (; n != null; n = n.right) {
      if (!n.deleted() && n.countable()) {
        if (index <= n.length) {
          if (index < n.length) {
            StructStore.getItemCleanStart(transaction, new ID(n.client, n.clock + index));
          }
          break;
        }
        index -= (int) n.length;
      }
    }
    if (parent._searchMarker != null) {
      updateMarkerChanges(parent, startIndex, content.size());
    }
    typeListInsertGenericsAfter(transaction, parent, n, content);
  }

  public static void typeListPushGenerics(Transaction transaction, AbstractType<?> parent, List<?> content) {
    // start from the marker with the highest index: it is closest to the end
    Item n = parent._start;
    if (parent._searchMarker != null) {
      int maxIndex = 0;
      for (ArraySearchMarker m : parent._searchMarker) {
        if (m.index > maxIndex) {
          maxIndex = m.index;
          n = m.p;
        }
      }
    }
    if (n != null) {
      while (n.right != null) {
        n = n.right;
      }
    }
    typeListInsertGenericsAfter(transaction, parent, n, content);
  }

  public static void typeListDelete(Transaction transaction, AbstractType<?> parent, int index, int length) {
    if (length == 0) {
      return;
    }
    int startIndex = index;
    int startLength = length;
    ArraySearchMarker marker = findMarker(parent, index);
    Item n = parent._start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
    }
    // find the first item to delete
    for (; n != null && index > 0; n = n.right) {
      if (!n.deleted() && n.countable()) {
        if (index < n.length) {
          StructStore.getItemCleanStart(transaction, new ID(n.client, n.clock + index));
        }
        index -= (int) n.length;
      }
    }
    while (length > 0 && n != null) {
      if (!n.deleted()) {
        if (length < n.length) {
          StructStore.getItemCleanStart(transaction, new ID(n.client, n.clock + length));
        }
        n.delete(transaction);
        length -= (int) n.length;
      }
      n = n.right;
    }
    if (length > 0) {
      throw new IndexOutOfBoundsException("Length exceeded!");
    }
    if (parent._searchMarker != null) {
      updateMarkerChanges(parent, startIndex, -startLength + length);
    }
  }

  // ---- map functions ----

  public static void typeMapDelete(Transaction transaction, AbstractType<?> parent, String key) {
    Item c = parent._map.get(key);
    if (c != null) {
      c.delete(transaction);
    }
  }

  public static void typeMapSet(Transaction transaction, AbstractType<?> parent, String key, Object value) {
    Item left = parent._map.get(key);
    Doc doc = transaction.doc;
    long ownClientId = doc.clientID;
    AbstractContent content;
    if (isJsonLike(value) || value instanceof BigInteger) {
      List<Object> l = new ArrayList<>(1);
      l.add(value);
      content = new ContentAny(l);
    } else if (value instanceof byte[]) {
      content = new ContentBinary((byte[]) value);
    } else if (value instanceof Doc) {
      content = new ContentDoc((Doc) value);
    } else if (value instanceof AbstractType) {
      content = new ContentType((AbstractType<?>) value);
    } else {
      throw new IllegalArgumentException("Unexpected content type: " + value.getClass());
    }
    new Item(new ID(ownClientId, StructStore.getState(doc.store, ownClientId)), left,
        left == null ? null : left.lastId(), null, null, parent, key, content).integrate(transaction, 0);
  }

  private static Object lastOf(Item val) {
    List<Object> c = val.content.getContent();
    return c.get((int) val.length - 1);
  }

  /** The current value of key, or null if absent. */
  public static Object typeMapGet(AbstractType<?> parent, String key) {
    Item val = parent._map.get(key);
    return val != null && !val.deleted() ? lastOf(val) : null;
  }

  public static Map<String, Object> typeMapGetAll(AbstractType<?> parent) {
    Map<String, Object> res = new LinkedHashMap<>();
    for (Map.Entry<String, Item> e : parent._map.entrySet()) {
      if (!e.getValue().deleted()) {
        res.put(e.getKey(), lastOf(e.getValue()));
      }
    }
    return res;
  }

  public static boolean typeMapHas(AbstractType<?> parent, String key) {
    Item val = parent._map.get(key);
    return val != null && !val.deleted();
  }

  private static boolean inSnapshotSv(Item v, Snapshot snapshot) {
    Long c = snapshot.sv.get(v.client);
    return c != null && v.clock < c;
  }

  public static Object typeMapGetSnapshot(AbstractType<?> parent, String key, Snapshot snapshot) {
    Item v = parent._map.get(key);
    while (v != null && !inSnapshotSv(v, snapshot)) {
      v = v.left;
    }
    return v != null && Snapshot.isVisible(v, snapshot) ? lastOf(v) : null;
  }

  public static Map<String, Object> typeMapGetAllSnapshot(AbstractType<?> parent, Snapshot snapshot) {
    Map<String, Object> res = new LinkedHashMap<>();
    for (Map.Entry<String, Item> e : parent._map.entrySet()) {
      Item v = e.getValue();
      while (v != null && !inSnapshotSv(v, snapshot)) {
        v = v.left;
      }
      if (v != null && Snapshot.isVisible(v, snapshot)) {
        res.put(e.getKey(), lastOf(v));
      }
    }
    return res;
  }

  /** Entries of the map part whose current value is not deleted. */
  public static Iterator<Map.Entry<String, Item>> createMapIterator(AbstractType<?> type) {
    List<Map.Entry<String, Item>> l = new ArrayList<>();
    for (Map.Entry<String, Item> e : type._map.entrySet()) {
      if (!e.getValue().deleted()) {
        l.add(e);
      }
    }
    return l.iterator();
  }
}
