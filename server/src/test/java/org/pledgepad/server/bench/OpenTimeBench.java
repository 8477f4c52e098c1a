package org.pledgepad.server.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.session.DocumentSession;
import org.pledgepad.server.session.Inbound;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.session.SessionSettings;
import org.pledgepad.server.session.SnapshotPolicy;
import org.pledgepad.server.store.DocumentStore;

/**
 * Open time of a document with a long log, through the real session and store: time from a
 * peer joining a document that is not loaded until the answer to its sync step 1 (an empty
 * state vector, i.e. the whole document as step 2) is ready. See server/bench/open-time.sh.
 *
 * <pre>
 *   write DOC N b4|random   log N updates (one per edit) through a session, as the server does
 *                           (group commit, snapshots by the server's policy); no final snapshot
 *                           (as after kill -9)
 *   open DOC REPEATS        open REPEATS times, each with a fresh session registry; prints ms
 *   read DOC REPEATS        the store's load alone, REPEATS times one after the other; prints
 *                           the quartiles of its wall time (round trips and transfer)
 * </pre>
 *
 * Store: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded). B4_TRACE names the trace file.
 */
public final class OpenTimeBench {
  private OpenTimeBench() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String document = args[1];
    Vertx vertx = Vertx.vertx();
    DocumentStore store = BenchStores.fromEnv(vertx);
    await(store.start());
    try {
      if (mode.equals("write")) {
        write(vertx, store, document, Integer.parseInt(args[2]), args[3]);
      } else if (mode.equals("read")) {
        read(store, document, Integer.parseInt(args[2]));
      } else {
        int repeats = Integer.parseInt(args[2]);
        warmUp();
        // A ready server has pinged its store (readiness) and read it once (start), so its pool is
        // up (PostgreSQL): without this the first open here would also pay the first connection.
        await(store.ping());
        await(org.pledgepad.server.ServerVerticle.warmStoreRead(store)); // as the server's start does
        for (int i = 0; i < repeats; i++) {
          open(vertx, store, document, i);
        }
      }
    } finally {
      await(store.close());
      await(vertx.close());
    }
  }

  /**
   * What the server does before it reports ready (StartWarmup), so that "cold" means a fresh
   * process that just became ready; WARMUP_ROUNDS=0 measures a process without it.
   */
  private static void warmUp() {
    int rounds = org.pledgepad.server.StartWarmup.rounds(System.getenv());
    long cpu = processCpuNanos();
    var r = org.pledgepad.server.doc.OpenPathWarmup.run(rounds, org.pledgepad.server.StartWarmup.BUDGET_MS);
    System.out.printf("{\"mode\":\"warmup\",\"rounds\":%d,\"wallMs\":%d,\"threadCpuMs\":%d,\"processCpuMs\":%.0f}%n",
        r.rounds(), r.wallMs(), r.cpuMs(), (processCpuNanos() - cpu) / 1e6);
  }

  private static long gcMillis() {
    long ms = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /** CPU of the whole process (event loops, store thread, JIT compiler, GC): less load-dependent than wall time. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static SessionRegistry registry(Vertx vertx, DocumentStore store, SnapshotPolicy policy) {
    return registry(vertx, store, policy, YjsDocument::new);
  }

  /** The server's snapshot policy (SNAPSHOT_EVERY, SNAPSHOT_MAX_TAIL as in the server's configuration). */
  private static SnapshotPolicy serverPolicy() {
    var env = System.getenv();
    return new SnapshotPolicy(Integer.parseInt(env.getOrDefault("SNAPSHOT_EVERY", "200")),
        Integer.parseInt(env.getOrDefault("SNAPSHOT_MAX_TAIL", "" + SnapshotPolicy.DEFAULT_MAX_TAIL_UPDATES)),
        SnapshotPolicy.DEFAULT_MAX_TAIL_BYTES);
  }

  private static SessionRegistry registry(Vertx vertx, DocumentStore store, SnapshotPolicy policy,
      java.util.function.Supplier<org.pledgepad.server.doc.SharedDocument> documents) {
    return new SessionRegistry(vertx, store, documents,
        new SessionSettings(policy, 256, 1L << 30, Duration.ofHours(1), 1_000_000),
        ServerMetrics.noop());
  }

  private static void write(Vertx vertx, DocumentStore store, String document, int n, String kind)
      throws Exception {
    List<byte[]> updates = kind.equals("b4") ? B4Updates.first(n) : randomInserts(n);
    // TAIL=K: the worst case of a policy instead of where it happened to stop: a snapshot at
    // n - K (as the shutdown writes it), then K updates logged without any.
    int tail = Integer.parseInt(System.getenv().getOrDefault("TAIL", "-1"));
    long started = System.nanoTime();
    if (tail < 0) {
      write(vertx, registry(vertx, store, serverPolicy()), document, updates);
    } else {
      SessionRegistry head = registry(vertx, store, serverPolicy());
      write(vertx, head, document, updates.subList(0, updates.size() - tail));
      await(head.shutdown());
      SnapshotPolicy never = new SnapshotPolicy(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
      write(vertx, registry(vertx, store, never), document, updates.subList(updates.size() - tail, updates.size()));
    }
    System.out.printf("{\"mode\":\"write\",\"document\":\"%s\",\"updates\":%d,\"kind\":\"%s\",\"seconds\":%.1f}%n",
        document, updates.size(), kind, (System.nanoTime() - started) / 1e9);
  }

  private static void write(Vertx vertx, SessionRegistry registry, String document, List<byte[]> updates)
      throws Exception {
    int window = 2_000;
    for (int from = 0; from < updates.size(); from += window) {
      List<Future<Long>> pending = new ArrayList<>();
      for (int i = from; i < Math.min(updates.size(), from + window); i++) {
        byte[] u = updates.get(i);
        pending.add(onEventLoop(vertx, () -> registry.submit(document, "bench", "bench-writer", u)));
      }
      await(Future.all(pending));
    }
  }

  private static void read(DocumentStore store, String document, int repeats) throws Exception {
    await(store.ping());
    double[] ms = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long started = System.nanoTime();
      await(store.load(document));
      ms[i] = (System.nanoTime() - started) / 1e6;
    }
    java.util.Arrays.sort(ms);
    System.out.printf(java.util.Locale.ROOT, "{\"mode\":\"read\",\"document\":\"%s\",\"repeats\":%d,\"p25Ms\":%.2f,\"medianMs\":%.2f,\"p75Ms\":%.2f}%n",
        document, repeats, ms[repeats / 4], ms[repeats / 2], ms[repeats * 3 / 4]);
  }

  /** Single characters at random positions of one Y.Text by one client (load-bench/open.mjs). */
  static List<byte[]> randomInserts(int n) {
    Doc d = new Doc();
    List<byte[]> out = new ArrayList<>(n);
    d.onUpdate((u, origin, doc, tr) -> out.add(u));
    java.util.Random random = new java.util.Random(42);
    var text = d.getText("text");
    for (int i = 0; i < n; i++) {
      text.insert(random.nextInt(text.length() + 1), String.valueOf((char) ('a' + i % 26)));
    }
    return out;
  }

  private static void open(Vertx vertx, DocumentStore store, String document, int round) throws Exception {
    TimedDocument[] timed = new TimedDocument[1];
    SessionRegistry registry = registry(vertx, store, serverPolicy(), () -> timed[0] = new TimedDocument());
    BenchPeer peer = new BenchPeer();
    long jitStarted = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    long gcStarted = gcMillis();
    OpenProfiler profiler = OpenProfiler.fromEnv();
    long started = System.nanoTime();
    long cpuStarted = processCpuNanos();
    DocumentSession session = onEventLoop(vertx, () -> Future.succeededFuture(registry.acquire(document)))
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    session.join(peer);
    peer.step1.get(5, TimeUnit.MINUTES);
    long step1 = System.nanoTime();
    session.receive(peer, new Inbound.SyncStep1(new byte[] {0}));
    List<byte[]> step2 = peer.step2.get(5, TimeUnit.MINUTES);
    long done = System.nanoTime();
    long cpuDone = processCpuNanos();
    profiler.stop(round);
    // The phases up to the step 2 only: a load-time snapshot encodes the document afterwards.
    String phases = timed[0].phases();
    double fetchMs = timed[0].fetchMs();
    long jitMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStarted;
    long gcMs = gcMillis() - gcStarted;
    // Parts, measured after the open so that they do not warm it: reading from the store alone,
    // and applying what was read to a fresh document alone.
    long readStarted = System.nanoTime();
    org.pledgepad.server.store.LoadedDocument read = await(store.load(document));
    long readDone = System.nanoTime();
    YjsDocument fresh = new YjsDocument();
    if (read.snapshot() != null) {
      fresh.apply(read.snapshot());
    }
    List<byte[]> tail = new ArrayList<>();
    read.tail().forEach(u -> tail.add(u.update()));
    fresh.applyAll(tail);
    long applied = System.nanoTime();
    Doc check = new Doc();
    step2.forEach(u -> Y.applyUpdate(check, u));
    // Phases of the open itself: until the store answered, then each CRDT call [wall, CPU ms];
    // JIT and GC milliseconds spent while it ran.
    System.out.printf(java.util.Locale.ROOT, "{\"mode\":\"open\",\"round\":%d,\"loadedMs\":%.1f,\"step2ReadyMs\":%.1f,\"processCpuMs\":%.0f,\"step2Bytes\":%d,"
            + "\"textLength\":%d,\"tailUpdates\":%d,\"storeReadOnlyMs\":%.1f,\"applyOnlyMs\":%.1f,"
            + "\"fetchMs\":%.1f%s,\"jitMs\":%d,\"gcMs\":%d}%n", round,
        (step1 - started) / 1e6, (done - started) / 1e6, (cpuDone - cpuStarted) / 1e6, step2.stream().mapToInt(u -> u.length).sum(), check.getText("text").length(),
        read.tail().size(), (readDone - readStarted) / 1e6, (applied - readDone) / 1e6,
        fetchMs, phases, jitMs, gcMs);
    // The registry and its session are dropped, not unloaded: unloading would write a snapshot
    // and every later round would measure that instead of the log as it was written.
  }

  private static <T> Future<T> onEventLoop(Vertx vertx, java.util.function.Supplier<Future<T>> action) {
    io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
    vertx.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }

  /** Records the two sync answers. */
  private static final class BenchPeer implements org.pledgepad.server.session.Peer {
    final CompletableFuture<byte[]> step1 = new CompletableFuture<>();
    /** The answer to our step 1, in parts (DocumentSession may answer with a snapshot, then the rest). */
    final CompletableFuture<List<byte[]>> step2 = new CompletableFuture<>();

    @Override
    public String connectionId() {
      return "bench-reader";
    }

    @Override
    public String actor() {
      return "bench";
    }

    @Override
    public boolean readOnly() {
      return true;
    }

    @Override
    public void sendSyncStep1(byte[] stateVector) {
      step1.complete(stateVector);
    }

    @Override
    public void sendSyncStep2(byte[] update) {
      step2.complete(List.of(update));
    }

    @Override
    public void sendSyncStep2Parts(List<byte[]> parts) {
      step2.complete(List.copyOf(parts));
    }

    @Override
    public void sendUpdate(byte[] update) {}

    @Override
    public void sendAwareness(byte[] awarenessUpdate) {}

    @Override
    public void sendSyncStatus(boolean applied) {}

    @Override
    public void close(short code, String reason) {
      step1.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
      step2.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
    }
  }
}
