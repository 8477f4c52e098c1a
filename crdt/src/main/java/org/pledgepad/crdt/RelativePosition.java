package org.pledgepad.crdt;

// Follows yjs/src/utils/RelativePosition.js (yjs 13.6.33).

import java.util.LinkedHashMap;
import java.util.Map;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Encoder;

/**
 * A position that names the element it sits before (or after, when {@code assoc < 0}) instead
 * of a numeric index, so it stays put while other users insert and delete around it: cursors,
 * selections and annotation anchors are stored this way. Exactly one of {@code item} (a
 * position inside a list), {@code tname} (end of a root type) and {@code type} (end of a
 * nested type) decides where it points.
 */
public final class RelativePosition {
  /** Id of the item holding the nested type, when the position is at the end of that type. */
  public final ID type;
  /** Name of the root type, when the position is at the end of a root type. */
  public final String tname;
  /** The element the position is associated with. */
  public final ID item;
  /**
   * {@code >= 0}: associated with the element after the position (index 1 in "ab" sticks to
   * "b"); {@code < 0}: associated with the element before it.
   */
  public final int assoc;

  public RelativePosition(ID type, String tname, ID item) {
    this(type, tname, item, 0);
  }

  public RelativePosition(ID type, String tname, ID item, int assoc) {
    this.type = type;
    this.tname = tname;
    this.item = item;
    this.assoc = assoc;
  }

  /** JSON form as Yjs's relativePositionToJSON; ids become {client, clock} objects. */
  public static Map<String, Object> relativePositionToJSON(RelativePosition rpos) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (rpos.type != null) {
      json.put("type", idToJSON(rpos.type));
    }
    if (rpos.tname != null && !rpos.tname.isEmpty()) {
      json.put("tname", rpos.tname);
    }
    if (rpos.item != null) {
      json.put("item", idToJSON(rpos.item));
    }
    json.put("assoc", (long) rpos.assoc);
    return json;
  }

  private static Map<String, Object> idToJSON(ID id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client", id.client);
    m.put("clock", id.clock);
    return m;
  }

  /** Inverse of {@link #relativePositionToJSON}; accepts ids as maps or {@link ID} values. */
  public static RelativePosition createRelativePositionFromJSON(Map<String, ?> json) {
    Object assoc = json.get("assoc");
    Object tname = json.get("tname");
    return new RelativePosition(idFromJSON(json.get("type")), tname == null ? null : tname.toString(),
        idFromJSON(json.get("item")), assoc instanceof Number ? ((Number) assoc).intValue() : 0);
  }

  private static ID idFromJSON(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof ID) {
      return (ID) o;
    }
    if (o instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) o;
      return new ID(((Number) m.get("client")).longValue(), ((Number) m.get("clock")).longValue());
    }
    // Named by its type only: the value came with the position and may be anything a client sent.
    throw new IllegalArgumentException("not an id: a " + o.getClass().getSimpleName());
  }

  public static AbsolutePosition createAbsolutePosition(AbstractType<?> type, int index) {
    return new AbsolutePosition(type, index, 0);
  }

  public static AbsolutePosition createAbsolutePosition(AbstractType<?> type, int index, int assoc) {
    return new AbsolutePosition(type, index, assoc);
  }

  public static RelativePosition createRelativePosition(AbstractType<?> type, ID item, int assoc) {
    ID typeid = null;
    String tname = null;
    if (type._item == null) {
      tname = findRootTypeKey(type);
    } else {
      typeid = new ID(type._item.client, type._item.clock);
    }
    return new RelativePosition(typeid, tname, item, assoc);
  }

  /** The key under which a root type is stored in its doc's share. */
  private static String findRootTypeKey(AbstractType<?> type) {
    for (Map.Entry<String, ? extends AbstractType<?>> e : type.doc.share.entrySet()) {
      if (e.getValue() == type) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("unexpected case: type is not a root type of its doc");
  }

  public static RelativePosition createRelativePositionFromTypeIndex(AbstractType<?> type, int index) {
    return createRelativePositionFromTypeIndex(type, index, 0);
  }

  /** The relative position of {@code index} in {@code type} (UTF-16 units for text). */
  public static RelativePosition createRelativePositionFromTypeIndex(AbstractType<?> type, int index, int assoc) {
    long idx = index;
    Item t = type._start;
    if (assoc < 0) {
      // associated with the character on the left: nothing is left of index 0
      if (idx == 0) {
        return createRelativePosition(type, null, assoc);
      }
      idx--;
    }
    while (t != null) {
      if (!t.deleted() && t.countable()) {
        if (t.length > idx) {
          return createRelativePosition(type, new ID(t.client, t.clock + idx), assoc);
        }
        idx -= t.length;
      }
      if (t.right == null && assoc < 0) {
        // left-associated position after the last element: point at the last id
        return createRelativePosition(type, t.lastId(), assoc);
      }
      t = t.right;
    }
    return createRelativePosition(type, null, assoc);
  }

  public static Encoder writeRelativePosition(Encoder encoder, RelativePosition rpos) {
    if (rpos.item != null) {
      encoder.writeVarUint(0);
      encoder.writeVarUint(rpos.item.client);
      encoder.writeVarUint(rpos.item.clock);
    } else if (rpos.tname != null) {
      encoder.writeUint8(1);
      encoder.writeVarString(rpos.tname);
    } else if (rpos.type != null) {
      encoder.writeUint8(2);
      encoder.writeVarUint(rpos.type.client);
      encoder.writeVarUint(rpos.type.clock);
    } else {
      throw new IllegalStateException("unexpected case: empty relative position");
    }
    encoder.writeVarInt(rpos.assoc);
    return encoder;
  }

  public static byte[] encodeRelativePosition(RelativePosition rpos) {
    Encoder encoder = new Encoder();
    writeRelativePosition(encoder, rpos);
    return encoder.toUint8Array();
  }

  /** Reads a relative position; malformed input raises DecodingException. */
  public static RelativePosition readRelativePosition(Decoder decoder) {
    ID type = null;
    String tname = null;
    ID itemID = null;
    long kind = decoder.readVarUint();
    if (kind == 0) {
      itemID = new ID(decoder.readVarUint(), decoder.readVarUint());
    } else if (kind == 1) {
      tname = decoder.readVarString();
    } else if (kind == 2) {
      type = new ID(decoder.readVarUint(), decoder.readVarUint());
    } else {
      // Yjs decodes this into an empty position that throws on first use; reject it here so
      // that hostile input fails where it enters, with the one decoding exception type.
      throw new DecodingException("unknown relative position kind " + kind);
    }
    long assoc = decoder.hasContent() ? decoder.readVarInt() : 0;
    if (assoc < Integer.MIN_VALUE || assoc > Integer.MAX_VALUE) {
      throw new DecodingException("relative position assoc out of range: " + assoc);
    }
    return new RelativePosition(type, tname, itemID, (int) assoc);
  }

  public static RelativePosition decodeRelativePosition(byte[] uint8Array) {
    return readRelativePosition(new Decoder(uint8Array));
  }

  /** The struct containing {@code id}, following redone links as Item.followRedone does. */
  private static AbstractStruct followRedoneOrGet(StructStore store, ID id, boolean follow, long[] diffOut) {
    ID nextID = id;
    long diff = 0;
    AbstractStruct struct;
    do {
      if (diff > 0) {
        nextID = new ID(nextID.client, nextID.clock + diff);
      }
      struct = StructStore.getItem(store, nextID);
      diff = nextID.clock - struct.clock;
      nextID = follow && struct instanceof Item ? ((Item) struct).redone : null;
    } while (nextID != null);
    diffOut[0] = diff;
    return struct;
  }

  public static AbsolutePosition createAbsolutePositionFromRelativePosition(RelativePosition rpos, Doc doc) {
    return createAbsolutePositionFromRelativePosition(rpos, doc, true);
  }

  /**
   * Resolves {@code rpos} in {@code doc}; null if the doc does not know the referenced element
   * yet or it was garbage collected. Pass {@code followUndoneDeletions = false} for results that
   * agree across clients (only the undoing client knows which items recreated deleted ones).
   */
  public static AbsolutePosition createAbsolutePositionFromRelativePosition(RelativePosition rpos, Doc doc,
      boolean followUndoneDeletions) {
    StructStore store = doc.store;
    ID rightID = rpos.item;
    ID typeID = rpos.type;
    String tname = rpos.tname;
    int assoc = rpos.assoc;
    AbstractType<?> type;
    long index = 0;
    long[] diff = new long[1];
    if (rightID != null) {
      if (StructStore.getState(store, rightID.client) <= rightID.clock) {
        return null;
      }
      AbstractStruct res = followRedoneOrGet(store, rightID, followUndoneDeletions, diff);
      if (!(res instanceof Item)) {
        return null;
      }
      Item right = (Item) res;
      type = (AbstractType<?>) right.parent;
      if (type._item == null || !type._item.deleted()) {
        index = (right.deleted() || !right.countable()) ? 0 : (diff[0] + (assoc >= 0 ? 0 : 1));
        Item n = right.left;
        while (n != null) {
          if (!n.deleted() && n.countable()) {
            index += n.length;
          }
          n = n.left;
        }
      }
    } else {
      if (tname != null) {
        type = doc.get(tname);
      } else if (typeID != null) {
        if (StructStore.getState(store, typeID.client) <= typeID.clock) {
          return null;
        }
        AbstractStruct item = followRedoneOrGet(store, typeID, followUndoneDeletions, diff);
        if (item instanceof Item && ((Item) item).content instanceof ContentType) {
          type = ((ContentType) ((Item) item).content).type;
        } else {
          // garbage collected
          return null;
        }
      } else {
        throw new IllegalStateException("unexpected case: empty relative position");
      }
      index = assoc >= 0 ? type._length : 0;
    }
    return createAbsolutePosition(type, (int) index, rpos.assoc);
  }

  public static boolean compareRelativePositions(RelativePosition a, RelativePosition b) {
    return a == b || (a != null && b != null && java.util.Objects.equals(a.tname, b.tname)
        && ID.compareIDs(a.item, b.item) && ID.compareIDs(a.type, b.type) && a.assoc == b.assoc);
  }

  @Override
  public String toString() {
    return "RelativePosition" + relativePositionToJSON(this);
  }
}
