package org.pledgepad.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who wrote which part of a version. The CRDT item of every character names the client that
 * created it; the server's clientID → user binding turns that into an actor, and the clock index
 * gives the row (seq, time) that brought it in. Where the binding has no entry the row's actor
 * is used, because the row's sender is then the best witness.
 */
public final class Authorship {
  private Authorship() {}

  public static List<AuthorSpan> of(TextProjection p, ClockIndex idx, Map<Long, String> clientActors) {
    List<AuthorSpan> out = new ArrayList<>();
    Acc acc = null;
    for (int i = 0; i < p.length(); i++) {
      if (p.clients[i] < 0) {
        if (acc != null) {
          acc.to = i + 1; // block separators belong to the span they end
        }
        continue;
      }
      ClockIndex.RowInfo row = idx.insertedBy(p.clients[i], p.clocks[i]);
      String actor = actor(p.clients[i], row, clientActors);
      if (acc == null || !java.util.Objects.equals(acc.actor, actor)) {
        if (acc != null) {
          out.add(acc.span(p.text));
        }
        acc = new Acc(i, actor);
      }
      acc.add(i, row);
    }
    if (acc != null) {
      out.add(acc.span(p.text));
    }
    return out;
  }

  static String actor(long client, ClockIndex.RowInfo row, Map<Long, String> clientActors) {
    String bound = clientActors.get(client);
    return bound != null ? bound : row != null ? row.actor() : null;
  }

  /** Accumulates one span; also used by {@link VersionDiff} for its runs. */
  static final class Acc {
    final int from;
    final String actor;
    int to;
    long firstSeq = Long.MAX_VALUE;
    long lastSeq;
    long firstTime = Long.MAX_VALUE;
    long lastTime;

    Acc(int from, String actor) {
      this.from = from;
      this.to = from;
      this.actor = actor;
    }

    void add(int i, ClockIndex.RowInfo row) {
      to = i + 1;
      if (row != null) {
        firstSeq = Math.min(firstSeq, row.seq());
        lastSeq = Math.max(lastSeq, row.seq());
        firstTime = Math.min(firstTime, row.timeMillis());
        lastTime = Math.max(lastTime, row.timeMillis());
      }
    }

    AuthorSpan span(String text) {
      boolean known = firstSeq != Long.MAX_VALUE;
      return new AuthorSpan(from, to, text.substring(from, to), actor, known ? firstSeq : 0, lastSeq,
          known ? firstTime : 0, lastTime);
    }
  }
}
