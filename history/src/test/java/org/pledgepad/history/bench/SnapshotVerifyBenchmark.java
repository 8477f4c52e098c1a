package org.pledgepad.history.bench;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.history.Erasure;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.SameState;
import org.pledgepad.history.StoredSnapshot;
import org.pledgepad.history.VerificationReport;
import org.pledgepad.history.Verifier;

/**
 * What checking every stored snapshot costs (review 2026-11-30, History item 2): the B4 log with a
 * snapshot every 200 rows (the server's SNAPSHOT_EVERY) verified three ways, alternating so that
 * load from other processes on the shared machine hits each arm alike — chain + replay only (the
 * peer), the snapshots 1,000 rows apart, and every snapshot; after one uncounted warm-up round,
 * medians. Then, for the snapshots at every 10,000 rows, where one comparison's time goes.
 *
 * <p>Run: {@code java -Xmx6g -cp history/target/classes:history/target/test-classes:crdt/target/classes
 * org.pledgepad.history.bench.SnapshotVerifyBenchmark [trace.json.gz] [rounds, default 3]}
 */
public final class SnapshotVerifyBenchmark {
  public static void main(String[] args) throws Exception {
    List<LogRow> rows = new B4History(B4History.path(args)).rows;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Long> every200 = new ArrayList<>();
    for (long s = 200; s <= rows.size(); s += 200) {
      every200.add(s);
    }
    List<StoredSnapshot> all = Erasure.rebuildSnapshots(rows, every200);
    List<StoredSnapshot> spaced = all.stream().filter(s -> s.seq() % 1000 == 0).toList();
    long bytes = all.stream().mapToLong(s -> s.state().length).sum();
    System.out.printf("B4 log: %d rows, %d snapshots every 200 rows (%.0f MB), %d of them 1,000 apart%n",
        rows.size(), all.size(), bytes / 1e6, spaced.size());

    String doc = rows.get(0).doc();
    System.out.println("warm-up round (not counted):");
    time(new Verifier(doc), rows, "peer");
    time(new Verifier(doc).snapshots(spaced), rows, "spaced");
    time(new Verifier(doc).snapshots(all), rows, "all");
    double[][] t = new double[3][rounds];
    for (int round = 0; round < rounds; round++) {
      System.out.println("round " + (round + 1) + ":");
      t[0][round] = time(new Verifier(doc), rows, "peer: chain + replay, no snapshots");
      t[1][round] = time(new Verifier(doc).snapshots(spaced), rows, "snapshots 1,000 apart (" + spaced.size() + ")");
      t[2][round] = time(new Verifier(doc).snapshots(all), rows, "every snapshot (" + all.size() + ")");
    }
    double peer = median(t[0]);
    double sp = median(t[1]);
    double al = median(t[2]);
    System.out.printf("medians over %d rounds: peer %.0f ms, spaced %.0f ms, all %.0f ms%n", rounds, peer, sp, al);
    System.out.printf("all / peer = %.2f, spaced / peer = %.2f, all / spaced = %.2f;"
        + " per snapshot beyond the replay: %.2f ms%n", al / peer, sp / peer, al / sp, (al - peer) / all.size());
    StringBuilder perRound = new StringBuilder("all / peer per round:");
    for (int round = 0; round < rounds; round++) {
      perRound.append(String.format(" %.2f", t[2][round] / t[0][round]));
    }
    System.out.println(perRound);

    breakdown(rows, all);
  }

  /** Decoding the stored state and comparing it with the replay, each alone; encoding the replay for scale. */
  private static void breakdown(List<LogRow> rows, List<StoredSnapshot> all) {
    Doc replay = new Doc();
    int next = 0;
    double decode = 0;
    double compare = 0;
    double encode = 0;
    int n = 0;
    for (StoredSnapshot s : all) {
      while (next < s.seq()) {
        Y.applyUpdate(replay, rows.get(next++).update());
      }
      if (s.seq() % 10_000 != 0) {
        continue;
      }
      n++;
      long a = System.nanoTime();
      Doc stored = new Doc();
      Y.applyUpdate(stored, s.state());
      decode += ms(a);
      a = System.nanoTime();
      if (!SameState.of(replay, stored)) {
        throw new IllegalStateException("snapshot " + s.seq() + " differs");
      }
      compare += ms(a);
      a = System.nanoTime();
      Y.encodeStateAsUpdate(replay);
      encode += ms(a);
    }
    System.out.printf("per snapshot (mean of %d, every 10,000 rows): decode %.2f ms, compare with the replay %.2f ms,"
        + " encodeStateAsUpdate(replay) for scale %.2f ms%n", n, decode / n, compare / n, encode / n);
  }

  private static double time(Verifier v, List<LogRow> rows, String label) {
    long a = System.nanoTime();
    VerificationReport r = v.verify(rows);
    double ms = ms(a);
    System.out.printf("  %s: %.0f ms, ok=%s, %d snapshots checked%n", label, ms, r.ok(), r.snapshotsChecked());
    if (!r.ok()) {
      throw new IllegalStateException(r.summary());
    }
    return ms;
  }

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private SnapshotVerifyBenchmark() {}
}
