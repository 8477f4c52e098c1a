package org.pledgepad.crdt;

// Follows yjs/src/utils/YEvent.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pledgepad.crdt.lib0.Undefined;

/**
 * What changed in one type during one transaction, computed lazily from the transaction's
 * delete set and before-state (only valid while observers run). Delta operations are maps
 * like JavaScript's: {insert: …, attributes: …} / {retain: n} / {delete: n}.
 */
public class YEvent<T extends AbstractType<?>> {
  /** The type that changed. */
  public final T target;
  /** The type whose deep observer receives this event. */
  public AbstractType<?> currentTarget;
  public final Transaction transaction;
  protected Changes _changes = null;
  protected Map<String, EventChange> _keys = null;
  protected List<Map<String, Object>> _delta = null;
  List<Object> _path = null;

  /** One changed map key: action "add" | "update" | "delete" and the previous value. */
  public static final class EventChange {
    public final String action;
    /** The value before the change; Undefined.INSTANCE for "add". */
    public final Object oldValue;

    public EventChange(String action, Object oldValue) {
      this.action = action;
      this.oldValue = oldValue;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof EventChange && ((EventChange) o).action.equals(action)
          && java.util.Objects.equals(((EventChange) o).oldValue, oldValue);
    }

    @Override
    public int hashCode() {
      return action.hashCode();
    }

    @Override
    public String toString() {
      return "{action=" + action + ", oldValue=" + oldValue + "}";
    }
  }

  /** Yjs's event.changes. */
  public static final class Changes {
    public final Set<Item> added;
    public final Set<Item> deleted;
    public final List<Map<String, Object>> delta;
    public final Map<String, EventChange> keys;

    public Changes(Set<Item> added, Set<Item> deleted, List<Map<String, Object>> delta, Map<String, EventChange> keys) {
      this.added = added;
      this.deleted = deleted;
      this.delta = delta;
      this.keys = keys;
    }
  }

  public YEvent(T target, Transaction transaction) {
    this.target = target;
    this.currentTarget = target;
    this.transaction = transaction;
  }

  /** Path from currentTarget to target: map keys (String) and list indices (Integer). */
  public List<Object> path() {
    if (_path == null) {
      _path = getPathTo(currentTarget, target);
    }
    return _path;
  }

  /** Whether struct was deleted in this transaction. */
  public boolean deletes(AbstractStruct struct) {
    return DeleteSet.isDeleted(transaction.deleteSet, struct.client, struct.clock);
  }

  /** Whether struct was inserted in this transaction. */
  public boolean adds(AbstractStruct struct) {
    return struct.clock >= transaction.beforeStateOf(struct.client);
  }

  private void checkComputable() {
    if (transaction.doc._transactionCleanups.isEmpty()) {
      throw new IllegalStateException("You must not compute changes after the event-handler fired.");
    }
  }

  private static Object lastContent(Item item) {
    List<Object> c = item.content.getContent();
    return c.isEmpty() ? Undefined.INSTANCE : c.get(c.size() - 1);
  }

  public Map<String, EventChange> keys() {
    if (_keys == null) {
      checkComputable();
      Map<String, EventChange> keys = new LinkedHashMap<>();
      Set<String> changed = transaction.changed.get(target);
      if (changed != null) {
        for (String key : changed) {
          if (key == null) {
            continue;
          }
          Item item = target._map.get(key);
          String action;
          Object oldValue;
          if (adds(item)) {
            Item prev = item.left;
            while (prev != null && adds(prev)) {
              prev = prev.left;
            }
            if (deletes(item)) {
              if (prev != null && deletes(prev)) {
                action = "delete";
                oldValue = lastContent(prev);
              } else {
                continue;
              }
            } else {
              if (prev != null && deletes(prev)) {
                action = "update";
                oldValue = lastContent(prev);
              } else {
                action = "add";
                oldValue = Undefined.INSTANCE;
              }
            }
          } else {
            if (deletes(item)) {
              action = "delete";
              oldValue = lastContent(item);
            } else {
              continue;
            }
          }
          keys.put(key, new EventChange(action, oldValue));
        }
      }
      _keys = keys;
    }
    return _keys;
  }

  public List<Map<String, Object>> delta() {
    return changes().delta;
  }

  @SuppressWarnings("unchecked")
  public Changes changes() {
    Changes changes = _changes;
    if (changes == null) {
      checkComputable();
      Set<Item> added = new LinkedHashSet<>();
      Set<Item> deleted = new LinkedHashSet<>();
      List<Map<String, Object>> delta = new ArrayList<>();
      changes = new Changes(added, deleted, delta, keys());
      Set<String> changed = transaction.changed.get(target);
      if (changed != null && changed.contains(null)) {
        Map<String, Object> lastOp = null;
        for (Item item = target._start; item != null; item = item.right) {
          if (item.deleted()) {
            if (deletes(item) && !adds(item)) {
              if (lastOp == null || !lastOp.containsKey("delete")) {
                if (lastOp != null) {
                  delta.add(lastOp);
                }
                lastOp = new LinkedHashMap<>();
                lastOp.put("delete", 0);
              }
              lastOp.put("delete", (Integer) lastOp.get("delete") + (int) item.length);
              deleted.add(item);
            }
          } else {
            if (adds(item)) {
              if (lastOp == null || !lastOp.containsKey("insert")) {
                if (lastOp != null) {
                  delta.add(lastOp);
                }
                lastOp = new LinkedHashMap<>();
                lastOp.put("insert", new ArrayList<Object>());
              }
              ((List<Object>) lastOp.get("insert")).addAll(item.content.getContent());
              added.add(item);
            } else {
              if (lastOp == null || !lastOp.containsKey("retain")) {
                if (lastOp != null) {
                  delta.add(lastOp);
                }
                lastOp = new LinkedHashMap<>();
                lastOp.put("retain", 0);
              }
              lastOp.put("retain", (Integer) lastOp.get("retain") + (int) item.length);
            }
          }
        }
        if (lastOp != null && !lastOp.containsKey("retain")) {
          delta.add(lastOp);
        }
      }
      _changes = changes;
    }
    return changes;
  }

  static List<Object> getPathTo(AbstractType<?> parent, AbstractType<?> child) {
    ArrayList<Object> path = new ArrayList<>();
    while (child._item != null && child != parent) {
      if (child._item.parentSub != null) {
        path.add(child._item.parentSub);
      } else {
        int i = 0;
        Item c = ((AbstractType<?>) child._item.parent)._start;
        while (c != child._item && c != null) {
          if (!c.deleted() && c.countable()) {
            i += (int) c.length;
          }
          c = c.right;
        }
        path.add(i);
      }
      child = (AbstractType<?>) child._item.parent;
    }
    java.util.Collections.reverse(path);
    return path;
  }
}
