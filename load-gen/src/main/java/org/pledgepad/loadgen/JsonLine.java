package org.pledgepad.loadgen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object on one line, numbers written as JSON.stringify writes them (NaN as null). */
final class JsonLine {
  private final Map<String, String> fields = new LinkedHashMap<>();

  JsonLine put(String key, String value) {
    fields.put(key, quote(value));
    return this;
  }

  JsonLine put(String key, long value) {
    fields.put(key, Long.toString(value));
    return this;
  }

  /** A number rounded to {@code decimals} places like Number(x.toFixed(decimals)). */
  JsonLine put(String key, double value, int decimals) {
    fields.put(key, number(value, decimals));
    return this;
  }

  /** An array of numbers, each rounded like {@link #put(String, double, int)}. */
  JsonLine put(String key, double[] values, int decimals) {
    StringBuilder b = new StringBuilder("[");
    for (double v : values) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(number(v, decimals));
    }
    fields.put(key, b.append(']').toString());
    return this;
  }

  private static String number(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    BigDecimal d = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(quote(e.getKey())).append(':').append(e.getValue());
    }
    return b.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}
