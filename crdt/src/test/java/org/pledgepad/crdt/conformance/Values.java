package org.pledgepad.crdt.conformance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pledgepad.crdt.AbstractType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.lib0.Undefined;

/**
 * The corpus's tagged JSON on the reading side: Java values read from the port (toJSON,
 * toDelta) are brought into the same tagged form as the values Yjs recorded, then compared.
 * Tags: {"$undefined":true}, {"$bytes":b64}, {"$num":"NaN"|"Infinity"|"-Infinity"|"-0"},
 * {"$bigint":"n"}, {"$doc":guid}, {"$typeJson":json}. Object key order is not compared: a
 * YMap's key order is its document's insertion order, which the encodings already pin down.
 */
final class Values {
  private Values() {}

  /** A Java value in tagged form (numbers stay Numbers). */
  static Object tag(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Undefined) {
      return Map.of("$undefined", true);
    }
    if (v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof BigInteger) {
      return Map.of("$bigint", v.toString());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return Map.of("$num", "NaN");
      }
      if (d == Double.POSITIVE_INFINITY) {
        return Map.of("$num", "Infinity");
      }
      if (d == Double.NEGATIVE_INFINITY) {
        return Map.of("$num", "-Infinity");
      }
      if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
        return Map.of("$num", "-0");
      }
      return d;
    }
    if (v instanceof Number) {
      return v;
    }
    if (v instanceof byte[]) {
      return Map.of("$bytes", Base64.getEncoder().encodeToString((byte[]) v));
    }
    if (v instanceof Doc) {
      return Map.of("$doc", ((Doc) v).guid);
    }
    if (v instanceof AbstractType) {
      return Map.of("$typeJson", tag(((AbstractType<?>) v).toJSON()));
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object x : (List<?>) v) {
        out.add(tag(x));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), tag(e.getValue()));
      }
      return out;
    }
    return "<unexpected Java value " + v.getClass().getName() + ": " + v + ">";
  }

  /** Path of the first difference between expected (tagged JSON) and actual (tagged), or null. */
  static String firstDifference(Object expected, Object actual, String path) {
    if (expected == null || actual == null) {
      return expected == actual ? null : path + ": expected " + show(expected) + ", got " + show(actual);
    }
    if (expected instanceof Number && actual instanceof Number) {
      double e = ((Number) expected).doubleValue();
      double a = ((Number) actual).doubleValue();
      return Double.compare(e, a) == 0 ? null : path + ": expected " + expected + ", got " + actual;
    }
    if (expected instanceof Map && actual instanceof Map) {
      Map<?, ?> e = (Map<?, ?>) expected;
      Map<?, ?> a = (Map<?, ?>) actual;
      if (!e.keySet().equals(a.keySet())) {
        return path + ": expected keys " + e.keySet() + ", got " + a.keySet();
      }
      for (Object k : e.keySet()) {
        String d = firstDifference(e.get(k), a.get(k), path + "." + k);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected instanceof List && actual instanceof List) {
      List<?> e = (List<?>) expected;
      List<?> a = (List<?>) actual;
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        String d = firstDifference(e.get(i), a.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return e.size() == a.size() ? null : path + ": expected " + e.size() + " elements, got " + a.size()
          + " (" + show(expected) + " vs " + show(actual) + ")";
    }
    if (expected instanceof String && actual instanceof String) {
      return expected.equals(actual) ? null : path + ": " + stringDifference((String) expected, (String) actual);
    }
    return Objects.equals(expected, actual) ? null : path + ": expected " + show(expected) + ", got " + show(actual);
  }

  /** Where two strings first differ, with the text around that place. */
  static String stringDifference(String e, String a) {
    int i = 0;
    while (i < e.length() && i < a.length() && e.charAt(i) == a.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 30);
    return "strings differ at UTF-16 index " + i + " (lengths " + e.length() + "/" + a.length() + "): expected …"
        + show(e.substring(from, Math.min(e.length(), i + 90))) + "…, got …" + show(a.substring(from, Math.min(a.length(), i + 90))) + "…";
  }

  private static String show(Object o) {
    String s = String.valueOf(o instanceof String ? "\"" + o + "\"" : o);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
