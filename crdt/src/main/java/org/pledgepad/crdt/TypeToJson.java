package org.pledgepad.crdt;

// Follows the toJSON / toString methods of yjs/src/types/YMap.js, YArray.js, YXmlFragment.js and YXmlElement.js (yjs 13.6.33).

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Iterative versions of the recursive JSON and XML conversions of Yjs: a document received
 * from the network may nest types thousands of levels deep, which must not overflow the stack.
 */
final class TypeToJson {
  private TypeToJson() {}

  /** Value of a map entry or array element: nested maps and arrays become placeholders filled later. */
  private static Object convert(Object v, ArrayDeque<Object[]> todo) {
    if (v instanceof YMap) {
      Map<String, Object> m = new LinkedHashMap<>();
      todo.push(new Object[] {v, m});
      return m;
    }
    if (v instanceof YArray) {
      List<Object> l = new ArrayList<>();
      todo.push(new Object[] {v, l});
      return l;
    }
    if (v instanceof AbstractType) {
      return ((AbstractType<?>) v).toJSON();
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Object toJSON(AbstractType<?> root) {
    ArrayDeque<Object[]> todo = new ArrayDeque<>();
    Object result = convert(root, todo);
    while (!todo.isEmpty()) {
      Object[] job = todo.pop();
      if (job[0] instanceof YMap) {
        Map<String, Object> out = (Map<String, Object>) job[1];
        for (Map.Entry<String, Item> e : ((YMap<?>) job[0])._map.entrySet()) {
          Item item = e.getValue();
          if (!item.deleted()) {
            List<Object> c = item.content.getContent();
            out.put(e.getKey(), convert(c.get((int) item.length - 1), todo));
          }
        }
      } else {
        List<Object> out = (List<Object>) job[1];
        for (Item n = ((YArray<?>) job[0])._start; n != null; n = n.right) {
          if (n.countable() && !n.deleted()) {
            for (Object c : n.content.getContent()) {
              out.add(convert(c, todo));
            }
          }
        }
      }
    }
    return result;
  }

  /**
   * YXmlFragment / YXmlElement / YXmlText toString without recursion: nested elements and
   * types embedded in XML text are expanded on an explicit stack.
   */
  @SuppressWarnings("unchecked")
  static String xmlToString(AbstractType<?> root) {
    StringBuilder sb = new StringBuilder();
    // entries: a type to expand, or a String to append verbatim (tags, text)
    ArrayDeque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object next = todo.pop();
      if (next instanceof String) {
        sb.append((String) next);
      } else if (next instanceof YXmlText) {
        List<Map<String, Object>> delta = ((YXmlText) next).toDelta();
        for (int d = delta.size() - 1; d >= 0; d--) {
          Map<String, Object> op = delta.get(d);
          Object attributes = op.get("attributes");
          List<String> nodeNames = JsString.forInKeys(attributes);
          nodeNames.sort(null);
          StringBuilder open = new StringBuilder();
          for (String nodeName : nodeNames) {
            open.append('<').append(nodeName);
            Object attrsObj = JsString.get(attributes, nodeName);
            List<String> keys = JsString.forInKeys(attrsObj);
            keys.sort(null);
            for (String key : keys) {
              open.append(' ').append(key).append("=\"").append(JsString.of(JsString.get(attrsObj, key))).append('"');
            }
            open.append('>');
          }
          StringBuilder close = new StringBuilder();
          for (int i = nodeNames.size() - 1; i >= 0; i--) {
            close.append("</").append(nodeNames.get(i)).append('>');
          }
          todo.push(close.toString());
          Object insert = op.get("insert");
          todo.push(insert instanceof YXmlFragment || insert instanceof YXmlText ? insert : JsString.of(insert));
          todo.push(open.toString());
        }
      } else if (next instanceof YXmlFragment) {
        YXmlFragment node = (YXmlFragment) next;
        if (node instanceof YXmlElement) {
          YXmlElement el = (YXmlElement) node;
          Map<String, Object> attrs = el.getAttributes();
          List<String> keys = JsString.forInKeys(attrs);
          keys.sort(null);
          String nodeName = el.nodeName.toLowerCase(Locale.ROOT);
          sb.append('<').append(nodeName);
          for (String key : keys) {
            sb.append(' ').append(key).append("=\"").append(JsString.of(attrs.get(key))).append('"');
          }
          sb.append('>');
          todo.push("</" + nodeName + ">");
        }
        List<Object> children = AbstractType.typeListToArray(node);
        for (int i = children.size() - 1; i >= 0; i--) {
          Object c = children.get(i);
          todo.push(c instanceof YXmlFragment || c instanceof YXmlText ? c : JsString.of(c));
        }
      } else {
        sb.append(JsString.of(next));
      }
    }
    return sb.toString();
  }
}
