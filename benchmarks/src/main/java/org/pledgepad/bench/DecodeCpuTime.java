package org.pledgepad.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * The main thread's CPU time to decode one update, repeated n times in one JVM; prints the
 * median, 25th percentile and minimum of the second half (compiled code). CPU time, unlike
 * wall-clock time, is barely stretched by other processes on a shared machine, so two builds
 * of the port can be compared run against run (old jar, new jar, interleaved). It leaves out
 * GC and JIT threads, and it is a Java-only figure: comparisons with yjs come from run.sh.
 * Usage: java -Db4.path=... [-Db4x.path=...] [-Drandom.path=...] -cp benchmarks.jar
 *        org.pledgepad.bench.DecodeCpuTime v1|v2|b4x|random n
 */
public final class DecodeCpuTime {
  private DecodeCpuTime() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    int n = Integer.parseInt(args[1]);
    byte[] update;
    if (mode.equals("b4x")) {
      update = Files.readAllBytes(Path.of(System.getProperty("b4x.path")));
    } else if (mode.equals("random")) {
      update = Files.readAllBytes(Path.of(System.getProperty("random.path")));
    } else {
      Doc built = B4Trace.load().build();
      update = mode.equals("v2") ? Y.encodeStateAsUpdateV2(built) : Y.encodeStateAsUpdate(built);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[n];
    long chars = 0;
    for (int i = 0; i < n; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      Doc doc = new Doc();
      if (mode.equals("v2")) {
        Y.applyUpdateV2(doc, update);
      } else {
        Y.applyUpdate(doc, update);
      }
      chars += doc.getText("text").length(); // used, so the decode cannot be left out
      cpu[i] = threads.getCurrentThreadCpuTime() - t0;
    }
    long[] tail = Arrays.copyOfRange(cpu, n / 2, n);
    Arrays.sort(tail);
    System.out.printf("%s main-thread cpu-ms median %.3f p25 %.3f min %.3f (last %d of %d decodes, %d chars)%n",
        mode, tail[tail.length / 2] / 1e6, tail[tail.length / 4] / 1e6, tail[0] / 1e6, tail.length, n, chars);
  }
}
