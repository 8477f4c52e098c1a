package org.pledgepad.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds in one JVM, alternated run by run so that they share the machine's load: each jar
 * gets its own class loader, and in each a bench object (a public class with a public no-arg
 * constructor and a public long[] run() returning {CPU ns, bytes allocated}) is made once; then
 * A, B, A, B ... for the given number of pairs. Prints every pair and, over the second half, the
 * median CPU of each and the median of the per-pair ratios B/A, and the last run's bytes.
 * Usage: java [-D...] -cp benchmarks.jar org.pledgepad.bench.AbJars A.jar B.jar CLASS pairs [unitsPerRun]
 */
public final class AbJars {
  private AbJars() {}

  public static void main(String[] args) throws Exception {
    String className = args[2];
    int pairs = Integer.parseInt(args[3]);
    double units = args.length > 4 ? Double.parseDouble(args[4]) : 1;
    Object[] benches = new Object[2];
    Method[] runs = new Method[2];
    for (int k = 0; k < 2; k++) {
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[k]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = Class.forName(className, true, loader);
      benches[k] = c.getConstructor().newInstance();
      runs[k] = c.getMethod("run");
    }
    long[][] cpu = new long[2][pairs];
    long[][] alloc = new long[2][pairs];
    double[] ratio = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      for (int k = 0; k < 2; k++) {
        long[] r = (long[]) runs[k].invoke(benches[k]);
        cpu[k][i] = r[0];
        alloc[k][i] = r[1];
      }
      ratio[i] = cpu[1][i] / (double) cpu[0][i];
      System.out.printf("pair %2d  A %8.1f ms %10.1f B/unit | B %8.1f ms %10.1f B/unit | B/A %.3f%n", i,
          cpu[0][i] / 1e6, alloc[0][i] / units, cpu[1][i] / 1e6, alloc[1][i] / units, ratio[i]);
    }
    int from = pairs / 2;
    System.out.printf("second half (%d pairs): median cpu A %.1f ms, B %.1f ms; median ratio B/A %.3f"
        + " (min %.3f, max %.3f); last bytes/unit A %.1f, B %.1f%n", pairs - from,
        median(cpu[0], from) / 1e6, median(cpu[1], from) / 1e6, median(ratio, from),
        Arrays.stream(ratio, from, pairs).min().orElse(0), Arrays.stream(ratio, from, pairs).max().orElse(0),
        alloc[0][pairs - 1] / units, alloc[1][pairs - 1] / units);
  }

  private static double median(long[] v, int from) {
    long[] t = Arrays.copyOfRange(v, from, v.length);
    Arrays.sort(t);
    return t[t.length / 2];
  }

  private static double median(double[] v, int from) {
    double[] t = Arrays.copyOfRange(v, from, v.length);
    Arrays.sort(t);
    return t[t.length / 2];
  }
}
