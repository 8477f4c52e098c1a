package org.pledgepad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * Two builds of the port in one JVM: each jar (a benchmarks.jar, which contains crdt) in its own
 * class loader, the B4 document decoded by A and B alternately (A B, B A, A B, ...), the main
 * thread's CPU time per decode. Both builds see the same JIT, heap, machine load and CPU
 * frequency at nearly the same moments, so the per-pair ratio B/A is steadier than separate runs
 * of DecodeCpuTime. Prints medians, 25th percentiles and minima over the second half of the
 * pairs and the median of the per-pair ratios.
 * Usage: java -Db4.path=... -cp benchmarks.jar org.pledgepad.bench.JarAbCpuTime A.jar B.jar v1|v2 pairs
 */
public final class JarAbCpuTime {
  private JarAbCpuTime() {}

  /** One build's entry points, loaded apart from the application's own crdt classes. */
  private record Build(Class<?> doc, Method apply, Method getText, Method length) {
    static Build load(String jar, boolean v2) throws ReflectiveOperationException, java.io.IOException {
      ClassLoader cl = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> doc = cl.loadClass("org.pledgepad.crdt.Doc");
      Method apply = cl.loadClass("org.pledgepad.crdt.Y").getMethod(v2 ? "applyUpdateV2" : "applyUpdate", doc,
          byte[].class);
      return new Build(doc, apply, doc.getMethod("getText", String.class),
          cl.loadClass("org.pledgepad.crdt.YText").getMethod("length"));
    }

    int decode(byte[] update) throws ReflectiveOperationException {
      Object d = doc.getConstructor().newInstance();
      apply.invoke(null, d, update);
      return (int) length.invoke(getText.invoke(d, "text"));
    }
  }

  public static void main(String[] args) throws Exception {
    boolean v2 = args[2].equals("v2");
    int pairs = Integer.parseInt(args[3]);
    Doc built = B4Trace.load().build();
    byte[] update = v2 ? Y.encodeStateAsUpdateV2(built) : Y.encodeStateAsUpdate(built);
    Build a = Build.load(args[0], v2);
    Build b = Build.load(args[1], v2);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpuA = new long[pairs];
    long[] cpuB = new long[pairs];
    long chars = 0;
    for (int i = 0; i < pairs; i++) {
      for (int k = 0; k < 2; k++) {
        boolean isA = (k == 0) == (i % 2 == 0);
        long t0 = threads.getCurrentThreadCpuTime();
        chars += (isA ? a : b).decode(update);
        long cpu = threads.getCurrentThreadCpuTime() - t0;
        (isA ? cpuA : cpuB)[i] = cpu;
      }
    }
    int from = pairs / 2;
    double[] ratio = new double[pairs - from];
    for (int i = from; i < pairs; i++) {
      ratio[i - from] = (double) cpuB[i] / cpuA[i];
    }
    Arrays.sort(ratio);
    System.out.printf("%s %d pairs, last %d: A %s | B %s | B/A per-pair median %.3f (%d chars)%n", args[2], pairs,
        ratio.length, summary(cpuA, from), summary(cpuB, from), ratio[ratio.length / 2], chars);
  }

  private static String summary(long[] cpu, int from) {
    long[] tail = Arrays.copyOfRange(cpu, from, cpu.length);
    Arrays.sort(tail);
    return String.format("median %.3f p25 %.3f min %.3f ms", tail[tail.length / 2] / 1e6, tail[tail.length / 4] / 1e6,
        tail[0] / 1e6);
  }
}
