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
 * until they pause for at least {@code pause} or someone else edits. People writing at the same
 * time share a revision instead: when someone whose revision closed because another began comes
 * back within {@link #TAKING_TURNS} (A, B, A …; or A, B, C, A …), those revisions become one with
 * all their names, which runs until a pause, a new writer, or {@code pause} after its start.
 * Before, every change of writer closed a revision, so two people typing at once made a revision
 * per keystroke — a list nobody can read, and a text comparison per keystroke over the whole
 * document each time the history page was opened. A named version or a restore also closes a
 * revision, so both can be picked from the list, and is never merged. The sizes compare the text
 * at both boundaries character by character (by CRDT identity), so typing and then deleting a
 * word within one revision adds nothing.
 */
public final class Revisions {
  public static final Duration DEFAULT_PAUSE = Duration.ofMinutes(5);
  /** A writer who comes back within this time after the next one started writes with them. */
  static final long TAKING_TURNS = 60_000;

  private Revisions() {}

  public static List<Revision> compute(Iterable<LogRow> rows, Duration pause, List<NamedVersion> named,
                                       List<RestorePoint> restores, ContentKind kind) {
    Builder b = new Builder(pause, named, restores, kind);
    for (LogRow row : rows) {
      b.add(row);
    }
    return b.revisions();
  }

  /**
   * The grouping as a state that takes rows one by one and can be asked for the revisions so far
   * at any time, so that a server can keep it and replay only the rows logged since (the history
   * page's first request after each edit replayed the whole log). Holds the replayed document and
   * the text at the last boundary: about two copies of the document. Not thread-safe.
   */
  public static final class Builder {
    private final Duration pause;
    private final long pauseMillis;
    private final List<NamedVersion> named;
    private final List<RestorePoint> restores;
    private final ContentKind kind;
    private final Map<Long, List<NamedVersion>> namesAt = new HashMap<>();
    private final Map<Long, RestorePoint> restoreAt = new HashMap<>();
    private final Doc doc = new Doc();
    private TextProjection before;
    private final List<Revision> out = new ArrayList<>();
    private Open open;
    // The revisions closed because someone else began writing, newest last, each with the text
    // before it: while their writers may still come back (TAKING_TURNS), they may join the open one.
    private final List<Closed> recent = new ArrayList<>();
    private long seq;

    public Builder(Duration pause, List<NamedVersion> named, List<RestorePoint> restores, ContentKind kind) {
      this.pause = pause;
      this.pauseMillis = pause.toMillis();
      this.named = List.copyOf(named);
      this.restores = List.copyOf(restores);
      this.kind = kind;
      for (NamedVersion n : named) {
        namesAt.computeIfAbsent(n.seq(), s -> new ArrayList<>()).add(n);
      }
      for (RestorePoint r : restores) {
        restoreAt.put(r.seq(), r);
      }
      before = TextProjection.of(new Doc(), kind);
    }

    /** The seq of the last row taken (0: none). */
    public long seq() {
      return seq;
    }

    /** Whether this grouping was made with these names, restores and pause (else start anew). */
    public boolean madeWith(Duration pause, List<NamedVersion> named, List<RestorePoint> restores, ContentKind kind) {
      return this.pause.equals(pause) && this.named.equals(named) && this.restores.equals(restores) && this.kind == kind;
    }

    /** Takes the next row of the log (seqs ascending). */
    public void add(LogRow row) {
      seq = row.seq();
      long at = row.timeMillis();
      boolean newWriter = open != null && !open.actors.contains(row.actor());
      recent.removeIf(c -> at - c.revision().toTime >= TAKING_TURNS);
      if (newWriter && open.restore == null && !restoreAt.containsKey(row.seq()) && at - open.toTime < pauseMillis) {
        int from = recent.size() - 1;
        while (from >= 0 && !recent.get(from).revision().actors.contains(row.actor())) {
          from--;
        }
        if (from >= 0 && at - recent.get(from).revision().fromTime < pauseMillis) {
          // Taking turns: the revisions from the one the writer left to the open one become one.
          Closed first = recent.get(from);
          for (int i = from + 1; i < recent.size(); i++) {
            first.revision().join(recent.get(i).revision());
          }
          first.revision().join(open);
          out.subList(out.size() - (recent.size() - from), out.size()).clear();
          recent.subList(from, recent.size()).clear();
          open = first.revision();
          before = first.before();
          newWriter = false;
        }
      }
      boolean otherBreak = open != null && (at - open.toTime >= pauseMillis
          || open.actors.size() > 1 && at - open.fromTime >= pauseMillis
          || restoreAt.containsKey(row.seq()) || open.restore != null);
      if (newWriter || otherBreak) {
        TextProjection after = close(open, doc, kind, before, namesAt, out);
        if (otherBreak) {
          recent.clear(); // a pause, a long shared revision or a restore: nothing joins across it
        } else {
          recent.add(new Closed(open, before));
        }
        before = after;
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
        recent.clear(); // a named version stays a revision of its own
      }
    }

    /** The revisions up to the last row taken, the open one as it stands; the state is unchanged. */
    public List<Revision> revisions() {
      List<Revision> all = new ArrayList<>(out);
      if (open != null) {
        close(open, doc, kind, before, namesAt, all);
      }
      return all;
    }
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
    out.add(new Revision(o.fromSeq, o.toSeq, o.fromTime, o.toTime, List.copyOf(o.actors), o.rows, ins, del,
        namesAt.getOrDefault(o.toSeq, List.of()), o.restore));
    return after;
  }

  private record Closed(Open revision, TextProjection before) {}

  private static final class Open {
    final java.util.Set<String> actors = new java.util.LinkedHashSet<>();
    final long fromSeq;
    final long fromTime;
    long toSeq;
    long toTime;
    int rows;
    RestorePoint restore;

    Open(LogRow first) {
      actors.add(first.actor());
      fromSeq = first.seq();
      fromTime = first.timeMillis();
    }

    /** Takes the rows of {@code next}, the revision that followed this one. */
    void join(Open next) {
      actors.addAll(next.actors);
      toSeq = next.toSeq;
      toTime = next.toTime;
      rows += next.rows;
    }
  }
}
