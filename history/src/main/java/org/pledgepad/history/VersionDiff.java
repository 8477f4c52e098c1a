package org.pledgepad.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The word-level difference between two versions, each insertion attributed to whoever inserted
 * its characters and each deletion to whoever deleted them (the first row in the log whose
 * delete set covers the character). Output is JSON-ready records and escaped HTML. For two
 * unrelated texts (no shared CRDT ids) use {@link TextDiff#words}, the Myers word diff.
 */
public final class VersionDiff {
  /**
   * One run of the diff.
   *
   * @param actor who inserted (INSERT) or deleted (DELETE) it; null for EQUAL and when unknown
   */
  public record Change(TextDiff.Kind kind, String text, String actor, long firstSeq, long lastSeq,
                       long firstTimeMillis, long lastTimeMillis) {}

  private VersionDiff() {}

  /**
   * {@code older} and {@code newer} are projections of two versions of one document, older
   * first. Changes come from the CRDT alignment, widened to whole words: when "fördert" became
   * "fordert" the reader sees the word replaced, attributed to whoever changed the letter.
   */
  public static List<Change> between(TextProjection older, TextProjection newer, ClockIndex idx,
                                     Map<Long, String> clientActors) {
    List<Change> out = new ArrayList<>();
    List<TextDiff.Part> parts = Alignment.align(older, newer);
    int k = 0;
    int oldAt = 0; // how far the older text has been emitted (EQUAL parts may be cut by widening)
    int newAt = 0;
    while (k < parts.size()) {
      TextDiff.Part p = parts.get(k);
      if (p.kind() == TextDiff.Kind.EQUAL) {
        k++;
        continue;
      }
      // A region of consecutive non-equal parts: [oa, ob) of the older, [na, nb) of the newer text.
      int oa = p.oldFrom();
      int na = p.newFrom();
      int ob = oa;
      int nb = na;
      while (k < parts.size() && parts.get(k).kind() != TextDiff.Kind.EQUAL) {
        ob = parts.get(k).oldTo();
        nb = parts.get(k).newTo();
        k++;
      }
      int realOa = oa;
      int realNa = na;
      int realOb = ob;
      int realNb = nb;
      boolean wordAtStart = startsWithWord(older.text, realOa, realOb) || startsWithWord(newer.text, realNa, realNb);
      boolean wordAtEnd = endsWithWord(older.text, realOa, realOb) || endsWithWord(newer.text, realNa, realNb);
      while (wordAtStart && oa > oldAt && na > newAt && wordChar(older.text.charAt(oa - 1))) {
        oa--;
        na--;
      }
      int nextOld = k < parts.size() ? parts.get(k).oldTo() : older.length();
      while (wordAtEnd && ob < nextOld && nb < newer.length() && wordChar(older.text.charAt(ob))) {
        ob++;
        nb++;
      }
      if (oa > oldAt) {
        out.add(new Change(TextDiff.Kind.EQUAL, older.text.substring(oldAt, oa), null, 0, 0, 0, 0));
      }
      // When one side only widens (a letter deleted inside a word shows as the word replaced),
      // its characters take the other side's author.
      Attribution delBy = firstReal(TextDiff.Kind.DELETE, older, realOa, realOb, idx, clientActors);
      Attribution insBy = firstReal(TextDiff.Kind.INSERT, newer, realNa, realNb, idx, clientActors);
      attributed(out, TextDiff.Kind.DELETE, older, oa, ob, realOa, realOb, idx, clientActors, delBy != null ? delBy : insBy);
      attributed(out, TextDiff.Kind.INSERT, newer, na, nb, realNa, realNb, idx, clientActors, insBy != null ? insBy : delBy);
      oldAt = ob;
      newAt = nb;
    }
    if (oldAt < older.length()) {
      out.add(new Change(TextDiff.Kind.EQUAL, older.text.substring(oldAt), null, 0, 0, 0, 0));
    }
    return out;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static boolean startsWithWord(String s, int from, int to) {
    return from < to && wordChar(s.charAt(from));
  }

  private static boolean endsWithWord(String s, int from, int to) {
    return from < to && wordChar(s.charAt(to - 1));
  }

  /**
   * Emits [from, to) as runs of one actor each. Characters outside [realFrom, realTo) only widen
   * the change to whole words; they take the actor of the nearest real change.
   */
  private record Attribution(String actor, ClockIndex.RowInfo row) {}

  private static Attribution of(TextDiff.Kind kind, TextProjection p, int i, ClockIndex idx,
                                Map<Long, String> clientActors) {
    if (kind == TextDiff.Kind.DELETE) {
      // The deleting row's sender is the witness: a delete set carries no client of its own.
      ClockIndex.RowInfo row = idx.deletedBy(p.clients[i], p.clocks[i]);
      return new Attribution(row == null ? null : row.actor(), row);
    }
    ClockIndex.RowInfo row = idx.insertedBy(p.clients[i], p.clocks[i]);
    return new Attribution(Authorship.actor(p.clients[i], row, clientActors), row);
  }

  private static Attribution firstReal(TextDiff.Kind kind, TextProjection p, int from, int to, ClockIndex idx,
                                       Map<Long, String> clientActors) {
    return from < to ? of(kind, p, from, idx, clientActors) : null;
  }

  private static void attributed(List<Change> out, TextDiff.Kind kind, TextProjection p, int from, int to,
                                 int realFrom, int realTo, ClockIndex idx, Map<Long, String> clientActors,
                                 Attribution fallback) {
    if (from >= to) {
      return;
    }
    ClockIndex.RowInfo[] rows = new ClockIndex.RowInfo[to - from];
    String[] actors = new String[to - from];
    int lo = Math.max(from, realFrom) - from;
    int hi = Math.min(to, realTo) - from;
    for (int i = lo; i < hi; i++) {
      Attribution a = of(kind, p, i + from, idx, clientActors);
      actors[i] = a.actor();
      rows[i] = a.row();
    }
    // Widening characters take the nearest real change's author, or the fallback.
    for (int i = 0; i < actors.length; i++) {
      if (i < lo || i >= hi) {
        int src = lo < hi ? (i < lo ? lo : hi - 1) : -1;
        actors[i] = src >= 0 ? actors[src] : fallback == null ? null : fallback.actor();
        rows[i] = src >= 0 ? rows[src] : fallback == null ? null : fallback.row();
      }
    }
    Authorship.Acc acc = null;
    for (int i = from; i < to; i++) {
      String actor = actors[i - from];
      if (acc == null || !Objects.equals(acc.actor, actor)) {
        if (acc != null) {
          out.add(change(kind, acc.span(p.text)));
        }
        acc = new Authorship.Acc(i, actor);
      }
      acc.add(i, rows[i - from]);
    }
    out.add(change(kind, acc.span(p.text)));
  }

  private static Change change(TextDiff.Kind kind, AuthorSpan s) {
    return new Change(kind, s.text(), s.actor(), s.firstSeq(), s.lastSeq(), s.firstTimeMillis(), s.lastTimeMillis());
  }

  /** JSON-ready list: {kind, text[, actor, firstSeq, lastSeq, from, to]} with ISO-8601 times. */
  public static List<Object> toJson(List<Change> changes) {
    List<Object> out = new ArrayList<>();
    for (Change c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("text", c.text());
      if (c.kind() != TextDiff.Kind.EQUAL) {
        m.put("actor", c.actor());
        if (c.firstSeq() > 0) {
          m.put("firstSeq", c.firstSeq());
          m.put("lastSeq", c.lastSeq());
          m.put("from", Instant.ofEpochMilli(c.firstTimeMillis()).toString());
          m.put("to", Instant.ofEpochMilli(c.lastTimeMillis()).toString());
        }
      }
      out.add(m);
    }
    return out;
  }

  /**
   * {@code <ins>}/{@code <del>} with data-actor, data-seq and data-time attributes and the
   * author's display name as title; everything escaped. Line breaks stay '\n' (style the
   * container with white-space: pre-wrap).
   */
  public static String toHtml(List<Change> changes, Function<String, String> displayName) {
    StringBuilder sb = new StringBuilder();
    for (Change c : changes) {
      if (c.kind() == TextDiff.Kind.EQUAL) {
        Html.escapeInto(sb, c.text());
        continue;
      }
      String tag = c.kind() == TextDiff.Kind.INSERT ? "ins" : "del";
      String name = c.actor() == null ? null : displayName.apply(c.actor());
      sb.append('<').append(tag);
      if (c.actor() != null) {
        sb.append(" data-actor=\"").append(Html.escape(c.actor())).append('"');
      }
      if (c.firstSeq() > 0) {
        sb.append(" data-seq=\"").append(c.firstSeq());
        if (c.lastSeq() != c.firstSeq()) {
          sb.append('-').append(c.lastSeq());
        }
        sb.append("\" data-time=\"").append(Instant.ofEpochMilli(c.lastTimeMillis())).append('"');
      }
      if (name != null || c.firstSeq() > 0) {
        sb.append(" title=\"").append(Html.escape((name == null ? "unbekannt" : name)
            + (c.firstSeq() > 0 ? ", " + Instant.ofEpochMilli(c.lastTimeMillis()) : ""))).append('"');
      }
      sb.append('>');
      Html.escapeInto(sb, c.text());
      sb.append("</").append(tag).append('>');
    }
    return sb.toString();
  }
}
