package org.pledgepad.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Server and generator CPU and memory as load.mjs reads them, summed over the server pids. */
final class ProcStats {
  /** USER_HZ on Linux. */
  private static final double TICKS = 100;
  private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+)");
  private static final Pattern CPUS = Pattern.compile("Cpus_allowed_list:\\s+(\\S+)");

  private final List<Long> pids;

  ProcStats(List<Long> pids) {
    this.pids = pids;
  }

  /** utime + stime of the server processes, seconds. */
  double serverCpuSeconds() {
    double sum = 0;
    for (long pid : pids) {
      String stat = read("/proc/" + pid + "/stat");
      // Fields after the command name "(...)": state is field 3, utime 14, stime 15.
      String[] f = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
      sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }
    return sum;
  }

  /** Peak resident set (VmHWM) of the server processes, KiB. */
  long serverPeakRssKiB() {
    long sum = 0;
    for (long pid : pids) {
      Matcher m = HWM.matcher(read("/proc/" + pid + "/status"));
      if (m.find()) {
        sum += Long.parseLong(m.group(1));
      }
    }
    return sum;
  }

  /**
   * The CPUs the server processes may run on (as taskset -c writes them; several servers
   * separated by "/"), so that each result line records where server and generator ran.
   */
  String serverCpus() {
    StringBuilder b = new StringBuilder();
    for (long pid : pids) {
      b.append(b.isEmpty() ? "" : "/").append(cpusAllowed("/proc/" + pid + "/status"));
    }
    return b.toString();
  }

  static String generatorCpus() {
    return cpusAllowed("/proc/self/status");
  }

  private static String cpusAllowed(String statusFile) {
    Matcher m = CPUS.matcher(read(statusFile));
    return m.find() ? m.group(1) : "?";
  }

  /** CPU time of this JVM (all threads: event loops, GC, JIT), milliseconds. */
  static double generatorCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e6;
  }

  static double load1() {
    return Double.parseDouble(read("/proc/loadavg").split(" ")[0]);
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }
}
