package org.pledgepad.crdt;

// Follows yjs/src/types/YText.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Shared rich text. Formatting is stored as ContentFormat items that switch an attribute on or
 * off from their position onwards; indices count UTF-16 code units. Attribute maps iterate in
 * insertion order (JavaScript would put integer-like attribute names first).
 */
public class YText extends AbstractType<YTextEvent> {
  private List<Runnable> _pending;
  /** Set once a format item was integrated; enables the formatting cleanup. */
  public boolean _hasFormatting = false;

  public YText() {
    _pending = new ArrayList<>();
    _searchMarker = new ArrayList<>();
  }

  public YText(String string) {
    this();
    _pending.add(() -> insert(0, string));
  }

  // ---- attribute helpers ----

  /** JavaScript's === on decoded values: numbers by value, objects and arrays by identity. */
  static boolean strictEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof Map || a instanceof List || b instanceof Map || b instanceof List || a instanceof byte[]) {
      return false;
    }
    return a.equals(b);
  }

  /** Yjs's equalAttrs: identical, or flat-equal objects. */
  @SuppressWarnings("unchecked")
  public static boolean equalAttrs(Object a, Object b) {
    if (strictEquals(a, b)) {
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<String, Object> ma = (Map<String, Object>) a;
      Map<String, Object> mb = (Map<String, Object>) b;
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<String, Object> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !strictEquals(mb.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List && b instanceof List) {
      List<Object> la = (List<Object>) a;
      List<Object> lb = (List<Object>) b;
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!strictEquals(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  static void updateCurrentAttributes(Map<String, Object> currentAttributes, ContentFormat format) {
    if (format.value == null) {
      currentAttributes.remove(format.key);
    } else {
      currentAttributes.put(format.key, format.value);
    }
  }

  private static ItemTextListPosition findNextPosition(Transaction transaction, ItemTextListPosition pos, int count) {
    while (pos.right != null && count > 0) {
      if (pos.right.content instanceof ContentFormat) {
        if (!pos.right.deleted()) {
          updateCurrentAttributes(pos.currentAttributes, (ContentFormat) pos.right.content);
        }
      } else if (!pos.right.deleted()) {
        if (count < pos.right.length) {
          // split right so that the position falls exactly between two items
          StructStore.getItemCleanStart(transaction, new ID(pos.right.client, pos.right.clock + count));
        }
        pos.index += (int) pos.right.length;
        count -= (int) pos.right.length;
      }
      pos.left = pos.right;
      pos.right = pos.right.right;
    }
    return pos;
  }

  private static ItemTextListPosition findPosition(Transaction transaction, AbstractType<?> parent, int index,
      boolean useSearchMarker) {
    Map<String, Object> currentAttributes = new LinkedHashMap<>();
    ArraySearchMarker marker = useSearchMarker ? findMarker(parent, index) : null;
    if (marker != null) {
      ItemTextListPosition pos = new ItemTextListPosition(marker.p.left, marker.p, marker.index, currentAttributes);
      return findNextPosition(transaction, pos, index - marker.index);
    } else {
      ItemTextListPosition pos = new ItemTextListPosition(null, parent._start, 0, currentAttributes);
      return findNextPosition(transaction, pos, index);
    }
  }

  private static Item newItem(Transaction transaction, Item left, Item right, AbstractType<?> parent,
      AbstractContent content) {
    Doc doc = transaction.doc;
    long ownClientId = doc.clientID;
    return new Item(new ID(ownClientId, StructStore.getState(doc.store, ownClientId)), left,
        left == null ? null : left.lastId(), right, right == null ? null : right.id(), parent, null, content);
  }

  /** After an insertion, restores the attributes that were active before it. */
  private static void insertNegatedAttributes(Transaction transaction, AbstractType<?> parent,
      ItemTextListPosition currPos, Map<String, Object> negatedAttributes) {
    // skip formats that already produce the wanted state
    while (currPos.right != null && (currPos.right.deleted()
        || (currPos.right.content instanceof ContentFormat
            && negatedAttributes.containsKey(((ContentFormat) currPos.right.content).key)
            // a missing key is undefined in Yjs, which equals no value (not even null)
            && equalAttrs(negatedAttributes.get(((ContentFormat) currPos.right.content).key),
                ((ContentFormat) currPos.right.content).value)))) {
      if (!currPos.right.deleted()) {
        negatedAttributes.remove(((ContentFormat) currPos.right.content).key);
      }
      currPos.forward();
    }
    for (Map.Entry<String, Object> e : negatedAttributes.entrySet()) {
      Item nextFormat = newItem(transaction, currPos.left, currPos.right, parent, new ContentFormat(e.getKey(), e.getValue()));
      nextFormat.integrate(transaction, 0);
      currPos.right = nextFormat;
      currPos.forward();
    }
  }

  private static void minimizeAttributeChanges(ItemTextListPosition currPos, Map<String, Object> attributes) {
    // go right while attributes[right.key] === right.value (or right is deleted)
    while (true) {
      if (currPos.right == null) {
        break;
      } else if (currPos.right.deleted() || (currPos.right.content instanceof ContentFormat
          && equalAttrs(attributes.get(((ContentFormat) currPos.right.content).key),
              ((ContentFormat) currPos.right.content).value))) {
        // continue
      } else {
        break;
      }
      currPos.forward();
    }
  }

  private static Map<String, Object> insertAttributes(Transaction transaction, AbstractType<?> parent,
      ItemTextListPosition currPos, Map<String, Object> attributes) {
    if (attributes.isEmpty()) {
      // read only: without attributes nothing is negated (callers change it only for their keys)
      return java.util.Collections.emptyMap();
    }
    Map<String, Object> negatedAttributes = new LinkedHashMap<>();
    // `for (const key in attributes)`: integer-like names first, as JavaScript orders properties
    for (Map.Entry<String, Object> e : org.pledgepad.crdt.lib0.JsObjects.entriesInPropertyOrder(attributes)) {
      String key = e.getKey();
      Object val = e.getValue();
      Object currentVal = currPos.currentAttributes.get(key);
      if (!equalAttrs(currentVal, val)) {
        // save negated attribute (set null if currentVal undefined)
        negatedAttributes.put(key, currentVal);
        currPos.right = newItem(transaction, currPos.left, currPos.right, parent, new ContentFormat(key, val));
        currPos.right.integrate(transaction, 0);
        currPos.forward();
      }
    }
    return negatedAttributes;
  }

  private static void insertText(Transaction transaction, AbstractType<?> parent, ItemTextListPosition currPos,
      Object text, Map<String, Object> attrs) {
    // plain typing has no attributes at all: skip the copies (this path dominates editing traces)
    Map<String, Object> attributes = attrs;
    if (!currPos.currentAttributes.isEmpty()) {
      attributes = new LinkedHashMap<>(attrs);
      for (String key : currPos.currentAttributes.keySet()) {
        if (!attributes.containsKey(key)) {
          attributes.put(key, null);
        }
      }
    }
    minimizeAttributeChanges(currPos, attributes);
    Map<String, Object> negatedAttributes = insertAttributes(transaction, parent, currPos, attributes);
    AbstractContent content = text instanceof String ? new ContentString((String) text)
        : (text instanceof AbstractType ? new ContentType((AbstractType<?>) text) : new ContentEmbed(text));
    Item left = currPos.left;
    Item right = currPos.right;
    int index = currPos.index;
    if (parent._searchMarker != null) {
      updateMarkerChanges(parent, currPos.index, (int) content.getLength());
    }
    right = newItem(transaction, left, right, parent, content);
    right.integrate(transaction, 0);
    currPos.right = right;
    currPos.index = index;
    currPos.forward();
    insertNegatedAttributes(transaction, parent, currPos, negatedAttributes);
  }

  private static void formatText(Transaction transaction, AbstractType<?> parent, ItemTextListPosition currPos,
      int length, Map<String, Object> attributes) {
    minimizeAttributeChanges(currPos, attributes);
    Map<String, Object> negatedAttributes = insertAttributes(transaction, parent, currPos, attributes);
    iterationLoop:
    while (currPos.right != null && (length > 0 || (!negatedAttributes.isEmpty()
        && (currPos.right.deleted() || currPos.right.content instanceof ContentFormat)))) {
      if (!currPos.right.deleted()) {
        if (currPos.right.content instanceof ContentFormat) {
          ContentFormat cf = (ContentFormat) currPos.right.content;
          String key = cf.key;
          Object value = cf.value;
          if (attributes.containsKey(key)) {
            Object attr = attributes.get(key);
            if (equalAttrs(attr, value)) {
              negatedAttributes.remove(key);
            } else {
              if (length == 0) {
                // no need to further extend negatedAttributes
                break iterationLoop;
              }
              negatedAttributes.put(key, value);
            }
            currPos.right.delete(transaction);
          } else {
            currPos.currentAttributes.put(key, value);
          }
        } else {
          if (length < currPos.right.length) {
            StructStore.getItemCleanStart(transaction, new ID(currPos.right.client, currPos.right.clock + length));
          }
          length -= (int) currPos.right.length;
        }
      }
      currPos.forward();
    }
    // formatting past the end: Quill semantics append newlines
    if (length > 0) {
      StringBuilder newlines = new StringBuilder();
      for (; length > 0; length--) {
        newlines.append('\n');
      }
      currPos.right = newItem(transaction, currPos.left, currPos.right, parent, new ContentString(newlines.toString()));
      currPos.right.integrate(transaction, 0);
      currPos.forward();
    }
    insertNegatedAttributes(transaction, parent, currPos, negatedAttributes);
  }

  /** Deletes formats between start and curr that have no effect; returns how many. */
  private static int cleanupFormattingGap(Transaction transaction, Item start, Item curr,
      Map<String, Object> startAttributes, Map<String, Object> currAttributes) {
    Item end = start;
    Map<String, ContentFormat> endFormats = new LinkedHashMap<>();
    while (end != null && (!end.countable() || end.deleted())) {
      if (!end.deleted() && end.content instanceof ContentFormat) {
        ContentFormat cf = (ContentFormat) end.content;
        endFormats.put(cf.key, cf);
      }
      end = end.right;
    }
    int cleanups = 0;
    boolean reachedCurr = false;
    while (start != end) {
      if (curr == start) {
        reachedCurr = true;
      }
      if (!start.deleted()) {
        AbstractContent content = start.content;
        if (content instanceof ContentFormat) {
          ContentFormat cf = (ContentFormat) content;
          String key = cf.key;
          Object value = cf.value;
          Object startAttrValue = startAttributes.get(key);
          if (endFormats.get(key) != content || strictEquals(startAttrValue, value)) {
            // either this format is overwritten or it is not necessary because the attribute already existed
            start.delete(transaction);
            cleanups++;
            if (!reachedCurr && strictEquals(currAttributes.get(key), value) && !strictEquals(startAttrValue, value)) {
              if (startAttrValue == null) {
                currAttributes.remove(key);
              } else {
                currAttributes.put(key, startAttrValue);
              }
            }
          }
          if (!reachedCurr && !start.deleted()) {
            updateCurrentAttributes(currAttributes, cf);
          }
        }
      }
      start = start.right;
    }
    return cleanups;
  }

  private static void cleanupContextlessFormattingGap(Transaction transaction, Item item) {
    // iterate until item.right is null or content
    while (item != null && item.right != null && (item.right.deleted() || !item.right.countable())) {
      item = item.right;
    }
    Set<String> attrs = new LinkedHashSet<>();
    // iterate back until a content item is found
    while (item != null && (item.deleted() || !item.countable())) {
      if (!item.deleted() && item.content instanceof ContentFormat) {
        String key = ((ContentFormat) item.content).key;
        if (attrs.contains(key)) {
          item.delete(transaction);
        } else {
          attrs.add(key);
        }
      }
      item = item.left;
    }
  }

  /** Removes all redundant format items of type; returns how many were removed. */
  public static int cleanupYTextFormatting(YText type) {
    int[] res = {0};
    Transaction.transact(type.doc, transaction -> {
      Item start = type._start;
      Item end = type._start;
      Map<String, Object> startAttributes = new LinkedHashMap<>();
      Map<String, Object> currentAttributes = new LinkedHashMap<>(startAttributes);
      while (end != null) {
        if (!end.deleted()) {
          if (end.content instanceof ContentFormat) {
            updateCurrentAttributes(currentAttributes, (ContentFormat) end.content);
          } else {
            res[0] += cleanupFormattingGap(transaction, start, end, startAttributes, currentAttributes);
            startAttributes = new LinkedHashMap<>(currentAttributes);
            start = end;
          }
        }
        end = end.right;
      }
    });
    return res[0];
  }

  /** After remote changes to formatted text, removes formats that became redundant. */
  public static void cleanupYTextAfterTransaction(Transaction transaction) {
    Set<YText> needFullCleanup = new LinkedHashSet<>();
    Doc doc = transaction.doc;
    for (Map.Entry<Long, Long> e : transaction.afterState.entrySet()) {
      long client = e.getKey();
      long afterClock = e.getValue();
      long clock = transaction.beforeStateOf(client);
      if (afterClock == clock) {
        continue;
      }
      // Yjs passes afterClock as the length here, which iterates to the end of the client's structs
      StructStore.iterateStructs(transaction, doc.store.clients.get(client), clock, afterClock, item -> {
        if (!item.deleted() && item instanceof Item && ((Item) item).content instanceof ContentFormat
            && ((Item) item).parent instanceof YText) {
          needFullCleanup.add((YText) ((Item) item).parent);
        }
      });
    }
    Transaction.transact(doc, t -> {
      DeleteSet.iterateDeletedStructs(transaction, transaction.deleteSet, item -> {
        if (item instanceof GC || !(((Item) item).parent instanceof YText)
            || !((YText) ((Item) item).parent)._hasFormatting || needFullCleanup.contains(((Item) item).parent)) {
          return;
        }
        YText parent = (YText) ((Item) item).parent;
        if (((Item) item).content instanceof ContentFormat) {
          needFullCleanup.add(parent);
        } else {
          // If no formatting attribute was inserted or deleted, we can make due with contextless
          // formatting cleanups. Contextless: it is not necessary to compute currentAttributes for the affected position.
          cleanupContextlessFormattingGap(t, (Item) item);
        }
      });
      // If a formatting item was inserted, we simply clean the whole type.
      for (YText yText : needFullCleanup) {
        cleanupYTextFormatting(yText);
      }
    });
  }

  private static ItemTextListPosition deleteText(Transaction transaction, ItemTextListPosition currPos, int length) {
    int startLength = length;
    // cleanupFormattingGap only reads it; plain text has no attributes to copy
    Map<String, Object> startAttrs = currPos.currentAttributes.isEmpty() ? java.util.Collections.emptyMap()
        : new LinkedHashMap<>(currPos.currentAttributes);
    Item start = currPos.right;
    while (length > 0 && currPos.right != null) {
      if (!currPos.right.deleted()) {
        AbstractContent c = currPos.right.content;
        if (c instanceof ContentType || c instanceof ContentEmbed || c instanceof ContentString) {
          if (length < currPos.right.length) {
            StructStore.getItemCleanStart(transaction, new ID(currPos.right.client, currPos.right.clock + length));
          }
          length -= (int) currPos.right.length;
          currPos.right.delete(transaction);
        }
      }
      currPos.forward();
    }
    if (start != null) {
      cleanupFormattingGap(transaction, start, currPos.right, startAttrs, currPos.currentAttributes);
    }
    Item ref = currPos.left != null ? currPos.left : currPos.right;
    if (ref != null) {
      AbstractType<?> parent = (AbstractType<?>) ref.parent;
      if (parent._searchMarker != null) {
        updateMarkerChanges(parent, currPos.index, -startLength + length);
      }
    }
    return currPos;
  }

  // ---- instance API ----

  public int length() {
    return _length;
  }

  @Override
  public void _integrate(Doc y, Item item) {
    super._integrate(y, item);
    List<Runnable> pending = _pending;
    _pending = null;
    if (pending != null) {
      for (Runnable f : pending) {
        f.run();
      }
    }
  }

  @Override
  public YText _copy() {
    return new YText();
  }

  @Override
  public YText clone() {
    YText text = new YText();
    text.applyDelta(toDelta());
    return text;
  }

  @Override
  public void _callObserver(Transaction transaction, Set<String> parentSubs) {
    super._callObserver(transaction, parentSubs);
    YTextEvent event = new YTextEvent(this, transaction, parentSubs);
    callTypeObservers(this, transaction, event);
    // remote formatting changes may leave redundant format items behind
    if (!transaction.local && _hasFormatting) {
      transaction._needFormattingCleanup = true;
    }
  }

  /** The plain text, without embeds and formatting. */
  @Override
  public String toString() {
    StringBuilder str = new StringBuilder();
    for (Item n = _start; n != null; n = n.right) {
      if (!n.deleted() && n.countable() && n.content instanceof ContentString) {
        str.append(((ContentString) n.content).str);
      }
    }
    return str.toString();
  }

  @Override
  public Object toJSON() {
    return toString();
  }

  public void applyDelta(List<Map<String, Object>> delta) {
    applyDelta(delta, true);
  }

  /**
   * Applies a Quill delta: {insert, attributes?}, {retain, attributes?}, {delete}. Without
   * sanitize, a trailing newline of the last insert at the end is dropped, as Yjs does.
   */
  @SuppressWarnings("unchecked")
  public void applyDelta(List<Map<String, Object>> delta, boolean sanitize) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        ItemTextListPosition currPos = new ItemTextListPosition(null, _start, 0, new LinkedHashMap<>());
        for (int i = 0; i < delta.size(); i++) {
          Map<String, Object> op = delta.get(i);
          Map<String, Object> attrs = op.get("attributes") instanceof Map
              ? (Map<String, Object>) op.get("attributes") : new LinkedHashMap<>();
          if (op.containsKey("insert")) {
            Object ins = op.get("insert");
            if (!sanitize && ins instanceof String && i == delta.size() - 1 && currPos.right == null
                && ((String) ins).endsWith("\n")) {
              ins = ((String) ins).substring(0, ((String) ins).length() - 1);
            }
            if (!(ins instanceof String) || !((String) ins).isEmpty()) {
              insertText(transaction, this, currPos, ins, attrs);
            }
          } else if (op.containsKey("retain")) {
            formatText(transaction, this, currPos, ((Number) op.get("retain")).intValue(), new LinkedHashMap<>(attrs));
          } else if (op.containsKey("delete")) {
            deleteText(transaction, currPos, ((Number) op.get("delete")).intValue());
          }
        }
      });
    } else {
      _pending.add(() -> applyDelta(delta, sanitize));
    }
  }

  public List<Map<String, Object>> toDelta() {
    return toDelta(null, null, null);
  }

  public List<Map<String, Object>> toDelta(Snapshot snapshot) {
    return toDelta(snapshot, null, null);
  }

  public List<Map<String, Object>> toDelta(Snapshot snapshot, Snapshot prevSnapshot) {
    return toDelta(snapshot, prevSnapshot, null);
  }

  /**
   * The content as a delta. With snapshots, content visible in prevSnapshot but not in snapshot
   * (or the reverse) is marked with a "ychange" attribute computed by computeYChange.
   */
  public List<Map<String, Object>> toDelta(Snapshot snapshot, Snapshot prevSnapshot,
      BiFunction<String, ID, Object> computeYChange) {
    List<Map<String, Object>> ops = new ArrayList<>();
    Map<String, Object> currentAttributes = new LinkedHashMap<>();
    StringBuilder str = new StringBuilder();
    Runnable packStr = () -> {
      if (str.length() > 0) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("insert", str.toString());
        if (!currentAttributes.isEmpty()) {
          op.put("attributes", new LinkedHashMap<>(currentAttributes));
        }
        ops.add(op);
        str.setLength(0);
      }
    };
    Runnable computeDelta = () -> {
      for (Item n = _start; n != null; n = n.right) {
        if (Snapshot.isVisible(n, snapshot) || (prevSnapshot != null && Snapshot.isVisible(n, prevSnapshot))) {
          AbstractContent c = n.content;
          if (c instanceof ContentString) {
            Object cur = currentAttributes.get("ychange");
            if (snapshot != null && !Snapshot.isVisible(n, snapshot)) {
              if (!isYChange(cur, n.client, "removed")) {
                packStr.run();
                currentAttributes.put("ychange", computeYChange != null ? computeYChange.apply("removed", n.id()) : typeOnly("removed"));
              }
            } else if (prevSnapshot != null && !Snapshot.isVisible(n, prevSnapshot)) {
              if (!isYChange(cur, n.client, "added")) {
                packStr.run();
                currentAttributes.put("ychange", computeYChange != null ? computeYChange.apply("added", n.id()) : typeOnly("added"));
              }
            } else if (cur != null) {
              packStr.run();
              currentAttributes.remove("ychange");
            }
            str.append(((ContentString) c).str);
          } else if (c instanceof ContentType || c instanceof ContentEmbed) {
            packStr.run();
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("insert", c.getContent().get(0));
            if (!currentAttributes.isEmpty()) {
              op.put("attributes", new LinkedHashMap<>(currentAttributes));
            }
            ops.add(op);
          } else if (c instanceof ContentFormat) {
            if (Snapshot.isVisible(n, snapshot)) {
              packStr.run();
              updateCurrentAttributes(currentAttributes, (ContentFormat) c);
            }
          }
        }
      }
      packStr.run();
    };
    if (snapshot != null || prevSnapshot != null) {
      // snapshots may cut items in the middle: split them, in a transaction that cleans up after
      Transaction.transact(doc, transaction -> {
        if (snapshot != null) {
          Snapshot.splitSnapshotAffectedStructs(transaction, snapshot);
        }
        if (prevSnapshot != null) {
          Snapshot.splitSnapshotAffectedStructs(transaction, prevSnapshot);
        }
        computeDelta.run();
      }, "cleanup");
    } else {
      computeDelta.run();
    }
    return ops;
  }

  private static Map<String, Object> typeOnly(String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    return m;
  }

  /** cur.user === client && cur.type === type, for the ychange attribute. */
  private static boolean isYChange(Object cur, long client, String type) {
    if (!(cur instanceof Map)) {
      return false;
    }
    Object user = ((Map<?, ?>) cur).get("user");
    return user instanceof Number && ((Number) user).doubleValue() == (double) client
        && type.equals(((Map<?, ?>) cur).get("type"));
  }

  public void insert(int index, String text) {
    insert(index, text, null);
  }

  /** Inserts text; with attributes null, the text takes the formatting at index. */
  public void insert(int index, String text, Map<String, Object> attributes) {
    if (text.length() <= 0) {
      return;
    }
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        ItemTextListPosition pos = findPosition(transaction, this, index, attributes == null);
        Map<String, Object> attrs = attributes;
        if (attrs == null) {
          attrs = pos.currentAttributes.isEmpty() ? java.util.Collections.emptyMap()
              : new LinkedHashMap<>(pos.currentAttributes);
        }
        insertText(transaction, this, pos, text, attrs);
      });
    } else {
      _pending.add(() -> insert(index, text, attributes));
    }
  }

  public void insertEmbed(int index, Object embed) {
    insertEmbed(index, embed, null);
  }

  public void insertEmbed(int index, Object embed, Map<String, Object> attributes) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        ItemTextListPosition pos = findPosition(transaction, this, index, attributes == null);
        insertText(transaction, this, pos, embed, attributes == null ? new LinkedHashMap<>() : attributes);
      });
    } else {
      _pending.add(() -> insertEmbed(index, embed, attributes == null ? new LinkedHashMap<>() : attributes));
    }
  }

  public void delete(int index, int length) {
    if (length == 0) {
      return;
    }
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        deleteText(transaction, findPosition(transaction, this, index, true), length);
      });
    } else {
      _pending.add(() -> delete(index, length));
    }
  }

  public void format(int index, int length, Map<String, Object> attributes) {
    if (length == 0) {
      return;
    }
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        ItemTextListPosition pos = findPosition(transaction, this, index, false);
        if (pos.right == null) {
          return;
        }
        formatText(transaction, this, pos, length, new LinkedHashMap<>(attributes));
      });
    } else {
      _pending.add(() -> format(index, length, attributes));
    }
  }

  public void removeAttribute(String attributeName) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        typeMapDelete(transaction, this, attributeName);
      });
    } else {
      _pending.add(() -> removeAttribute(attributeName));
    }
  }

  public void setAttribute(String attributeName, Object attributeValue) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        typeMapSet(transaction, this, attributeName, attributeValue);
      });
    } else {
      _pending.add(() -> setAttribute(attributeName, attributeValue));
    }
  }

  public Object getAttribute(String attributeName) {
    return typeMapGet(this, attributeName);
  }

  public Map<String, Object> getAttributes() {
    return typeMapGetAll(this);
  }

  @Override
  public void _write(UpdateEncoder encoder) {
    encoder.writeTypeRef(ContentType.YTextRefID);
  }

  public static YText readYText(UpdateDecoder decoder) {
    return new YText();
  }
}
