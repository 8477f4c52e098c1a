package org.pledgepad.crdt.lib0;

// Follows ECMAScript Number::toString (ECMA-262 §6.1.6.1.20), used by JSON.stringify.

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's number-to-string conversion. It needs the shortest decimal that reads back as
 * the same double; Java 17's Double.toString sometimes prints more digits than that (fixed in
 * JDK 19, JDK-4511638: e.g. 2.0E-3 is fine but 1.0E23 and 4.9E-324 are not shortest), so the
 * digits are searched here with exact BigDecimal arithmetic. Off the hot path (JSON only).
 */
public final class JsNumbers {
  private JsNumbers() {}

  private static final double TWO_53 = 9007199254740992.0;

  public static String toString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0"; // also -0
    }
    if (d == Math.rint(d) && Math.abs(d) < TWO_53) {
      return Long.toString((long) d);
    }
    boolean negative = d < 0;
    double a = Math.abs(d);
    BigDecimal exact = new BigDecimal(a);
    BigDecimal best = null;
    // Fewer digits never work where more do not, so the first precision that reads back wins;
    // among its two neighbours (rounded down / up) prefer the one closer to the exact value.
    for (int p = 1; p <= 17 && best == null; p++) {
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
      boolean downOk = down.doubleValue() == a;
      boolean upOk = up.doubleValue() == a;
      if (downOk && upOk) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        if (cmp < 0) {
          best = down;
        } else if (cmp > 0) {
          best = up;
        } else {
          best = lastDigitEven(down) ? down : up;
        }
      } else if (downOk) {
        best = down;
      } else if (upOk) {
        best = up;
      }
    }
    if (best == null) {
      best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
    best = best.stripTrailingZeros();
    String digits = best.unscaledValue().toString();
    int k = digits.length();
    int n = k - best.scale(); // value = digits * 10^(n - k)
    return (negative ? "-" : "") + format(digits, k, n);
  }

  private static boolean lastDigitEven(BigDecimal v) {
    return !v.unscaledValue().testBit(0);
  }

  private static String format(String digits, int k, int n) {
    StringBuilder sb = new StringBuilder();
    if (k <= n && n <= 21) {
      sb.append(digits);
      for (int i = 0; i < n - k; i++) {
        sb.append('0');
      }
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.");
      for (int i = 0; i < -n; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else {
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      int e = n - 1;
      sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return sb.toString();
  }
}
