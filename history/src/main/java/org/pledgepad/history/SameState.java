package org.pledgepad.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
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
 * Whether two documents hold the same CRDT state, however their items happen to be split or
 * merged (the bytes of encodeStateAsUpdate depend on the splitting history of the document that
 * wrote them, so a stored snapshot cannot be compared with a replay by its bytes):
 *
 * <ul>
 *   <li>per client and clock, the same units are deleted, and every other unit has the same
 *       content, origin, right origin, parent and parent key; deleted units are compared by
 *       position only, because garbage collection and erasure rebuilds drop their content;
 *   <li>every list reachable from the roots holds the same units (deleted ones included) in the
 *       same order, and every map the same newest entry per key. Without this a snapshot could
 *       keep each visible unit's origins yet move the deleted unit one of them hangs on, and
 *       with it the visible text.
 * </ul>
 *
 * <p>Both walks go run by run, not unit by unit: the verifier runs this once per stored snapshot,
 * so its cost is what checking every snapshot costs (history/README.md, "Benchmarks").
 */
public final class SameState {
  private SameState() {}

  public static boolean of(Doc a, Doc b) {
    return sameStructs(a, b) && sameOrder(a, b);
  }

  private static boolean sameStructs(Doc a, Doc b) {
    Map<Long, ArrayList<AbstractStruct>> ca = a.store.clients;
    Map<Long, ArrayList<AbstractStruct>> cb = b.store.clients;
    if (!ca.keySet().equals(cb.keySet())) {
      return false;
    }
    for (Map.Entry<Long, ArrayList<AbstractStruct>> e : ca.entrySet()) {
      if (!sameClient(e.getValue(), cb.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Walks one client's structs of both documents in clock order, a common span at a time. */
  private static boolean sameClient(List<AbstractStruct> xs, List<AbstractStruct> ys) {
    int i = 0;
    int j = 0;
    long oi = 0;
    long oj = 0;
    while (i < xs.size() && j < ys.size()) {
      AbstractStruct x = xs.get(i);
      AbstractStruct y = ys.get(j);
      if (x.clock + oi != y.clock + oj) {
        return false;
      }
      long n = Math.min(x.length - oi, y.length - oj);
      boolean xd = !(x instanceof Item xi) || xi.deleted();
      boolean yd = !(y instanceof Item yi) || yi.deleted();
      if (xd != yd) {
        return false;
      }
      if (!xd && !sameUnits((Item) x, oi, (Item) y, oj, (int) n)) {
        return false;
      }
      oi += n;
      oj += n;
      if (oi == x.length) {
        i++;
        oi = 0;
      }
      if (oj == y.length) {
        j++;
        oj = 0;
      }
    }
    return i == xs.size() && j == ys.size();
  }

  /** Units [ox, ox+n) of x against [oy, oy+n) of y; inside an item each unit's origin is its left neighbour. */
  private static boolean sameUnits(Item x, long ox, Item y, long oy, int n) {
    if (ox == 0 || oy == 0) {
      long xc = ox == 0 ? x.originClient : x.client;
      long xk = ox == 0 ? x.originClock : x.clock + ox - 1;
      long yc = oy == 0 ? y.originClient : y.client;
      long yk = oy == 0 ? y.originClock : y.clock + oy - 1;
      if (xc != yc || (xc != Item.NONE && xk != yk)) {
        return false;
      }
    }
    if (x.rightOriginClient != y.rightOriginClient
        || (x.rightOriginClient != Item.NONE && x.rightOriginClock != y.rightOriginClock)
        || !Objects.equals(x.parentSub, y.parentSub) || !sameParent(x.parent, y.parent)) {
      return false;
    }
    if (x.content instanceof ContentString sx) {
      return y.content instanceof ContentString sy && sx.str.regionMatches((int) ox, sy.str, (int) oy, n);
    }
    if (x.content.getClass() != y.content.getClass()) {
      return false;
    }
    if (x.content instanceof ContentFormat fx) {
      ContentFormat fy = (ContentFormat) y.content;
      return fx.key.equals(fy.key) && json(fx.value).equals(json(fy.value));
    }
    if (x.content instanceof ContentType tx) {
      AbstractType<?> ty = ((ContentType) y.content).type;
      return tx.type.getClass() == ty.getClass() && nodeName(tx.type).equals(nodeName(ty));
    }
    List<Object> ux = x.content.getContent();
    List<Object> uy = y.content.getContent();
    for (int k = 0; k < n; k++) {
      if (!unit(x, ux, (int) ox + k).equals(unit(y, uy, (int) oy + k))) {
        return false;
      }
    }
    return true;
  }

  private static String nodeName(AbstractType<?> t) {
    return t instanceof YXmlElement e ? e.nodeName : "";
  }

  private static boolean sameParent(Object p, Object q) {
    if (p instanceof AbstractType<?> tp && q instanceof AbstractType<?> tq) {
      if (tp._item == null || tq._item == null) {
        return tp._item == null && tq._item == null && ID.findRootTypeKey(tp).equals(ID.findRootTypeKey(tq));
      }
      return tp._item.client == tq._item.client && tp._item.clock == tq._item.clock;
    }
    return String.valueOf(p).equals(String.valueOf(q));
  }

  private static boolean sameOrder(Doc a, Doc b) {
    TreeSet<String> roots = new TreeSet<>();
    for (Map.Entry<String, AbstractType<?>> e : a.share.entrySet()) {
      if (!empty(e.getValue())) {
        roots.add(e.getKey());
      }
    }
    for (Map.Entry<String, AbstractType<?>> e : b.share.entrySet()) {
      if (!empty(e.getValue())) {
        roots.add(e.getKey());
      }
    }
    for (String key : roots) {
      AbstractType<?> x = a.share.get(key);
      AbstractType<?> y = b.share.get(key);
      if (x == null || y == null || !sameType(x, y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean empty(AbstractType<?> t) {
    return t._start == null && t._map.isEmpty();
  }

  /** The list of x and y unit by unit (a span at a time), then their maps, then nested types. */
  private static boolean sameType(AbstractType<?> x, AbstractType<?> y) {
    List<Item> nested = new ArrayList<>();
    Item p = x._start;
    Item q = y._start;
    long op = 0;
    long oq = 0;
    while (p != null && q != null) {
      if (p.client != q.client || p.clock + op != q.clock + oq) {
        return false;
      }
      long n = Math.min(p.length - op, q.length - oq);
      op += n;
      oq += n;
      if (op == p.length) {
        if (!p.deleted() && p.content instanceof ContentType) {
          nested.add(p);
        }
        p = p.right;
        op = 0;
      }
      if (oq == q.length) {
        q = q.right;
        oq = 0;
      }
    }
    if (p != null || q != null || !x._map.keySet().equals(y._map.keySet())) {
      return false;
    }
    for (Map.Entry<String, Item> e : x._map.entrySet()) {
      Item mx = e.getValue();
      Item my = y._map.get(e.getKey());
      if (mx.client != my.client || mx.clock != my.clock || mx.deleted() != my.deleted()) {
        return false;
      }
      if (!mx.deleted() && mx.content instanceof ContentType) {
        nested.add(mx);
      }
    }
    // Same units in the same places, so the nested types of y are found by the same ids.
    for (Item n : nested) {
      AbstractStruct other = find(y, n);
      if (!(other instanceof Item o) || !(o.content instanceof ContentType ot)
          || !sameType(((ContentType) n.content).type, ot.type)) {
        return false;
      }
    }
    return true;
  }

  private static AbstractStruct find(AbstractType<?> y, Item n) {
    List<AbstractStruct> structs = y.doc.store.clients.get(n.client);
    if (structs == null) {
      return null;
    }
    int lo = 0;
    int hi = structs.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      AbstractStruct s = structs.get(mid);
      if (n.clock < s.clock) {
        hi = mid - 1;
      } else if (n.clock >= s.clock + s.length) {
        lo = mid + 1;
      } else {
        return s.clock == n.clock ? s : null;
      }
    }
    return null;
  }

  /** A unit of content other than text, a format mark or a type, as a comparable string. */
  private static String unit(Item item, List<Object> units, int i) {
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
