package org.pledgepad.crdt.lib0;

// Follows ECMAScript JSON.stringify / JSON.parse (ECMA-262 §25.5) as Yjs uses them
// (UpdateEncoderV1.writeJSON, ContentJSON, y-protocols/awareness.js).

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON with JavaScript's exact output, because v1 updates and awareness messages carry
 * JSON.stringify text that peers compare byte for byte: numbers as Number::toString (-0 as "0",
 * NaN and Infinity as null), undefined members skipped in objects and null in arrays, keys in
 * JavaScript property order, lone surrogates escaped as \\uXXXX (well-formed JSON.stringify).
 * Parsing is strict RFC 8259 as JSON.parse, with a nesting limit; every failure is a
 * DecodingException. Parsed numbers become Long when integral and within ±2^53 (Double -0.0
 * stays Double), otherwise Double.
 */
public final class Json {
  public static final int DEFAULT_MAX_DEPTH = 1000;

  private Json() {}

  /** JSON.stringify(value); returns null where JavaScript returns undefined (top-level undefined). */
  public static String stringify(Object value) {
    if (value instanceof Undefined) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (depth > DEFAULT_MAX_DEPTH) {
      throw new IllegalArgumentException("value nested too deeply (cyclic?)");
    }
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      quote(sb, (String) v);
    } else if (v instanceof Boolean) {
      sb.append(((Boolean) v) ? "true" : "false");
    } else if (v instanceof BigInteger) {
      throw new IllegalArgumentException("Do not know how to serialize a BigInt");
    } else if (v instanceof Number) {
      writeNumber(sb, (Number) v);
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<?>) v) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        if (o instanceof Undefined) {
          sb.append("null");
        } else {
          write(sb, o, depth + 1);
        }
      }
      sb.append(']');
    } else if (v instanceof Object[]) {
      write(sb, java.util.Arrays.asList((Object[]) v), depth);
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : JsObjects.entriesInPropertyOrder((Map<?, ?>) v)) {
        if (e.getValue() instanceof Undefined) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, e.getKey());
        sb.append(':');
        write(sb, e.getValue(), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof byte[]) {
      // A Uint8Array stringifies as an object with index keys: {"0":1,"1":2}.
      byte[] b = (byte[]) v;
      sb.append('{');
      for (int i = 0; i < b.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append('"').append(i).append("\":").append(b[i] & 0xFF);
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void writeNumber(StringBuilder sb, Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      sb.append(n.intValue());
      return;
    }
    if (n instanceof Long) {
      long l = n.longValue();
      if (Math.abs(l) <= Encoder.MAX_SAFE_INTEGER) {
        sb.append(l);
        return;
      }
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      sb.append("null");
    } else {
      sb.append(JsNumbers.toString(d));
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** JSON.stringify of a string (QuoteJSONString). */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\f':
          sb.append("\\f");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            unicodeEscape(sb, c);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              unicodeEscape(sb, c);
            }
          } else if (Character.isLowSurrogate(c)) {
            unicodeEscape(sb, c);
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static void unicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
        .append(HEX[c & 15]);
  }

  /** JSON.parse(text) with the default nesting limit. */
  public static Object parse(String text) {
    return parse(text, DEFAULT_MAX_DEPTH);
  }

  public static Object parse(String text, int maxDepth) {
    JsonParser p = new JsonParser(text, maxDepth);
    p.ws();
    Object v = p.value(0);
    p.ws();
    if (p.i != text.length()) {
      throw p.error("unexpected trailing input");
    }
    return v;
  }

  /** The Java value for a JavaScript number: Long when integral and exact, else Double. */
  public static Object normalize(double d) {
    if (d == Math.rint(d) && Math.abs(d) <= Encoder.MAX_SAFE_INTEGER
        && !(d == 0 && Double.doubleToRawLongBits(d) != 0)) {
      return (long) d;
    }
    return d;
  }
}
