package org.pledgepad.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * Groups log rows into revisions the way people remember their work: one person's run of edits
 * until they pause for at least {@code pause} or someone else edits. A named version or a
 * restore also closes a revision, so both can be picked from the list. The sizes compare the
 * text at both boundaries character by character (by CRDT identity), so typing and then
 * deleting a word within one revision adds nothing.
 */
public final class Revisions {
  public static final Duration DEFAULT_PAUSE = Duration.ofMinutes(5);

  private Revisions() {}

  public static List<Revision> compute(Iterable<LogRow> rows, Duration pause, List<NamedVersion> named,
                                       List<RestorePoint> restores, ContentKind kind) {
    Map<Long, List<NamedVersion>> namesAt = new HashMap<>();
    for (NamedVersion n : named) {
      namesAt.computeIfAbsent(n.seq(), s -> new ArrayList<>()).add(n);
    }
    Map<Long, RestorePoint> restoreAt = new HashMap<>();
    for (RestorePoint r : restores) {
      restoreAt.put(r.seq(), r);
    }
    long pauseMillis = pause.toMillis();
    Doc doc = new Doc();
    TextProjection before = TextProjection.of(new Doc(), kind);
    List<Revision> out = new ArrayList<>();
    Open open = null;
    for (LogRow row : rows) {
      boolean breakBefore = open != null && (!open.actor.equals(row.actor())
          || row.timeMillis() - open.toTime >= pauseMillis
          || restoreAt.containsKey(row.seq()) || open.restore != null);
      if (breakBefore) {
        before = close(open, doc, kind, before, namesAt, out);
        open = null;
      }
      if (open == null) {
        open = new Open(row);
        open.restore = restoreAt.get(row.seq());
      }
      open.toSeq = row.seq();
      open.toTime = row.timeMillis();
      open.rows++;
      if (row.update() != null) {
        Y.applyUpdate(doc, row.update());
      }
      if (namesAt.containsKey(row.seq())) {
        before = close(open, doc, kind, before, namesAt, out);
        open = null;
      }
    }
    if (open != null) {
      close(open, doc, kind, before, namesAt, out);
    }
    return out;
  }

  private static TextProjection close(Open o, Doc doc, ContentKind kind, TextProjection before,
                                      Map<Long, List<NamedVersion>> namesAt, List<Revision> out) {
    TextProjection after = TextProjection.of(doc, kind);
    int ins = 0;
    int del = 0;
    for (TextDiff.Part p : Alignment.align(before, after)) {
      switch (p.kind()) {
        case INSERT -> ins += p.newTo() - p.newFrom();
        case DELETE -> del += p.oldTo() - p.oldFrom();
        case EQUAL -> { }
      }
    }
    out.add(new Revision(o.fromSeq, o.toSeq, o.fromTime, o.toTime, List.of(o.actor), o.rows, ins, del,
        namesAt.getOrDefault(o.toSeq, List.of()), o.restore));
    return after;
  }

  private static final class Open {
    final String actor;
    final long fromSeq;
    final long fromTime;
    long toSeq;
    long toTime;
    int rows;
    RestorePoint restore;

    Open(LogRow first) {
      actor = first.actor();
      fromSeq = first.seq();
      fromTime = first.timeMillis();
    }
  }
}
