package org.pledgepad.server.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pledgepad.crdt.UpdateLimits;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.access.StructRuns;
import org.pledgepad.server.doc.ReceivedUpdate;
import org.pledgepad.server.doc.YjsDocument;

/**
 * The CRDT work of the server's receive path per update, the old way and the new, alternated run
 * by run in one JVM (thrice, once, thrice, ...). "thrice" is what the session did before: validate
 * (Y.validateUpdate at the peer limits, a decode that keeps nothing), the clientID runs from a
 * second decode, and after the commit Y.applyUpdate of the bytes (a third). "once" is the
 * session now: YjsDocument.parse, the runs from its structs, apply of the parsed update. Updates
 * are handled in groups of BATCH (all received, then all applied, as a group commit does, so
 * parsed updates wait as they do in the commit queue). The first UPDATES updates of the B4 trace
 * (one client, one edit each) into a fresh document per run. Per update and path: this thread's
 * CPU (median and minimum over the second half of the runs, and every run's value) and bytes
 * allocated (median over the second half). Not included: the store commit, the broadcast and
 * the ClientIdRegistry's verdict, the same on both paths. B4_TRACE as in {@link B4Updates}.
 *
 * <pre>  ReceiveBench [UPDATES=20000] [PAIRS=20] [BATCH=8]</pre>
 */
public final class ReceiveBench {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ReceiveBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    List<byte[]> updates = B4Updates.first(n);
    long self = Thread.currentThread().getId();
    long[][] cpu = new long[2][pairs];
    long[][] alloc = new long[2][pairs];
    byte[] expected = null;
    long checksum = 0;
    for (int i = 0; i < pairs; i++) {
      for (int path = 0; path < 2; path++) {
        long a0 = THREADS.getThreadAllocatedBytes(self);
        long t0 = THREADS.getCurrentThreadCpuTime();
        YjsDocument doc = new YjsDocument();
        checksum += path == 0 ? thrice(doc, updates, batch) : once(doc, updates, batch);
        cpu[path][i] = THREADS.getCurrentThreadCpuTime() - t0;
        alloc[path][i] = THREADS.getThreadAllocatedBytes(self) - a0;
        byte[] state = doc.encodeState();
        if (expected == null) {
          expected = state;
        } else if (!Arrays.equals(state, expected)) {
          throw new IllegalStateException("run " + i + " path " + path + " ended at a different state");
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d updates, batch %d, %d pairs (thrice, once alternated), %d clientID runs read in all%n",
        updates.size(), batch, pairs, checksum);
    for (int path = 0; path < 2; path++) {
      long[] cpuTail = Arrays.copyOfRange(cpu[path], pairs / 2, pairs);
      long[] allocTail = Arrays.copyOfRange(alloc[path], pairs / 2, pairs);
      Arrays.sort(cpuTail);
      Arrays.sort(allocTail);
      StringBuilder all = new StringBuilder();
      for (long c : cpu[path]) {
        all.append(String.format(Locale.ROOT, " %.0f", c / (double) n));
      }
      System.out.printf(Locale.ROOT, "%-6s cpu-ns/update median %.0f min %.0f | alloc-B/update median %.0f | all cpu:%s%n",
          path == 0 ? "thrice" : "once", cpuTail[cpuTail.length / 2] / (double) n, cpuTail[0] / (double) n,
          allocTail[allocTail.length / 2] / (double) n, all);
    }
  }

  /** The old receive path; returns the number of clientID runs seen (keeps the work observable). */
  private static long thrice(YjsDocument doc, List<byte[]> updates, int batch) {
    long runs = 0;
    for (int from = 0; from < updates.size(); from += batch) {
      int to = Math.min(updates.size(), from + batch);
      for (int i = from; i < to; i++) {
        Y.validateUpdate(updates.get(i), UpdateLimits.UNTRUSTED);
        runs += StructRuns.of(updates.get(i)).size();
      }
      for (int i = from; i < to; i++) {
        doc.apply(updates.get(i));
      }
    }
    return runs;
  }

  /** The receive path now. */
  private static long once(YjsDocument doc, List<byte[]> updates, int batch) {
    long runs = 0;
    List<ReceivedUpdate> queued = new ArrayList<>(batch);
    for (int from = 0; from < updates.size(); from += batch) {
      int to = Math.min(updates.size(), from + batch);
      for (int i = from; i < to; i++) {
        ReceivedUpdate received = doc.parse(updates.get(i));
        runs += StructRuns.of(received.structs()).size();
        queued.add(received);
      }
      for (ReceivedUpdate received : queued) {
        doc.apply(received);
      }
      queued.clear();
    }
    return runs;
  }
}
