package org.pledgepad.crdt.lib0;

// Follows lib0/function.js (lib0 0.2.114): equalityDeep.

import java.util.List;
import java.util.Map;

/**
 * Deep equality of JavaScript values as lib0 defines it (used by Yjs for format attributes and
 * by awareness to tell real changes from renewals). Numbers compare by value whatever their
 * Java boxing (Long 1 equals Double 1.0, 0 equals -0, NaN equals nothing), as {@code ===} does.
 */
public final class Equality {
  private Equality() {}

  public static boolean equalityDeep(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number && b instanceof Number) {
      if (a instanceof java.math.BigInteger || b instanceof java.math.BigInteger) {
        return a instanceof java.math.BigInteger && a.equals(b);
      }
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> ma = (Map<?, ?>) a;
      Map<?, ?> mb = (Map<?, ?>) b;
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        Object other = mb.get(e.getKey());
        if (other == null && !mb.containsKey(e.getKey())) {
          other = Undefined.INSTANCE; // b[key] of a missing key is undefined
        }
        if (!equalityDeep(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List && b instanceof List) {
      List<?> la = (List<?>) a;
      List<?> lb = (List<?>) b;
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!equalityDeep(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return java.util.Arrays.equals((byte[]) a, (byte[]) b);
    }
    // Strings, booleans and Undefined compare by value, like === on primitives.
    if (a instanceof String || a instanceof Boolean || a instanceof Undefined) {
      return a.equals(b);
    }
    return false;
  }
}
