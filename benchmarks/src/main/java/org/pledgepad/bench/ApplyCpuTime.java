package org.pledgepad.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The main thread's CPU time and allocation to replay the B4 trace (the b4 workload), repeated
 * n times in one JVM. Prints the first run (a fresh JVM: interpreter and JIT warm-up on this
 * thread), then the median, 25th percentile and minimum of the second half, and the bytes
 * allocated per run. CPU time is barely stretched by other processes on a shared machine, so
 * two builds can be compared run against run (old jar, new jar, interleaved); it leaves out GC
 * and JIT threads and is a Java-only figure (comparisons with yjs come from run.sh).
 * Usage: java -Db4.path=... -cp benchmarks.jar org.pledgepad.bench.ApplyCpuTime n
 */
public final class ApplyCpuTime {
  private ApplyCpuTime() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    B4Trace trace = B4Trace.load();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    long[] cpu = new long[n];
    long[] alloc = new long[n];
    long[] wall = new long[n];
    long chars = 0;
    for (int i = 0; i < n; i++) {
      long a0 = threads.getThreadAllocatedBytes(self);
      long w0 = System.nanoTime();
      long t0 = threads.getCurrentThreadCpuTime();
      chars += trace.build().getText("text").length(); // used, so the replay cannot be left out
      cpu[i] = threads.getCurrentThreadCpuTime() - t0;
      wall[i] = System.nanoTime() - w0;
      alloc[i] = threads.getThreadAllocatedBytes(self) - a0;
    }
    long[] tail = Arrays.copyOfRange(cpu, n / 2, n);
    Arrays.sort(tail);
    long[] wallTail = Arrays.copyOfRange(wall, n / 2, n);
    Arrays.sort(wallTail);
    long gcMs = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMs += gc.getCollectionTime();
    }
    System.out.printf("b4 main-thread cpu-ms first %.1f | median %.1f p25 %.1f min %.1f (last %d of %d runs)"
        + " | wall-ms first %.1f median %.1f | alloc-MB/run %.1f (last) | gc-ms total %d | %d chars%n",
        cpu[0] / 1e6, tail[tail.length / 2] / 1e6, tail[tail.length / 4] / 1e6, tail[0] / 1e6, tail.length, n,
        wall[0] / 1e6, wallTail[wallTail.length / 2] / 1e6, alloc[n - 1] / 1e6, gcMs, chars);
  }
}
