package org.pledgepad.crdt;

// Follows JavaScript's String(value) as used by yjs/src/types/YXmlElement.js and YXmlText.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.JsNumbers;
import org.pledgepad.crdt.lib0.JsObjects;
import org.pledgepad.crdt.lib0.Undefined;

/**
 * String conversion and for-in key enumeration with JavaScript's results, because the XML
 * serialisations of Yjs interpolate attribute values and iterate them with for-in.
 */
final class JsString {
  private JsString() {}

  static String of(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Double || v instanceof Float) {
      return JsNumbers.toString(((Number) v).doubleValue());
    }
    if (v instanceof Map) {
      return "[object Object]";
    }
    if (v instanceof List) {
      StringBuilder sb = new StringBuilder();
      List<?> l = (List<?>) v;
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object e = l.get(i);
        if (e != null && e != Undefined.INSTANCE) {
          sb.append(of(e));
        }
      }
      return sb.toString();
    }
    if (v instanceof byte[]) {
      byte[] b = (byte[]) v;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < b.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(b[i] & 0xff);
      }
      return sb.toString();
    }
    if (v instanceof YXmlFragment || v instanceof YXmlText) {
      return TypeToJson.xmlToString((AbstractType<?>) v);
    }
    if (v instanceof AbstractType && !(v instanceof YText)) {
      // shared maps and arrays have no toString of their own in Yjs
      return "[object Object]";
    }
    return v.toString();
  }

  /** The keys `for (const key in v)` visits: indices of strings and arrays, object keys in property order. */
  static List<String> forInKeys(Object v) {
    List<String> keys = new ArrayList<>();
    if (v instanceof String) {
      for (int i = 0; i < ((String) v).length(); i++) {
        keys.add(Integer.toString(i));
      }
    } else if (v instanceof List) {
      for (int i = 0; i < ((List<?>) v).size(); i++) {
        keys.add(Integer.toString(i));
      }
    } else if (v instanceof Map) {
      for (Map.Entry<String, Object> e : JsObjects.entriesInPropertyOrder((Map<?, ?>) v)) {
        keys.add(e.getKey());
      }
    }
    return keys;
  }

  /** v[key] for a key from forInKeys. */
  static Object get(Object v, String key) {
    if (v instanceof String) {
      return String.valueOf(((String) v).charAt(Integer.parseInt(key)));
    }
    if (v instanceof List) {
      return ((List<?>) v).get(Integer.parseInt(key));
    }
    if (v instanceof Map) {
      return ((Map<?, ?>) v).get(key);
    }
    return null;
  }
}
