package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCpuTest {
  @TempDir
  Path proc;

  /** A /proc/PID/stat line: utime, stime, cutime, cstime in ticks; the name has a space and ") ". */
  private void process(long pid, long ppid, long utime, long stime, long cutime, long cstime, String title)
      throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    StringBuilder stat = new StringBuilder(pid + " (post gres) x) S " + ppid);
    for (int field = 5; field <= 13; field++) {
      stat.append(" 0");
    }
    stat.append(' ').append(utime).append(' ').append(stime).append(' ').append(cutime).append(' ').append(cstime)
        .append(" 20 0 1 0");
    Files.writeString(dir.resolve("stat"), stat + "\n");
    Files.write(dir.resolve("cmdline"), (title.replace(' ', '\0') + "\0\0\0").getBytes());
  }

  @Test
  void theClusterIsThePostmasterItsReapedChildrenAndItsLiveChildren() throws IOException {
    process(100, 1, 10, 5, 200, 100, "/usr/lib/postgresql/15/bin/postgres -D /data");
    process(101, 100, 30, 20, 0, 0, "postgres: 15/main: walwriter");
    process(102, 100, 400, 100, 0, 0, "postgres: 15/main: postgres bench 127.0.0.1(41000) idle");
    process(103, 100, 7, 3, 0, 0, "postgres: 15/main: postgres other 127.0.0.1(41002) idle");
    process(200, 1, 999, 999, 0, 0, "java -jar server.jar bench");
    Files.createDirectories(proc.resolve("self"));

    ClusterCpu.Sample s = new ClusterCpu(proc, 100, "bench").sample();

    assertThat(s.clusterSeconds()).isCloseTo((15 + 300 + 50 + 500 + 10) / 100.0, within(1e-9));
    assertThat(s.databaseSeconds()).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void aBackendThatExitsKeepsItsTimeInTheClusterFigure() throws IOException {
    process(100, 1, 0, 0, 0, 0, "postgres");
    process(102, 100, 40, 10, 0, 0, "postgres: u bench [local] idle");
    double before = new ClusterCpu(proc, 100, "bench").sample().clusterSeconds();
    // the backend exits; the postmaster reaps it and adds its time to cutime/cstime
    Files.delete(proc.resolve("102/stat"));
    Files.delete(proc.resolve("102/cmdline"));
    Files.delete(proc.resolve("102"));
    process(100, 1, 0, 0, 40, 10, "postgres");

    assertThat(new ClusterCpu(proc, 100, "bench").sample().clusterSeconds()).isEqualTo(before);
  }

  @Test
  void noClusterIsMeasuredUnlessOneIsNamed() {
    assertThat(ClusterCpu.fromEnv(Map.of())).isNull();
    assertThat(ClusterCpu.fromEnv(Map.of("DB_CLUSTER_PID", " "))).isNull();
    assertThat(ClusterCpu.fromEnv(Map.of("DB_CLUSTER_PID", "2205", "DB_NAME", "x"))).isNotNull();
  }
}
