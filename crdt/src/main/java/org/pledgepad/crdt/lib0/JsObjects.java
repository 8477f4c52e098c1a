package org.pledgepad.crdt.lib0;

// Follows the ECMAScript OrdinaryOwnPropertyKeys order that lib0/encoding.js (writeAny, via
// Object.keys) and JSON.stringify observe.

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JavaScript enumerates an object's own string keys with array-index keys ("0", "17", up to
 * 2^32 - 2, canonical decimal) first in ascending numeric order, then the other keys in
 * insertion order. A Java LinkedHashMap only has insertion order, so encoders sort through here
 * to produce the same bytes as a JavaScript peer holding the same object.
 */
public final class JsObjects {
  private JsObjects() {}

  /** The array index a key denotes, or -1 if JavaScript treats it as an ordinary string key. */
  public static long arrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10) {
      return -1;
    }
    char first = key.charAt(0);
    if (first == '0') {
      return n == 1 ? 0 : -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= 4294967294L ? v : -1;
  }

  /** Entries with String keys in JavaScript property order; non-String keys are rejected. */
  @SuppressWarnings("unchecked")
  public static List<Map.Entry<String, Object>> entriesInPropertyOrder(Map<?, ?> map) {
    List<Map.Entry<String, Object>> indexed = null;
    List<Map.Entry<String, Object>> named = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String)) {
        // The key's type, not the key: messages end up in logs, keys are content.
        throw new IllegalArgumentException("object keys must be strings, not "
            + (e.getKey() == null ? "null" : e.getKey().getClass().getSimpleName()));
      }
      Map.Entry<String, Object> se = (Map.Entry<String, Object>) e;
      if (arrayIndex(se.getKey()) >= 0) {
        if (indexed == null) {
          indexed = new ArrayList<>();
        }
        indexed.add(se);
      } else {
        named.add(se);
      }
    }
    if (indexed == null) {
      return named;
    }
    indexed.sort((a, b) -> Long.compare(arrayIndex(a.getKey()), arrayIndex(b.getKey())));
    indexed.addAll(named);
    return indexed;
  }
}
