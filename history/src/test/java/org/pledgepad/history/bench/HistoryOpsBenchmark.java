package org.pledgepad.history.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.history.AuthorSpan;
import org.pledgepad.history.ClockIndex;
import org.pledgepad.history.ContentKind;
import org.pledgepad.history.DocumentHistory;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.Restorer;
import org.pledgepad.history.Revision;
import org.pledgepad.history.RowSource;
import org.pledgepad.history.StoredSnapshot;
import org.pledgepad.history.VersionDiff;

/**
 * The history's other requests on the B4 log (snapshots every 1000 rows): building the clock
 * index, authorship of a version, diff of two random versions, restore, revisions. Each figure
 * is printed beside "read one version" measured in the same run, the unit every request pays.
 *
 * <p>Run: {@code java -Xmx6g -cp history/target/classes:history/target/test-classes:CRDT_JAR
 * org.pledgepad.history.bench.HistoryOpsBenchmark [trace.json.gz] [samples] [seed]}
 */
public final class HistoryOpsBenchmark {
  public static void main(String[] args) throws Exception {
    B4History h = new B4History(B4History.path(args));
    List<LogRow> rows = h.rows;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261128L;
    System.out.println("B4 log: " + rows.size() + " rows; seed " + seed + ", samples " + samples);
    List<StoredSnapshot> snaps = new ArrayList<>();
    Doc live = new Doc();
    for (LogRow r : rows) {
      Y.applyUpdate(live, r.update());
      if (r.seq() % 1000 == 0) {
        snaps.add(new StoredSnapshot(r.seq(), Y.encodeStateAsUpdate(live)));
      }
    }
    RowSource source = (from, to) -> rows.subList((int) from, (int) Math.min(to, rows.size()));
    int n = rows.size();

    long a = System.nanoTime();
    ClockIndex idx = ClockIndex.of(rows);
    System.out.printf("clock index over all rows: %.0f ms (kept per document, extended per new row)%n", ms(a));
    DocumentHistory hist = new DocumentHistory(ContentKind.TEXT, source, snaps, java.util.Map.of(1L, "author"), idx);

    Random rnd = new Random(seed);
    double read = 0;
    double auth = 0;
    double diff = 0;
    double restore = 0;
    long diffChanges = 0;
    for (int i = 0; i < samples; i++) {
      long s1 = 1 + rnd.nextInt(n);
      long s2 = 1 + rnd.nextInt(n);
      long lo = Math.min(s1, s2);
      long hi = Math.max(s1, s2);
      a = System.nanoTime();
      hist.version(hi).text();
      read += ms(a);
      a = System.nanoTime();
      List<AuthorSpan> spans = hist.authorship(hi);
      auth += ms(a);
      a = System.nanoTime();
      List<VersionDiff.Change> ch = hist.diff(lo, hi);
      diff += ms(a);
      diffChanges += ch.size();
      Doc cur = hist.docAt(n);
      a = System.nanoTime();
      Restorer.restore(cur, hist.docAt(lo), ContentKind.TEXT, "restore");
      restore += ms(a);
      if (spans.isEmpty() && hi > 100) {
        throw new IllegalStateException("no authorship");
      }
    }
    System.out.printf("read version: mean %.1f ms%n", read / samples);
    System.out.printf("authorship of a version: mean %.1f ms (%.1f× a read)%n", auth / samples, auth / read);
    System.out.printf("diff of two random versions: mean %.1f ms (%.1f× a read), %d changes on average%n",
        diff / samples, diff / read, diffChanges / samples);
    System.out.printf("restore final → random version (diff + edits, docs loaded): mean %.1f ms%n", restore / samples);
    a = System.nanoTime();
    List<Revision> revs = hist.revisions(n, Duration.ofMinutes(5), List.of(), List.of());
    System.out.printf("revisions over all rows: %d revision(s) in %.0f ms%n", revs.size(), ms(a));
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private HistoryOpsBenchmark() {}
}
