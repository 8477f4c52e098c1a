package org.pledgepad.crdt.lib0;

// Reads crdt/src/test/resources/lib0/vectors.json, written by crdt/conformance/lib0/gen-vectors.mjs
// with the real lib0 0.2.114 / yjs 13.6.33 / y-protocols 1.0.7.

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Access to the golden vectors and their typed value notation ("tv", see the generator). */
public final class Vectors {
  private static Map<String, Object> cache;

  private Vectors() {}

  @SuppressWarnings("unchecked")
  public static synchronized Map<String, Object> all() {
    if (cache == null) {
      try (InputStream in = Vectors.class.getResourceAsStream("/lib0/vectors.json")) {
        if (in == null) {
          throw new IllegalStateException("vectors.json missing from test resources");
        }
        cache = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cache;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(String key) {
    return (List<Map<String, Object>>) all().get(key);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(String key) {
    return (Map<String, Object>) all().get(key);
  }

  public static byte[] bytes(Object hex) {
    return HexFormat.of().parseHex((String) hex);
  }

  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** A JavaScript number written as String(n) (or "-0"). */
  public static double number(Object s) {
    return Double.parseDouble((String) s);
  }

  /** The Java value for a "tv" node, numbers as the decoder would produce them. */
  @SuppressWarnings("unchecked")
  public static Object value(Object tv) {
    if (tv == null || tv instanceof Boolean) {
      return tv;
    }
    Map<String, Object> m = (Map<String, Object>) tv;
    if (m.containsKey("u")) {
      return Undefined.INSTANCE;
    }
    if (m.containsKey("n")) {
      return Json.normalize(number(m.get("n")));
    }
    if (m.containsKey("b")) {
      return new BigInteger((String) m.get("b"));
    }
    if (m.containsKey("s")) {
      return m.get("s");
    }
    if (m.containsKey("y")) {
      return bytes(m.get("y"));
    }
    if (m.containsKey("a")) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<Object>) m.get("a")) {
        out.add(value(o));
      }
      return out;
    }
    if (m.containsKey("o")) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Object pair : (List<Object>) m.get("o")) {
        List<Object> p = (List<Object>) pair;
        out.put((String) p.get(0), value(p.get(1)));
      }
      return out;
    }
    throw new IllegalArgumentException("bad tv " + tv);
  }
}
