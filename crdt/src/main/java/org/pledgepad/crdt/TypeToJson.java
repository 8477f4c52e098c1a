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

  /** YXmlFragment/YXmlElement toString without recursion over nested elements. */
  static String xmlToString(YXmlFragment root) {
    StringBuilder sb = new StringBuilder();
    // entries: a node to open (YXmlFragment), or a String to append (a closing tag)
    ArrayDeque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object next = todo.pop();
      if (next instanceof String) {
        sb.append((String) next);
        continue;
      }
      if (!(next instanceof YXmlFragment)) {
        sb.append(JsString.of(next));
        continue;
      }
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
        todo.push(children.get(i));
      }
    }
    return sb.toString();
  }
}
