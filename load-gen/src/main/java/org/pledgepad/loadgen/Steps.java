package org.pledgepad.loadgen;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs steps on every lane at once and turns their counts into the JSON line of load.mjs:
 * server CPU and generator CPU are read at the window's start and end on this thread.
 */
final class Steps {
  /** Lanes start a step this long after it was planned, so that all share one start time. */
  private static final double LEAD_MS = 20;

  private final List<Lane> lanes;
  private final Clock clock;
  private final ProcStats proc;
  /** The database cluster the server commits to, or null (embedded store, peers). */
  private final ClusterCpu cluster;
  private final Settings s;
  /** The wait for the warm-up's backlog, or null (no warm-up). */
  private Drain.Result warmupDrain;

  Steps(List<Lane> lanes, Clock clock, ProcStats proc, ClusterCpu cluster, Settings s) {
    this.lanes = lanes;
    this.clock = clock;
    this.proc = proc;
    this.cluster = cluster;
    this.s = s;
  }

  void afterWarmup(Drain.Result drained) {
    this.warmupDrain = drained;
  }

  List<StepResult> run(double rate, double warmupMs, double windowMs, double drainMs) throws Exception {
    StepPlan plan = new StepPlan(rate, clock.nowMillis() + LEAD_MS, warmupMs, windowMs, drainMs);
    List<Future<StepResult>> futures = new ArrayList<>();
    for (Lane lane : lanes) {
      futures.add(lane.run(plan));
    }
    return Main.join(futures);
  }

  Row measure(double rate, double warmupMs, double windowMs, double drainMs) throws Exception {
    StepPlan plan = new StepPlan(rate, clock.nowMillis() + LEAD_MS, warmupMs, windowMs, drainMs);
    List<Future<StepResult>> futures = new ArrayList<>();
    for (Lane lane : lanes) {
      futures.add(lane.run(plan));
    }
    sleepUntil(plan.startMs() + warmupMs);
    double server0 = proc.serverCpuSeconds();
    ClusterCpu.Sample db0 = cluster == null ? null : cluster.sample();
    double gen0 = ProcStats.generatorCpuMillis();
    sleepUntil(plan.startMs() + warmupMs + windowMs);
    double server1 = proc.serverCpuSeconds();
    ClusterCpu.Sample db1 = cluster == null ? null : cluster.sample();
    double gen1 = ProcStats.generatorCpuMillis();
    List<StepResult> results = Main.join(futures);

    long sent = 0;
    long expected = 0;
    long received = 0;
    double maxGap = 0;
    int n = 0;
    for (StepResult r : results) {
      sent += r.sent();
      expected += r.expected();
      received += r.received();
      maxGap = Math.max(maxGap, r.maxTickGapMs());
      n += r.latencies().length;
    }
    double[] lat = new double[n];
    double[] arrived = new double[n];
    int at = 0;
    for (StepResult r : results) {
      System.arraycopy(r.latencies(), 0, lat, at, r.latencies().length);
      System.arraycopy(r.arrivals(), 0, arrived, at, r.arrivals().length);
      at += r.latencies().length;
    }
    double windowStart = plan.startMs() + warmupMs;
    double[] secondMax = Samples.maxPerBucket(lat, arrived, windowStart, 1000, (int) Math.ceil(windowMs / 1000));
    long windowStartEpochMs = Math.round(System.currentTimeMillis() - (clock.nowMillis() - windowStart));
    Arrays.sort(lat);
    double windowS = windowMs / 1000;
    double offered = rate * s.docs() * s.perDoc();
    double ratio = (double) received / expected;
    double p99 = Samples.percentile(lat, 99);
    long sentPerSec = Math.round(sent / windowS);
    JsonLine j = new JsonLine()
        .put("label", s.label()).put("protocol", s.protocol()).put("nodes", s.bases().size())
        .put("docs", s.docs()).put("perDoc", s.perDoc()).put("rate", rate, 3)
        .put("offeredEditsPerSec", offered, 3)
        .put("sentEditsPerSec", sentPerSec)
        .put("deliveredPerSec", Math.round(received / windowS))
        .put("deliveryRatio", ratio, 3)
        .put("p50ms", Samples.percentile(lat, 50), 1)
        .put("p95ms", Samples.percentile(lat, 95), 1)
        .put("p99ms", p99, 1)
        .put("serverCpuSecPer1000", (server1 - server0) / (received / 1000.0), 4)
        .put("serverCpuPct", Math.round((server1 - server0) / windowS * 100))
        .put("generatorMaxStallMs", Math.round(maxGap))
        .put("generatorCpuPct", Math.round((gen1 - gen0) / windowMs * 100))
        .put("generatorCpuSecPer1000", (gen1 - gen0) / 1000 / (received / 1000.0), 4)
        .put("serverPeakRssMiB", Math.round(proc.serverPeakRssKiB() / 1024.0))
        .put("load1", ProcStats.load1(), 2)
        .put("generator", "java")
        .put("clientMode", s.clientMode().label())
        .put("typing", s.typing().label())
        .put("serverCpus", proc.serverCpus())
        .put("generatorCpus", ProcStats.generatorCpus())
        .put("serverWarmupSeconds", s.warmupSeconds(), 1)
        .put("serverWarmupRate", s.warmupRate(), 1)
        // when the slowest deliveries came: to line them up with the server's GC and store logs
        .put("windowStartEpochMs", windowStartEpochMs)
        .put("secondMaxMs", secondMax, 1);
    if (warmupDrain != null) {
      j.put("warmupDrainMs", warmupDrain.waitedMs()).put("warmupBacklogLeft", warmupDrain.backlogLeft());
    }
    if (db0 != null) {
      double db = db1.clusterSeconds() - db0.clusterSeconds();
      double perK = received / 1000.0;
      j.put("dbCpuSecPer1000", db / perK, 4)
          .put("dbCpuPct", Math.round(db / windowS * 100))
          .put("dbOwnBackendsCpuSecPer1000", (db1.databaseSeconds() - db0.databaseSeconds()) / perK, 4)
          .put("combinedCpuSecPer1000", (server1 - server0 + db) / perK, 4);
    }
    // the stop rule of load.mjs; NaN (nothing delivered) is not sustained either
    boolean sustained = ratio >= 0.95 && !(p99 > 2000) && !Double.isNaN(p99) && sentPerSec >= 0.9 * offered;
    return new Row(j.toString(), sustained);
  }

  private void sleepUntil(double atMs) throws InterruptedException {
    double wait = atMs - clock.nowMillis();
    if (wait > 0) {
      Thread.sleep((long) Math.ceil(wait));
    }
  }

  record Row(String json, boolean sustained) {}
}
