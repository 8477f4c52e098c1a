package org.pledgepad.crdt.lib0;

// Follows ECMAScript JSON.parse (ECMA-262 §25.5.1) and RFC 8259's grammar.

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict recursive-descent JSON parser behind {@link Json#parse}: exactly the grammar
 * JSON.parse accepts (no comments, no trailing commas, no leading zeros, only space, tab, CR and
 * LF as whitespace), with nesting bounded by maxDepth so hostile text cannot overflow the stack.
 */
final class JsonParser {
  final String s;
  final int maxDepth;
  int i;

  JsonParser(String s, int maxDepth) {
    this.s = s;
    this.maxDepth = maxDepth;
  }

  DecodingException error(String msg) {
    return new DecodingException("invalid JSON at " + i + ": " + msg);
  }

  void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else {
        break;
      }
    }
  }

  char peek() {
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    return s.charAt(i);
  }

  void literal(String word) {
    if (!s.startsWith(word, i)) {
      throw error("unexpected token");
    }
    i += word.length();
  }

  Object value(int depth) {
    char c = peek();
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  Object object(int depth) {
    if (depth >= maxDepth) {
      throw error("nesting deeper than " + maxDepth);
    }
    i++;
    Map<String, Object> obj = new LinkedHashMap<>();
    ws();
    if (peek() == '}') {
      i++;
      return obj;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw error("expected property name");
      }
      String key = string();
      ws();
      if (peek() != ':') {
        throw error("expected ':'");
      }
      i++;
      ws();
      Object v = value(depth + 1);
      // A repeated key keeps its first position and takes the last value, as in JavaScript.
      obj.put(key, v);
      ws();
      char c = peek();
      i++;
      if (c == '}') {
        return obj;
      }
      if (c != ',') {
        i--;
        throw error("expected ',' or '}'");
      }
    }
  }

  Object array(int depth) {
    if (depth >= maxDepth) {
      throw error("nesting deeper than " + maxDepth);
    }
    i++;
    List<Object> list = new ArrayList<>();
    ws();
    if (peek() == ']') {
      i++;
      return list;
    }
    while (true) {
      ws();
      list.add(value(depth + 1));
      ws();
      char c = peek();
      i++;
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        i--;
        throw error("expected ',' or ']'");
      }
    }
  }

  String string() {
    i++; // opening quote
    StringBuilder sb = null;
    int start = i;
    while (true) {
      char c = peek();
      if (c == '"') {
        String res = sb == null ? s.substring(start, i) : sb.append(s, start, i).toString();
        i++;
        return res;
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(s, start, i);
      i++;
      char e = peek();
      i++;
      switch (e) {
        case '"':
          sb.append('"');
          break;
        case '\\':
          sb.append('\\');
          break;
        case '/':
          sb.append('/');
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u': {
          if (i + 4 > s.length()) {
            throw error("truncated \\u escape");
          }
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int h = hexValue(s.charAt(i + k));
            if (h < 0) {
              throw error("bad \\u escape");
            }
            v = (v << 4) | h;
          }
          i += 4;
          sb.append((char) v);
          break;
        }
        default:
          i--;
          throw error("bad escape");
      }
      start = i;
    }
  }

  Object number() {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    char c = peek();
    if (c == '0') {
      i++;
    } else if (c >= '1' && c <= '9') {
      digits();
    } else {
      throw error("bad number");
    }
    boolean integral = true;
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        throw error("bad fraction");
      }
      digits();
      integral = false;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        throw error("bad exponent");
      }
      digits();
      integral = false;
    }
    String text = s.substring(start, i);
    if (integral && text.length() <= 16) {
      long l = Long.parseLong(text);
      if (l == 0 && text.charAt(0) == '-') {
        return -0.0d;
      }
      return l;
    }
    return Json.normalize(Double.parseDouble(text));
  }

  void digits() {
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
  }

  static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
