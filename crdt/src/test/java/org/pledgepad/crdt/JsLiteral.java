package org.pledgepad.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.Undefined;

/**
 * Parses JavaScript object/array literals as they appear in the Yjs test files (unquoted keys,
 * single- or double-quoted strings, trailing commas, {@code undefined}) into the value
 * conventions of PORTING.md: integral numbers become {@code Long}, others {@code Double},
 * objects {@code LinkedHashMap}, arrays {@code ArrayList}. It lets the ported tests keep the
 * expected deltas and JSON values verbatim instead of rebuilding them with nested Map.of calls.
 */
final class JsLiteral {
  private final String s;
  private int pos;

  private JsLiteral(String s) {
    this.s = s;
  }

  /** Parses one literal; throws IllegalArgumentException on anything else (test-authoring error). */
  static Object parse(String literal) {
    JsLiteral p = new JsLiteral(literal);
    Object v = p.value();
    p.ws();
    if (p.pos != p.s.length()) {
      throw p.error("trailing characters");
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(String literal) {
    return (List<Object>) parse(literal);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String literal) {
    return (Map<String, Object>) parse(literal);
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at " + pos + " in: " + s);
  }

  private void ws() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private Object value() {
    ws();
    if (pos >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(pos);
    if (c == '{') {
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      while (true) {
        ws();
        if (s.charAt(pos) == '}') {
          pos++;
          return m;
        }
        String key;
        char k = s.charAt(pos);
        if (k == '\'' || k == '"') {
          key = string();
        } else {
          int start = pos;
          while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$' || s.charAt(pos) == '-')) {
            pos++;
          }
          key = s.substring(start, pos);
        }
        ws();
        if (s.charAt(pos) != ':') {
          throw error("expected ':'");
        }
        pos++;
        m.put(key, value());
        ws();
        if (s.charAt(pos) == ',') {
          pos++;
        }
      }
    }
    if (c == '[') {
      pos++;
      List<Object> l = new ArrayList<>();
      while (true) {
        ws();
        if (s.charAt(pos) == ']') {
          pos++;
          return l;
        }
        l.add(value());
        ws();
        if (s.charAt(pos) == ',') {
          pos++;
        }
      }
    }
    if (c == '\'' || c == '"') {
      return string();
    }
    if (s.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("null", pos)) {
      pos += 4;
      return null;
    }
    if (s.startsWith("undefined", pos)) {
      pos += 9;
      return Undefined.INSTANCE;
    }
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character");
    }
    String num = s.substring(start, pos);
    double d = Double.parseDouble(num);
    if (d == Math.rint(d) && !num.contains(".") && !num.contains("e") && !num.contains("E")) {
      return Long.parseLong(num);
    }
    return d;
  }

  private String string() {
    char q = s.charAt(pos++);
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = s.charAt(pos++);
      if (c == q) {
        return b.toString();
      }
      if (c == '\\') {
        char e = s.charAt(pos++);
        switch (e) {
          case 'n': b.append('\n'); break;
          case 't': b.append('\t'); break;
          case 'r': b.append('\r'); break;
          case 'u':
            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
            break;
          default: b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }
}
