package org.pledgepad.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits text into the units a reader compares: words (letters, digits and combining marks,
 * so "fördert" and "2021" stay whole), runs of spaces, line breaks, and single other characters
 * (punctuation, each emoji as one unit). Token texts are interned to ints for {@link Myers}.
 */
final class Tokens {
  /** starts[i] is where token i begins; starts[count] == text.length(). */
  final int[] starts;
  final int[] ids;

  private Tokens(int[] starts, int[] ids) {
    this.starts = starts;
    this.ids = ids;
  }

  int count() {
    return ids.length;
  }

  static Tokens of(String text, Map<String, Integer> interner) {
    List<Integer> starts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      starts.add(i);
      int cp = text.codePointAt(i);
      int kind = kind(cp);
      i += Character.charCount(cp);
      if (kind == OTHER || kind == NEWLINE) {
        continue;
      }
      while (i < text.length()) {
        int c = text.codePointAt(i);
        if (kind(c) != kind) {
          break;
        }
        i += Character.charCount(c);
      }
    }
    int n = starts.size();
    int[] s = new int[n + 1];
    int[] ids = new int[n];
    for (int t = 0; t < n; t++) {
      s[t] = starts.get(t);
    }
    s[n] = text.length();
    for (int t = 0; t < n; t++) {
      String tok = text.substring(s[t], s[t + 1]);
      ids[t] = interner.computeIfAbsent(tok, k -> interner.size());
    }
    return new Tokens(s, ids);
  }

  /** The characters themselves as ids (for character-level refinement). */
  static int[] chars(String s, int from, int to) {
    int[] out = new int[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = s.charAt(i);
    }
    return out;
  }

  private static final int WORD = 0;
  private static final int SPACE = 1;
  private static final int NEWLINE = 2;
  private static final int OTHER = 3;

  private static int kind(int cp) {
    if (cp == '\n') {
      return NEWLINE;
    }
    if (Character.isLetterOrDigit(cp)) {
      return WORD;
    }
    int t = Character.getType(cp);
    if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) {
      return WORD;
    }
    return Character.isWhitespace(cp) || cp == '\u00A0' ? SPACE : OTHER;
  }

  static Map<String, Integer> newInterner() {
    return new HashMap<>();
  }
}
