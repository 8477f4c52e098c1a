package org.pledgepad.server.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;

/**
 * A store alone under the load-bench's shape, without sockets or CRDT: D documents,
 * each fed at a fixed rate of small updates and, like a document session, with at most one
 * append in flight (whatever queued meanwhile goes into the next). Prints one JSON line per
 * rate: committed updates/s, enqueue-to-commit latency, and this process's CPU per 1,000
 * committed updates. See server/bench/append-bench.sh, which adds the database's side.
 *
 * <pre>  AppendBench DOCS RATES(per document, comma-separated) WINDOW_SECONDS</pre>
 * Store: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded). storageWriteKiBPer1000: bytes this
 * process had written to storage (/proc/self/io: WAL frames, checkpoints) per 1,000 committed.
 * storeThreadCpuMsPer1000: the embedded store's writer thread alone (0 for PostgreSQL).
 */
public final class AppendBench {
  private AppendBench() {}

  public static void main(String[] args) throws Exception {
    int docs = Integer.parseInt(args[0]);
    int[] rates = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
    int windowSeconds = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx();
    DocumentStore store = BenchStores.fromEnv(vertx);
    store.start().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    String tag = Long.toString(System.nanoTime(), 36);
    try {
      for (int rate : rates) {
        run(vertx, store, tag + "-" + rate, docs, rate, windowSeconds);
      }
    } finally {
      store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void run(Vertx vertx, DocumentStore store, String tag, int docs, int rate, int windowSeconds)
      throws Exception {
    long warmupNanos = TimeUnit.SECONDS.toNanos(2);
    long windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
    long start = System.nanoTime();
    long windowStart = start + warmupNanos;
    long windowEnd = windowStart + windowNanos;
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong committedInWindow = new AtomicLong();
    AtomicLong offeredInWindow = new AtomicLong();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int d = 0; d < docs; d++) {
      Feeder f = new Feeder(store, "append-bench-" + tag + "-" + d, rate, start, windowStart, windowEnd,
          latencies, committedInWindow, offeredInWindow);
      Context ctx = vertx.getOrCreateContext();
      CompletableFuture<Void> finished = new CompletableFuture<>();
      done.add(finished);
      ctx.runOnContext(v -> f.begin(vertx, finished));
    }
    long cpuAtWindowStart = -1;
    while (System.nanoTime() < windowStart) {
      Thread.sleep(10);
    }
    cpuAtWindowStart = processCpuNanos();
    long storeCpuAtWindowStart = StoreThreads.cpuNanos();
    long writtenAtWindowStart = ProcessIo.storageWriteBytes();
    // for a caller that samples other processes (the database's) over the same window
    System.out.println("window start");
    System.out.flush();
    while (System.nanoTime() < windowEnd) {
      Thread.sleep(10);
    }
    long cpuNanos = processCpuNanos() - cpuAtWindowStart;
    long storeCpuNanos = StoreThreads.cpuNanos() - storeCpuAtWindowStart;
    long written = ProcessIo.storageWriteBytes() - writtenAtWindowStart;
    System.out.println("window end");
    System.out.flush();
    CompletableFuture.allOf(done.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double seconds = windowNanos / 1e9;
    long committed = committedInWindow.get();
    System.out.printf("{\"docs\":%d,\"ratePerDoc\":%d,\"offeredPerSec\":%.0f,\"committedPerSec\":%.0f,"
            + "\"p50ms\":%.1f,\"p99ms\":%.1f,\"jvmCpuMsPer1000\":%.1f,\"jvmCpuPct\":%.0f,\"storeThreadCpuMsPer1000\":%.1f,"
            + "\"storageWriteKiBPer1000\":%.0f,\"committed\":%d,\"load1\":%s}%n",
        docs, rate, offeredInWindow.get() / seconds, committed / seconds, pct(sorted, 50), pct(sorted, 99),
        committed == 0 ? Double.NaN : cpuNanos / 1e6 / (committed / 1000.0), cpuNanos / (windowNanos / 100.0),
        committed == 0 ? Double.NaN : storeCpuNanos / 1e6 / (committed / 1000.0),
        committed == 0 ? Double.NaN : written / 1024.0 / (committed / 1000.0), committed,
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static double pct(long[] sorted, int p) {
    return sorted.length == 0 ? Double.NaN
        : sorted[Math.min(sorted.length - 1, (int) ((long) p * sorted.length / 100))] / 1e6;
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** One document: updates arrive at a fixed rate; one append in flight, like a session. */
  private static final class Feeder {
    private final DocumentStore store;
    private final String document;
    private final long periodNanos;
    private final long start;
    private final long windowStart;
    private final long windowEnd;
    private final ConcurrentLinkedQueue<Long> latencies;
    private final AtomicLong committed;
    private final AtomicLong offered;
    private final ArrayDeque<Long> queued = new ArrayDeque<>();
    private final Random random = new Random();
    private long produced;
    private boolean inFlight;
    private boolean stopped;
    private CompletableFuture<Void> finished;

    Feeder(DocumentStore store, String document, int rate, long start, long windowStart, long windowEnd,
        ConcurrentLinkedQueue<Long> latencies, AtomicLong committed, AtomicLong offered) {
      this.store = store;
      this.document = document;
      this.periodNanos = 1_000_000_000L / rate;
      this.start = start;
      this.windowStart = windowStart;
      this.windowEnd = windowEnd;
      this.latencies = latencies;
      this.committed = committed;
      this.offered = offered;
    }

    void begin(Vertx vertx, CompletableFuture<Void> finished) {
      this.finished = finished;
      vertx.setPeriodic(5, id -> {
        long now = System.nanoTime();
        if (now >= windowEnd) {
          vertx.cancelTimer(id);
          stopped = true;
          maybeFinish();
          return;
        }
        // Every update that is due by now (a late timer catches up, like a bunching client).
        while (start + produced * periodNanos <= now) {
          long due = start + produced * periodNanos;
          produced++;
          queued.add(due);
          if (due >= windowStart && due < windowEnd) {
            offered.incrementAndGet();
          }
        }
        flush();
      });
    }

    private void flush() {
      if (inFlight || queued.isEmpty()) {
        return;
      }
      List<Long> batch = new ArrayList<>(queued);
      queued.clear();
      List<NewUpdate> rows = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        byte[] update = new byte[24];
        random.nextBytes(update);
        rows.add(new NewUpdate(update, "bench", "bench-connection"));
      }
      inFlight = true;
      Future<List<Long>> f = store.append(document, rows);
      f.onComplete(ar -> {
        inFlight = false;
        long now = System.nanoTime();
        if (ar.succeeded()) {
          for (long due : batch) {
            if (due >= windowStart && due < windowEnd && now < windowEnd + 2_000_000_000L) {
              committed.incrementAndGet();
              latencies.add(now - due);
            }
          }
        }
        if (stopped) {
          maybeFinish();
        } else {
          flush();
        }
      });
    }

    private void maybeFinish() {
      if (!inFlight) {
        finished.complete(null);
      }
    }
  }
}
