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
 * delete set covers the character). Output is JSON-ready records and escaped HTML.
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

  /** {@code older} and {@code newer} are projections of the two versions (any order of seqs). */
  public static List<Change> between(TextProjection older, TextProjection newer, ClockIndex idx,
                                     Map<Long, String> clientActors) {
    List<Change> out = new ArrayList<>();
    for (TextDiff.Part part : TextDiff.words(older.text, newer.text)) {
      switch (part.kind()) {
        case EQUAL -> out.add(new Change(TextDiff.Kind.EQUAL, older.text.substring(part.oldFrom(), part.oldTo()),
            null, 0, 0, 0, 0));
        case INSERT -> attributed(out, TextDiff.Kind.INSERT, newer, part.newFrom(), part.newTo(), idx, clientActors, false);
        case DELETE -> attributed(out, TextDiff.Kind.DELETE, older, part.oldFrom(), part.oldTo(), idx, clientActors, true);
      }
    }
    return out;
  }

  private static void attributed(List<Change> out, TextDiff.Kind kind, TextProjection p, int from, int to,
                                 ClockIndex idx, Map<Long, String> clientActors, boolean deletion) {
    Authorship.Acc acc = null;
    for (int i = from; i < to; i++) {
      ClockIndex.RowInfo row = null;
      String actor = acc == null ? null : acc.actor;
      if (p.clients[i] >= 0) {
        if (deletion) {
          // The deleting row's sender is the witness: a delete set carries no client of its own.
          row = idx.deletedBy(p.clients[i], p.clocks[i]);
          actor = row == null ? null : row.actor();
        } else {
          row = idx.insertedBy(p.clients[i], p.clocks[i]);
          actor = Authorship.actor(p.clients[i], row, clientActors);
        }
      }
      if (acc == null || !Objects.equals(acc.actor, actor)) {
        if (acc != null) {
          out.add(change(kind, acc.span(p.text)));
        }
        acc = new Authorship.Acc(i, actor);
      }
      acc.add(i, row);
    }
    if (acc != null) {
      out.add(change(kind, acc.span(p.text)));
    }
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
