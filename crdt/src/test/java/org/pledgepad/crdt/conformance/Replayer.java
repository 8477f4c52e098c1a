package org.pledgepad.crdt.conformance;

import static org.pledgepad.crdt.conformance.Corpus.integer;
import static org.pledgepad.crdt.conformance.Corpus.list;
import static org.pledgepad.crdt.conformance.Corpus.map;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.AbstractType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.YArray;
import org.pledgepad.crdt.YMap;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.crdt.lib0.Undefined;

/**
 * Executes the language-neutral operations of a corpus trace with the Java API, the way
 * crdt/conformance/trace-format.mjs executes them with Yjs: same roots, same path rules, same
 * tagged values, prelim types filled before they are inserted.
 */
final class Replayer {
  private Replayer() {}

  static final String[] ROOT_NAMES = {"t", "a", "m", "x", "e"};

  static Doc newDoc(long clientID, boolean gc) {
    DocOptions opts = new DocOptions();
    opts.gc = gc;
    Doc doc = new Doc(opts);
    doc.clientID = clientID;
    return doc;
  }

  static AbstractType<?> root(Doc doc, String name) {
    switch (name) {
      case "t":
        return doc.getText(name);
      case "a":
        return doc.getArray(name);
      case "m":
        return doc.getMap(name);
      case "x":
        return doc.getXmlFragment(name);
      case "e":
        return doc.getXmlElement(name);
      default:
        throw new IllegalArgumentException("unknown root " + name);
    }
  }

  /** Makes sure every root exists with its type, as the generator's documents have them. */
  static void defineRoots(Doc doc) {
    for (String r : ROOT_NAMES) {
      root(doc, r);
    }
  }

  static AbstractType<?> resolve(Doc doc, List<Object> path) {
    AbstractType<?> t = root(doc, (String) path.get(0));
    for (int i = 1; i < path.size(); i++) {
      Object step = path.get(i);
      Object next;
      if (step instanceof String) {
        next = ((YMap) t).get((String) step);
      } else if (t instanceof YArray) {
        next = ((YArray) t).get(integer(step));
      } else {
        next = ((YXmlFragment) t).get(integer(step));
      }
      if (!(next instanceof AbstractType)) {
        throw new IllegalStateException("path " + path + " does not lead to a type (step " + i + ": " + next + ")");
      }
      t = (AbstractType<?>) next;
    }
    return t;
  }

  static void apply(Doc doc, Map<String, Object> op) {
    AbstractType<?> t = resolve(doc, list(op.get("path")));
    String name = (String) op.get("op");
    switch (name) {
      case "text.insert":
        if (op.containsKey("attrs")) {
          ((YText) t).insert(integer(op.get("index")), (String) op.get("text"), attrs(op.get("attrs")));
        } else {
          ((YText) t).insert(integer(op.get("index")), (String) op.get("text"));
        }
        return;
      case "text.insertEmbed":
        if (op.containsKey("attrs")) {
          ((YText) t).insertEmbed(integer(op.get("index")), decode(op.get("embed")), attrs(op.get("attrs")));
        } else {
          ((YText) t).insertEmbed(integer(op.get("index")), decode(op.get("embed")));
        }
        return;
      case "text.delete":
        ((YText) t).delete(integer(op.get("index")), integer(op.get("len")));
        return;
      case "array.delete":
        ((YArray) t).delete(integer(op.get("index")), integer(op.get("len")));
        return;
      case "xml.delete":
        ((YXmlFragment) t).delete(integer(op.get("index")), integer(op.get("len")));
        return;
      case "text.format":
        ((YText) t).format(integer(op.get("index")), integer(op.get("len")), attrs(op.get("attrs")));
        return;
      case "text.applyDelta": {
        List<Map<String, Object>> delta = new ArrayList<>();
        for (Object o : list(op.get("delta"))) {
          Map<String, Object> d = new LinkedHashMap<>();
          for (Map.Entry<String, Object> e : map(o).entrySet()) {
            d.put(e.getKey(), e.getKey().equals("insert") || e.getKey().equals("attributes") ? decode(e.getValue()) : e.getValue());
          }
          delta.add(d);
        }
        ((YText) t).applyDelta(delta);
        return;
      }
      case "array.insert":
        ((YArray) t).insert(integer(op.get("index")), decodeList(op.get("values")));
        return;
      case "xml.insert": {
        List<Object> nodes = decodeList(op.get("values"));
        ((YXmlFragment) t).insert(integer(op.get("index")), nodes);
        return;
      }
      case "map.set":
        ((YMap) t).set((String) op.get("key"), decode(op.get("value")));
        return;
      case "map.delete":
        ((YMap) t).delete((String) op.get("key"));
        return;
      case "xml.setAttribute":
        ((YXmlElement) t).setAttribute((String) op.get("name"), op.get("value"));
        return;
      case "xml.removeAttribute":
        ((YXmlElement) t).removeAttribute((String) op.get("name"));
        return;
      default:
        throw new IllegalArgumentException("unknown op " + name);
    }
  }

  private static Map<String, Object> attrs(Object tagged) {
    return map(decode(tagged));
  }

  static List<Object> decodeList(Object tagged) {
    List<Object> out = new ArrayList<>();
    for (Object o : list(tagged)) {
      out.add(decode(o));
    }
    return out;
  }

  /** Tagged JSON → the Java value the API takes (prelim types and subdocuments are created). */
  static Object decode(Object v) {
    if (v instanceof List) {
      return decodeList(v);
    }
    if (!(v instanceof Map)) {
      return v;
    }
    Map<String, Object> m = map(v);
    if (m.containsKey("$type")) {
      return prelim(m);
    }
    if (m.size() == 1) {
      String k = m.keySet().iterator().next();
      Object x = m.get(k);
      switch (k) {
        case "$undefined":
          return Undefined.INSTANCE;
        case "$bytes":
          return Base64.getDecoder().decode((String) x);
        case "$num":
          return x.equals("-0") ? -0.0 : x.equals("NaN") ? Double.NaN
              : x.equals("Infinity") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        case "$bigint":
          return new BigInteger((String) x);
        case "$doc": {
          Map<String, Object> spec = map(x);
          Map<String, Object> o = map(spec.get("opts"));
          DocOptions opts = new DocOptions();
          opts.guid = (String) spec.get("guid");
          if (o.containsKey("gc")) {
            opts.gc = (Boolean) o.get("gc");
          }
          if (o.containsKey("autoLoad")) {
            opts.autoLoad = (Boolean) o.get("autoLoad");
          }
          if (o.containsKey("meta")) {
            opts.meta = o.get("meta");
          }
          return new Doc(opts);
        }
        default:
          break;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      out.put(e.getKey(), decode(e.getValue()));
    }
    return out;
  }

  private static AbstractType<?> prelim(Map<String, Object> spec) {
    String kind = (String) spec.get("$type");
    switch (kind) {
      case "map": {
        YMap m = new YMap();
        for (Map.Entry<String, Object> e : map(spec.get("entries")).entrySet()) {
          m.set(e.getKey(), decode(e.getValue()));
        }
        return m;
      }
      case "array": {
        YArray a = new YArray();
        List<Object> items = decodeList(spec.get("items"));
        if (!items.isEmpty()) {
          a.insert(0, items);
        }
        return a;
      }
      case "text":
        return new YText((String) spec.get("text"));
      case "xmlText": {
        YXmlText t = new YXmlText();
        String s = (String) spec.get("text");
        if (!s.isEmpty()) {
          t.insert(0, s);
        }
        return t;
      }
      case "xmlFragment": {
        YXmlFragment f = new YXmlFragment();
        List<Object> children = decodeList(spec.get("children"));
        if (!children.isEmpty()) {
          f.insert(0, children);
        }
        return f;
      }
      case "xmlElement": {
        YXmlElement el = new YXmlElement((String) spec.get("name"));
        for (Map.Entry<String, Object> e : map(spec.get("attrs")).entrySet()) {
          el.setAttribute(e.getKey(), e.getValue());
        }
        List<Object> children = decodeList(spec.get("children"));
        if (!children.isEmpty()) {
          el.insert(0, children);
        }
        return el;
      }
      default:
        throw new IllegalArgumentException("unknown $type " + kind);
    }
  }

  /** What the generator's describeDoc records, read from a Java document. */
  static Map<String, Object> describe(Doc doc) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String r : ROOT_NAMES) {
      json.put(r, Values.tag(root(doc, r).toJSON()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("json", json);
    out.put("delta", Values.tag(doc.getText("t").toDelta()));
    out.put("string", doc.getText("t").toString());
    out.put("xmlString", doc.getXmlFragment("x").toString());
    out.put("elementString", doc.getXmlElement("e").toString());
    return out;
  }
}
