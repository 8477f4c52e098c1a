package org.pledgepad.history.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.history.ContentKind;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.StoredSnapshot;
import org.pledgepad.history.Verifier;
import org.pledgepad.history.VersionReader;
import org.pledgepad.history.VersionView;

/**
 * Time to read an arbitrary version of the B4 trace as a 260k-row history, with a snapshot every
 * K rows, against the peer "replay from the empty document" measured in the same run. A plain
 * main (not JMH): it times whole requests as the history API would serve them.
 *
 * <p>Run ({@code -Dxml=true} for the text inside the XML fragment, served as HTML):
 * {@code java -Xmx6g -cp history/target/classes:history/target/test-classes:crdt/target/classes
 * org.pledgepad.history.bench.VersionReadBenchmark [trace.json.gz] [K,K,...] [samples] [seed]}
 */
public final class VersionReadBenchmark {
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    boolean xml = Boolean.getBoolean("xml");
    kind = xml ? ContentKind.XML : ContentKind.TEXT;
    B4History h = new B4History(B4History.path(args), xml);
    List<LogRow> rows = h.rows;
    System.out.printf("B4 log (%s): %d rows built in %.1f s%n", xml ? "XmlText in a paragraph, -Dxml=true" : "Y.Text",
        rows.size(), (System.nanoTime() - t0) / 1e9);
    int[] ks = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
        : new int[] {1000, 10000};
    int samples = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261128L;
    System.out.println("seed " + seed + ", samples " + samples);

    // Snapshots as the server makes them: a gc'd live document encoded every K rows.
    List<List<StoredSnapshot>> sets = new ArrayList<>();
    for (int k : ks) {
      long s0 = System.nanoTime();
      List<StoredSnapshot> snaps = new ArrayList<>();
      Doc live = new Doc();
      long bytes = 0;
      for (LogRow r : rows) {
        Y.applyUpdate(live, r.update());
        if (r.seq() % k == 0) {
          byte[] st = Y.encodeStateAsUpdate(live);
          bytes += st.length;
          snaps.add(new StoredSnapshot(r.seq(), st));
        }
      }
      sets.add(snaps);
      System.out.printf("K=%d: %d snapshots, %.1f MB, made in %.1f s%n", k, snaps.size(), bytes / 1e6,
          (System.nanoTime() - s0) / 1e9);
    }
    // Warm every variant first, so the order of the variants does not decide who pays for JIT.
    for (int pass = 0; pass < 2; pass++) {
      for (int v = 0; v < ks.length; v++) {
        Random rnd = new Random(seed + pass);
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
          long seq = 1 + rnd.nextInt(rows.size());
          long a = System.nanoTime();
          String text = read(rows, sets.get(v), seq);
          ms[i] = (System.nanoTime() - a) / 1e6;
          if (text == null) {
            throw new IllegalStateException();
          }
        }
        if (pass == 1) {
          report("K=" + ks[v] + " read version (snapshot + replay + text)", ms);
          System.out.println("  final version equals the trace's end content: "
              + read(rows, sets.get(v), rows.size()).equals(kind == ContentKind.XML
                  ? "<p>" + org.pledgepad.history.Html.escape(h.endContent) + "</p>" : h.endContent));
        }
      }
    }

    // The peer: no snapshots at all, replay from the empty document.
    Random rnd = new Random(seed);
    int peerSamples = Math.max(3, samples / 40);
    double[] ms = new double[peerSamples];
    for (int i = 0; i < peerSamples; i++) {
      long seq = 1 + rnd.nextInt(rows.size());
      long a = System.nanoTime();
      read(rows, List.of(), seq);
      ms[i] = (System.nanoTime() - a) / 1e6;
    }
    report("peer: replay from empty (no snapshots)", ms);

    long v0 = System.nanoTime();
    var report = new Verifier("b4").verify(rows);
    System.out.printf("verify whole chain + replay: %s in %.1f s%n", report.ok() ? "OK" : report.summary(),
        (System.nanoTime() - v0) / 1e9);
    long v1 = System.nanoTime();
    new Verifier("b4").replay(false).verify(rows);
    System.out.printf("verify whole chain, hashes only: %.2f s%n", (System.nanoTime() - v1) / 1e9);
  }

  static String read(List<LogRow> rows, List<StoredSnapshot> snaps, long seq) {
    StoredSnapshot base = VersionReader.nearest(snaps, seq);
    int from = base == null ? 0 : (int) base.seq();
    Doc d = VersionReader.docAt(base, rows.subList(from, (int) seq), seq);
    VersionView v = new VersionView(d, kind);
    // XML versions are served as HTML; plain text versions as text.
    return kind == ContentKind.XML ? v.html() : v.text();
  }

  private static ContentKind kind = ContentKind.TEXT;

  static void report(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElse(0);
    System.out.printf("%s: n=%d mean %.1f ms, p50 %.1f, p95 %.1f, max %.1f%n", what, s.length, mean,
        s[s.length / 2], s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))], s[s.length - 1]);
  }

  private VersionReadBenchmark() {}

}
