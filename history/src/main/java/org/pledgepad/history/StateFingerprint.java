package org.pledgepad.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.AbstractType;
import org.pledgepad.crdt.ContentFormat;
import org.pledgepad.crdt.ContentString;
import org.pledgepad.crdt.ContentType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.ID;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.lib0.Json;

/**
 * A digest of a document's CRDT state that does not depend on how its items happen to be split
 * or merged: for every client and clock it covers the unit's content, origin, right origin and
 * parent, and runs of deleted clocks by their length. Two documents with equal fingerprints hold
 * the same structs, so a stored snapshot can be checked against a replay of the log even though
 * the bytes of encodeStateAsUpdate depend on the splitting history of the document that wrote it.
 */
public final class StateFingerprint {
  private StateFingerprint() {}

  public static byte[] of(Doc doc) {
    MessageDigest md = Framing.sha();
    List<Long> clients = new ArrayList<>(doc.store.clients.keySet());
    clients.sort(null);
    for (long client : clients) {
      put(md, "C" + client);
      long deletedRun = 0;
      for (AbstractStruct s : doc.store.clients.get(client)) {
        if (!(s instanceof Item item) || item.deleted()) {
          deletedRun += s.length;
          continue;
        }
        if (deletedRun > 0) {
          put(md, "D" + deletedRun);
          deletedRun = 0;
        }
        String parent = parentKey(item);
        String rightOrigin = idKey(item.rightOrigin());
        List<Object> units = item.content.getContent();
        int n = (int) item.length;
        for (int i = 0; i < n; i++) {
          ID origin = i == 0 ? item.origin() : new ID(client, item.clock + i - 1);
          put(md, "U" + idKey(origin) + "|" + rightOrigin + "|" + parent + "|" + item.parentSub + "|"
              + unit(item, units, i));
        }
      }
      if (deletedRun > 0) {
        put(md, "D" + deletedRun);
      }
    }
    return md.digest();
  }

  public static boolean sameState(Doc a, Doc b) {
    return MessageDigest.isEqual(of(a), of(b));
  }

  private static void put(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    md.update((byte) (b.length >>> 24));
    md.update((byte) (b.length >>> 16));
    md.update((byte) (b.length >>> 8));
    md.update((byte) b.length);
    md.update(b);
  }

  private static String idKey(ID id) {
    return id == null ? "-" : id.client + ":" + id.clock;
  }

  private static String parentKey(Item item) {
    if (item.parent instanceof AbstractType<?> t) {
      return t._item == null ? "root:" + ID.findRootTypeKey(t) : "in:" + idKey(t._item.id());
    }
    return "?" + item.parent;
  }

  private static String unit(Item item, List<Object> units, int i) {
    if (item.content instanceof ContentString cs) {
      return "s" + cs.str.charAt(i);
    }
    if (item.content instanceof ContentFormat f) {
      return "f" + f.key + "=" + json(f.value);
    }
    if (item.content instanceof ContentType ct) {
      String name = ct.type instanceof YXmlElement e ? e.nodeName : "";
      return "t" + ct.type.getClass().getSimpleName() + ":" + name;
    }
    Object u = i < units.size() ? units.get(i) : null;
    if (u instanceof byte[] b) {
      return "b" + Hashes.hex(b);
    }
    return item.content.getClass().getSimpleName() + json(u);
  }

  private static String json(Object v) {
    if (v instanceof Map<?, ?> || v instanceof List<?> || v instanceof String || v instanceof Number
        || v instanceof Boolean || v == null) {
      try {
        return Json.stringify(v);
      } catch (RuntimeException e) {
        return String.valueOf(v);
      }
    }
    return String.valueOf(v);
  }
}
