package org.pledgepad.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** CPU of the embedded store's own thread: less noisy than the process (no JIT, GC or Vert.x threads). */
final class StoreThreads {
  private StoreThreads() {}

  /** Summed CPU nanoseconds of the store's writer thread(s), without its background checkpointer. */
  static long cpuNanos() {
    return sum(ManagementFactory.getThreadMXBean()::getThreadCpuTime);
  }

  /** Bytes the writer thread(s) allocated: deterministic where CPU time is not (garbage is GC work later). */
  static long allocatedBytes() {
    return sum(((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())::getThreadAllocatedBytes);
  }

  private static long sum(java.util.function.LongUnaryOperator perThread) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("pledgepad-sqlite-")
          && !t.getThreadName().equals("pledgepad-sqlite-checkpoint")) {
        sum += perThread.applyAsLong(t.getThreadId());
      }
    }
    return sum;
  }
}
