package org.pledgepad.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * CPU of a PostgreSQL cluster, read from /proc, so that a server whose durable commits run in
 * PostgreSQL is not credited with the work it moved there: the backends, WAL writer,
 * checkpointer and the rest are children of the postmaster. A child that exits during a window
 * takes its time into the postmaster's cutime/cstime, so the cluster figure counts it too; the
 * backends of one database are found by their process title ("postgres: ... user database ..."),
 * which PostgreSQL keeps in /proc/PID/cmdline. The cluster may be shared: its figure includes
 * whatever other databases cost meanwhile, the database's figure does not (but misses the
 * shared processes: WAL writer, checkpointer).
 */
final class ClusterCpu {
  /** USER_HZ on Linux. */
  private static final double TICKS = 100;

  private final Path proc;
  private final long postmaster;
  private final String database;

  ClusterCpu(Path proc, long postmaster, String database) {
    this.proc = proc;
    this.postmaster = postmaster;
    this.database = database;
  }

  /** From DB_CLUSTER_PID (the postmaster's pid) and DB_NAME; null when no cluster is named. */
  static ClusterCpu fromEnv(Map<String, String> env) {
    String pid = env.get("DB_CLUSTER_PID");
    if (pid == null || pid.isBlank()) {
      return null;
    }
    return new ClusterCpu(Path.of("/proc"), Long.parseLong(pid.trim()), env.getOrDefault("DB_NAME", ""));
  }

  /** CPU seconds so far, of the whole cluster and of the named database's live backends. */
  record Sample(double clusterSeconds, double databaseSeconds) {}

  Sample sample() throws IOException {
    long[] own = ticks(postmaster);
    if (own == null) {
      throw new IOException("no process " + postmaster);
    }
    long cluster = own[0] + own[1] + own[2] + own[3];
    long db = 0;
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
      for (Path dir : pids) {
        long pid = Long.parseLong(dir.getFileName().toString());
        long[] t = pid == postmaster ? null : ticks(pid);
        if (t == null || t[4] != postmaster) {
          continue;
        }
        long used = t[0] + t[1] + t[2] + t[3];
        cluster += used;
        if (!database.isEmpty() && servesDatabase(pid)) {
          db += used;
        }
      }
    }
    return new Sample(cluster / TICKS, db / TICKS);
  }

  /** utime, stime, cutime, cstime, ppid of a process; null if it is gone. */
  private long[] ticks(long pid) {
    String stat;
    try {
      stat = Files.readString(proc.resolve(pid + "/stat"));
    } catch (IOException e) {
      return null;
    }
    // Fields after the command name "(...)": state is field 3, ppid 4, utime 14 ... cstime 17.
    String[] f = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
    return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
        Long.parseLong(f[14]), Long.parseLong(f[1])};
  }

  /** A backend's title reads "postgres: [cluster: ]user database host(port) activity". */
  private boolean servesDatabase(long pid) {
    try {
      String title = new String(Files.readAllBytes(proc.resolve(pid + "/cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
      for (String word : title.split(" +")) {
        if (word.equals(database)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Prints one sample, "clusterSeconds databaseSeconds", for scripts that time their own windows
   * (server/bench/append-bench.sh). Arguments: the postmaster's pid, the database.
   */
  public static void main(String[] args) throws IOException {
    Sample s = new ClusterCpu(Path.of("/proc"), Long.parseLong(args[0]), args.length > 1 ? args[1] : "").sample();
    System.out.println(s.clusterSeconds() + " " + s.databaseSeconds());
  }

  private static boolean isPid(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
