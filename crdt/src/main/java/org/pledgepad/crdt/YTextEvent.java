package org.pledgepad.crdt;

// Follows yjs/src/types/YText.js (yjs 13.6.33): YTextEvent.

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Change event of a {@link YText}. Its delta is the rich-text delta (Quill format); computing
 * it also removes redundant formatting items, as in Yjs.
 */
public class YTextEvent extends YEvent<YText> {
  /** True when the text content (not only attributes of the type) changed. */
  public boolean childListChanged = false;
  /** Attributes set on the type itself (setAttribute) that changed (read-only). */
  public final Set<String> keysChanged;

  public YTextEvent(YText ytext, Transaction transaction, Set<String> subs) {
    super(ytext, transaction);
    Set<String> keys = null;
    for (String sub : subs) {
      if (sub == null) {
        childListChanged = true;
      } else {
        if (keys == null) {
          keys = new LinkedHashSet<>();
        }
        keys.add(sub);
      }
    }
    // text edits change no attribute: no set for them
    keysChanged = keys == null ? java.util.Collections.emptySet() : keys;
  }

  @Override
  public Changes changes() {
    if (_changes == null) {
      _changes = new Changes(new LinkedHashSet<>(), new LinkedHashSet<>(), delta(), keys());
    }
    return _changes;
  }

  @Override
  public List<Map<String, Object>> delta() {
    if (_delta == null) {
      Doc y = target.doc;
      _delta = Transaction.transact(y, (java.util.function.Function<Transaction, List<Map<String, Object>>>) tr ->
          new DeltaBuilder(this, tr).build(), null, true);
    }
    return _delta;
  }

  /** The state of Yjs's delta closure: the op being accumulated and the attribute maps. */
  private static final class DeltaBuilder {
    final YTextEvent ev;
    final Transaction transaction;
    final List<Map<String, Object>> delta = new java.util.ArrayList<>();
    final Map<String, Object> currentAttributes = new LinkedHashMap<>();
    final Map<String, Object> oldAttributes = new LinkedHashMap<>();
    final Map<String, Object> attributes = new LinkedHashMap<>();
    String action = null;
    Object insert = "";
    int retain = 0;
    int deleteLen = 0;

    DeltaBuilder(YTextEvent ev, Transaction transaction) {
      this.ev = ev;
      this.transaction = transaction;
    }

    void addOp() {
      if (action == null) {
        return;
      }
      Map<String, Object> op = null;
      switch (action) {
        case "delete":
          if (deleteLen > 0) {
            op = new LinkedHashMap<>();
            op.put("delete", deleteLen);
          }
          deleteLen = 0;
          break;
        case "insert":
          if (!(insert instanceof String) || !((String) insert).isEmpty()) {
            op = new LinkedHashMap<>();
            op.put("insert", insert);
            if (!currentAttributes.isEmpty()) {
              Map<String, Object> attrs = new LinkedHashMap<>();
              for (Map.Entry<String, Object> e : currentAttributes.entrySet()) {
                if (e.getValue() != null) {
                  attrs.put(e.getKey(), e.getValue());
                }
              }
              op.put("attributes", attrs);
            }
          }
          insert = "";
          break;
        case "retain":
          if (retain > 0) {
            op = new LinkedHashMap<>();
            op.put("retain", retain);
            if (!attributes.isEmpty()) {
              op.put("attributes", new LinkedHashMap<>(attributes));
            }
          }
          retain = 0;
          break;
        default:
          break;
      }
      if (op != null) {
        delta.add(op);
      }
      action = null;
    }

    List<Map<String, Object>> build() {
      for (Item item = ev.target._start; item != null; item = item.right) {
        AbstractContent content = item.content;
        if (content instanceof ContentType || content instanceof ContentEmbed) {
          if (ev.adds(item)) {
            if (!ev.deletes(item)) {
              addOp();
              action = "insert";
              insert = content.getContent().get(0);
              addOp();
            }
          } else if (ev.deletes(item)) {
            if (!"delete".equals(action)) {
              addOp();
              action = "delete";
            }
            deleteLen += 1;
          } else if (!item.deleted()) {
            if (!"retain".equals(action)) {
              addOp();
              action = "retain";
            }
            retain += 1;
          }
        } else if (content instanceof ContentString) {
          if (ev.adds(item)) {
            if (!ev.deletes(item)) {
              if (!"insert".equals(action)) {
                addOp();
                action = "insert";
              }
              insert = (insert instanceof String ? (String) insert : "") + ((ContentString) content).str;
            }
          } else if (ev.deletes(item)) {
            if (!"delete".equals(action)) {
              addOp();
              action = "delete";
            }
            deleteLen += (int) item.length;
          } else if (!item.deleted()) {
            if (!"retain".equals(action)) {
              addOp();
              action = "retain";
            }
            retain += (int) item.length;
          }
        } else if (content instanceof ContentFormat) {
          ContentFormat cf = (ContentFormat) content;
          String key = cf.key;
          Object value = cf.value;
          if (ev.adds(item)) {
            if (!ev.deletes(item)) {
              Object curVal = currentAttributes.get(key);
              if (!YText.equalAttrs(curVal, value)) {
                if ("retain".equals(action)) {
                  addOp();
                }
                if (YText.equalAttrs(value, oldAttributes.get(key))) {
                  attributes.remove(key);
                } else {
                  attributes.put(key, value);
                }
              } else if (value != null) {
                item.delete(transaction);
              }
            }
          } else if (ev.deletes(item)) {
            oldAttributes.put(key, value);
            Object curVal = currentAttributes.get(key);
            if (!YText.equalAttrs(curVal, value)) {
              if ("retain".equals(action)) {
                addOp();
              }
              attributes.put(key, curVal);
            }
          } else if (!item.deleted()) {
            oldAttributes.put(key, value);
            if (attributes.containsKey(key)) {
              Object attr = attributes.get(key);
              if (!YText.equalAttrs(attr, value)) {
                if ("retain".equals(action)) {
                  addOp();
                }
                if (value == null) {
                  attributes.remove(key);
                } else {
                  attributes.put(key, value);
                }
              } else if (attr != null) {
                // redundant: the contextless cleanup would remove it anyway
                item.delete(transaction);
              }
            }
          }
          if (!item.deleted()) {
            if ("insert".equals(action)) {
              addOp();
            }
            YText.updateCurrentAttributes(currentAttributes, cf);
          }
        }
      }
      addOp();
      while (!delta.isEmpty()) {
        Map<String, Object> lastOp = delta.get(delta.size() - 1);
        if (lastOp.containsKey("retain") && !lastOp.containsKey("attributes")) {
          delta.remove(delta.size() - 1);
        } else {
          break;
        }
      }
      return delta;
    }
  }
}
