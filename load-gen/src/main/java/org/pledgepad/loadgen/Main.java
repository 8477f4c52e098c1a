package org.pledgepad.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Java load generator: the arguments, steps and JSON lines of load-bench/load.mjs, with
 * clients on our CRDT instead of yjs providers in Node worker processes.
 * Usage: java -jar load-gen.jar label yws|hp base-url(s) server-pid(s) [docs] [clientsPerDoc]
 * [rates] [windowSeconds] [eventLoops] [token]; environment WARMUP_SECONDS (unmeasured edits at
 * the first rate before the steps, so that a JIT-compiled server starts warm; the steps start only
 * once the server has delivered the warm-up's edits, see {@link Drain}) and CLIENT_MODE
 * (full, the default, or lean: see {@link ClientMode}).
 */
public final class Main {
  private static final long SETUP_LIMIT_MS = 60_000;
  private static final long OVERALL_LIMIT_MS = 900_000;
  private static final double STEP_WARMUP_MS = 2000;
  private static final double STEP_DRAIN_MS = 1500;
  /** How long the generator waits for a server to deliver the warm-up's backlog (a bound). */
  private static final long WARMUP_DRAIN_LIMIT_MS = 180_000;

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: load-gen label yws|hp base-url(s) server-pid(s) [docs] [clientsPerDoc] [rates] [windowSeconds] [eventLoops] [token]");
      System.exit(2);
    }
    Settings s = Settings.parse(args, System.getenv());
    Thread deadline = new Thread(() -> {
      try {
        Thread.sleep(OVERALL_LIMIT_MS);
        System.err.println("load-gen: overall time limit");
        System.exit(3);
      } catch (InterruptedException e) {
        // finished in time
      }
    });
    deadline.setDaemon(true);
    deadline.start();
    int status;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(s.eventLoops()).setWorkerPoolSize(1));
    try {
      status = run(vertx, s);
    } catch (Exception e) {
      System.err.println("load-gen " + s.label() + ": " + e.getMessage());
      status = 1;
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // hundreds of sockets may take longer to close; the process exits anyway
    }
    System.exit(status);
  }

  static int run(Vertx vertx, Settings s) throws Exception {
    Clock clock = new Clock();
    WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(100_000)
        .setMaxFrameSize(1 << 20)
        .setMaxMessageSize(64 << 20)
        .setConnectTimeout(30_000));
    Wire wire = Wire.of(s.protocol(), s.token());
    List<Lane> lanes = new ArrayList<>();
    for (int i = 0; i < s.eventLoops(); i++) {
      lanes.add(new Lane(vertx, clock, sockets, wire, s.clientMode(), s.typing()));
    }
    String tag = s.label().replaceAll("\\W", "") + "-" + Long.toString(System.currentTimeMillis(), 36);
    List<List<String>> docsOfLane = new ArrayList<>();
    for (int i = 0; i < lanes.size(); i++) {
      docsOfLane.add(new ArrayList<>());
    }
    for (int j = 0; j < s.docs(); j++) {
      docsOfLane.get(j % lanes.size()).add("load-" + tag + "-" + j);
    }
    for (int i = 0; i < lanes.size(); i++) {
      lanes.get(i).open(s.bases(), docsOfLane.get(i), s.perDoc(), s.token(), 2);
    }
    awaitSynced(lanes, s.docs() * s.perDoc());
    Steps steps = new Steps(lanes, clock, new ProcStats(s.pids()), ClusterCpu.fromEnv(System.getenv()), s);
    if (s.warmupSeconds() > 0) {
      steps.run(s.warmupRate(), s.warmupSeconds() * 1000.0, 1000, 0);
      Drain.Result drained = Drain.await(lanes, WARMUP_DRAIN_LIMIT_MS);
      steps.afterWarmup(drained);
      if (drained.backlogLeft() > 0) {
        System.err.println("load-gen " + s.label() + ": the warm-up's backlog was not delivered within "
            + WARMUP_DRAIN_LIMIT_MS / 1000 + " s (" + drained.backlogLeft() + " deliveries missing); steps follow anyway");
      }
    }
    for (double rate : s.rates()) {
      Steps.Row row = steps.measure(rate, STEP_WARMUP_MS, s.windowSeconds() * 1000.0, STEP_DRAIN_MS);
      System.out.println(row.json());
      System.out.flush();
      if (!row.sustained()) {
        break;
      }
    }
    int closed = lanes.stream().mapToInt(l -> l.closed.get()).sum();
    if (closed > 0) {
      System.err.println("load-gen " + s.label() + ": " + closed + " sockets closed by the server during the run");
    }
    return 0;
  }

  private static void awaitSynced(List<Lane> lanes, int total) throws InterruptedException {
    long end = System.currentTimeMillis() + SETUP_LIMIT_MS;
    while (lanes.stream().mapToInt(l -> l.synced.get()).sum() < total) {
      int refused = lanes.stream().mapToInt(l -> l.refused.get()).sum();
      int failed = lanes.stream().mapToInt(l -> l.failed.get()).sum();
      if (refused > 0 || failed > 0) {
        throw new IllegalStateException(refused + " clients refused, " + failed + " connections failed");
      }
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("timed out waiting for all clients synced ("
            + lanes.stream().mapToInt(l -> l.synced.get()).sum() + " of " + total + ")");
      }
      Thread.sleep(20);
    }
  }

  static <T> List<T> join(List<Future<T>> futures) throws Exception {
    List<T> out = new ArrayList<>(futures.size());
    for (Future<T> f : futures) {
      out.add(f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS));
    }
    return out;
  }

  static double[] parseRates(String csv) {
    return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
