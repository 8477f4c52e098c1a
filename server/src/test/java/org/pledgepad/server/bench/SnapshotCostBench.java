package org.pledgepad.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pledgepad.server.doc.YjsDocument;

/**
 * The two costs a snapshot policy trades, in thread CPU (less load-dependent than wall time on
 * a shared machine): encoding the whole document (what a snapshot costs the event loop) and
 * opening it from a snapshot plus a log tail of K updates (what a crash before the next snapshot
 * costs the next open). Medians of ROUNDS rounds after as many warm-up rounds.
 *
 * <pre>
 *   SnapshotCostBench N b4|random K1,K2,...   e.g. 100000 random 0,200,2000,5000,10000
 * </pre>
 */
public final class SnapshotCostBench {
  private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "7"));
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SnapshotCostBench() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    List<byte[]> updates = args[1].equals("b4") ? B4Updates.first(n) : OpenTimeBench.randomInserts(n);
    for (String k : args[2].split(",")) {
      measure(updates, Integer.parseInt(k), args[1]);
    }
  }

  private static void measure(List<byte[]> updates, int tailLength, String kind) {
    YjsDocument head = new YjsDocument();
    head.applyAll(updates.subList(0, updates.size() - tailLength));
    byte[] snapshot = head.encodeState();
    List<byte[]> tail = updates.subList(updates.size() - tailLength, updates.size());
    long tailBytes = tail.stream().mapToLong(u -> u.length).sum();
    long[] encode = new long[ROUNDS];
    long[] openSnapshot = new long[ROUNDS];
    long[] openTail = new long[ROUNDS];
    for (int warm = 0; warm < 2; warm++) { // the first pass only warms the JIT
      for (int r = 0; r < ROUNDS; r++) {
        long t0 = cpu();
        head.encodeState();
        long t1 = cpu();
        YjsDocument fresh = new YjsDocument();
        fresh.apply(snapshot);
        long t2 = cpu();
        fresh.applyAll(new ArrayList<>(tail));
        long t3 = cpu();
        encode[r] = t1 - t0;
        openSnapshot[r] = t2 - t1;
        openTail[r] = t3 - t2;
      }
    }
    System.out.printf("{\"kind\":\"%s\",\"updates\":%d,\"tailUpdates\":%d,\"tailBytes\":%d,\"snapshotBytes\":%d,"
            + "\"encodeMs\":%.2f,\"applySnapshotMs\":%.2f,\"applyTailMs\":%.2f}%n",
        kind, updates.size(), tailLength, tailBytes, snapshot.length, median(encode), median(openSnapshot), median(openTail));
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }
}
