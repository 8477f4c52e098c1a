package org.pledgepad.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.UpdateLimits;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YText;

/**
 * A server's receive path for the B4 trace as the 259,778 one-edit v1 updates its editor sent:
 * "twice" validates each update (a decode that keeps nothing) and applies its bytes (a second
 * decode), as the server did; "once" parses each update (the validation) and integrates what
 * was parsed. The two alternate run by run in one JVM (twice, once, twice, ...); per path the
 * main thread's CPU time (median and minimum of the second half) and bytes allocated per run.
 * Both must end at the trace's text. Usage: java -Db4.path=... -cp benchmarks.jar
 * org.pledgepad.bench.ReceiveCpuTime pairs
 */
public final class ReceiveCpuTime {
  private ReceiveCpuTime() {}

  public static void main(String[] args) {
    int pairs = Integer.parseInt(args[0]);
    B4Trace trace = B4Trace.load();
    List<byte[]> updates = new ArrayList<>();
    Doc source = Workloads.newDoc();
    source.onUpdate((u, origin, d, tr) -> updates.add(u));
    trace.applyTo(source, source.getText("text"), 0);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    long[][] cpu = new long[2][pairs];
    long[][] alloc = new long[2][pairs];
    for (int i = 0; i < pairs; i++) {
      for (int path = 0; path < 2; path++) {
        long a0 = threads.getThreadAllocatedBytes(self);
        long t0 = threads.getCurrentThreadCpuTime();
        Doc doc = path == 0 ? twice(updates) : once(updates);
        cpu[path][i] = threads.getCurrentThreadCpuTime() - t0;
        alloc[path][i] = threads.getThreadAllocatedBytes(self) - a0;
        YText text = doc.getText("text");
        if (!text.toString().equals(trace.endContent)) {
          throw new IllegalStateException("path " + path + ": final text differs from the trace's end content");
        }
      }
    }
    System.out.printf("%d updates, %d pairs (twice, once alternated)%n", updates.size(), pairs);
    for (int path = 0; path < 2; path++) {
      long[] tail = Arrays.copyOfRange(cpu[path], pairs / 2, pairs);
      Arrays.sort(tail);
      System.out.printf("%-5s cpu-ms first %.1f | median %.1f min %.1f (last %d) | alloc-MB/run %.1f (last)%n",
          path == 0 ? "twice" : "once", cpu[path][0] / 1e6, tail[tail.length / 2] / 1e6, tail[0] / 1e6, tail.length,
          alloc[path][pairs - 1] / 1e6);
    }
  }

  private static Doc twice(List<byte[]> updates) {
    Doc doc = Workloads.newDoc();
    for (byte[] u : updates) {
      Y.validateUpdate(u, UpdateLimits.UNTRUSTED);
      Y.applyUpdate(doc, u, null, UpdateLimits.TRUSTED);
    }
    return doc;
  }

  private static Doc once(List<byte[]> updates) {
    Doc doc = Workloads.newDoc();
    for (byte[] u : updates) {
      Y.applyParsedUpdate(doc, Y.parseUpdate(u, UpdateLimits.UNTRUSTED), null);
    }
    return doc;
  }
}
