package org.pledgepad.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Differences between two strings as character ranges: word-level for people (whole words
 * marked), optionally refined to characters inside each changed region for machines (restore
 * applies the fewest character edits, so concurrent edits nearby survive).
 */
public final class TextDiff {
  public enum Kind { EQUAL, DELETE, INSERT }

  /** A range of the old text (EQUAL, DELETE) or of the new text (INSERT), in UTF-16 units. */
  public record Part(Kind kind, int oldFrom, int oldTo, int newFrom, int newTo) {}

  private TextDiff() {}

  public static List<Part> words(String older, String newer) {
    Map<String, Integer> interner = Tokens.newInterner();
    Tokens a = Tokens.of(older, interner);
    Tokens b = Tokens.of(newer, interner);
    List<Part> out = new ArrayList<>();
    int ta = 0;
    int tb = 0;
    for (Myers.Run r : Myers.diff(a.ids, b.ids)) {
      int na = r.op() == Myers.Op.INSERT ? ta : ta + r.len();
      int nb = r.op() == Myers.Op.DELETE ? tb : tb + r.len();
      out.add(part(r.op(), a.starts[ta], a.starts[na], b.starts[tb], b.starts[nb]));
      ta = na;
      tb = nb;
    }
    return out;
  }

  /** Word diff, then each delete+insert pair re-diffed by characters. */
  public static List<Part> chars(String older, String newer) {
    List<Part> words = words(older, newer);
    List<Part> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Part p = words.get(i);
      Part next = i + 1 < words.size() ? words.get(i + 1) : null;
      if (p.kind() == Kind.DELETE && next != null && next.kind() == Kind.INSERT) {
        int oa = p.oldFrom();
        int ob = next.newFrom();
        for (Myers.Run r : Myers.diff(Tokens.chars(older, p.oldFrom(), p.oldTo()), Tokens.chars(newer, next.newFrom(), next.newTo()))) {
          int na = r.op() == Myers.Op.INSERT ? oa : oa + r.len();
          int nb = r.op() == Myers.Op.DELETE ? ob : ob + r.len();
          out.add(part(r.op(), oa, na, ob, nb));
          oa = na;
          ob = nb;
        }
        i++;
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static Part part(Myers.Op op, int oldFrom, int oldTo, int newFrom, int newTo) {
    return switch (op) {
      case EQUAL -> new Part(Kind.EQUAL, oldFrom, oldTo, newFrom, newTo);
      case DELETE -> new Part(Kind.DELETE, oldFrom, oldTo, newFrom, newFrom);
      case INSERT -> new Part(Kind.INSERT, oldFrom, oldFrom, newFrom, newTo);
    };
  }
}
