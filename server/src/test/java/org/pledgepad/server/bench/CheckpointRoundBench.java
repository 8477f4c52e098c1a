package org.pledgepad.server.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.history.CheckpointKey;
import org.pledgepad.server.history.DocumentHistories;
import org.pledgepad.server.history.HistoryDb;
import org.pledgepad.server.history.SignedHeads;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;

/**
 * One history checkpoint round after ROWS new rows spread over DOCS documents, as the server's
 * checkpointer runs it every minute: with the store's own chains (heads this process hashed are
 * signed without reading their rows back) against the row-by-row check of every head, alternated
 * over ROUNDS rounds in one process and one store. Each round appends ROWS real one-character Yjs
 * updates through the store's append path (batches of 20 per document, as a busy group commit
 * carries), then times the round: this thread's CPU (the row reads and hashing run on it) and
 * wall time. The first round of each arm is reported apart: the own-chains arm checks its first
 * round row by row, as a started server does.
 *
 * <pre>  CheckpointRoundBench DOCS ROWS ROUNDS</pre>
 * Store: DATABASE_URL (PostgreSQL; DATA_DIR still holds the checkpoint key) or DATA_DIR (embedded).
 */
public final class CheckpointRoundBench {
  private CheckpointRoundBench() {}

  public static void main(String[] args) throws Exception {
    int docs = Integer.parseInt(args[0]);
    int rows = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Path dataDir = Path.of(System.getenv().getOrDefault("DATA_DIR", "data"));
    Files.createDirectories(dataDir);
    Map<String, String> env = new java.util.HashMap<>(Map.of("DATA_DIR", dataDir.toString()));
    if (System.getenv("DATABASE_URL") != null) {
      env.put("DATABASE_URL", System.getenv("DATABASE_URL"));
    }
    var config = ConfigLoader.load(env);
    Vertx vertx = Vertx.vertx();
    DocumentStore store = BenchStores.fromEnv(vertx);
    await(store.start());
    try {
      String tag = Long.toString(System.nanoTime(), 36);
      List<String> names = new ArrayList<>();
      List<Doc> states = new ArrayList<>();
      for (int d = 0; d < docs; d++) {
        names.add("checkpoint-bench-" + tag + "-" + d);
        states.add(new Doc());
      }
      CheckpointKey key = CheckpointKey.loadOrCreate(dataDir);
      // Each arm its own memory of signed heads (one file; the bench reads none back).
      DocumentHistories own = new DocumentHistories(HistoryDb.of(config), key, SignedHeads.open(dataDir), store.ownChains());
      DocumentHistories checked = new DocumentHistories(HistoryDb.of(config), key, SignedHeads.open(dataDir), null);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int round = 1; round <= rounds * 2; round++) {
        boolean ownArm = round % 2 == 0;
        append(store, names, states, rows);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        int signed = (ownArm ? own : checked).checkpoint(names);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        System.out.printf(java.util.Locale.ROOT,
            "{\"arm\":\"%s\",\"round\":%d,\"rows\":%d,\"docs\":%d,\"signed\":%d,\"signedWithoutReading\":%d,"
                + "\"cpuMs\":%.1f,\"wallMs\":%.1f,\"cpuUsPerRow\":%.2f}%n",
            ownArm ? "own-chains" : "row-by-row", (round + 1) / 2, rows, docs, signed, own.signedOwnHeads(),
            cpu / 1e6, wall / 1e6, cpu / 1e3 / rows);
      }
    } finally {
      await(store.close());
      await(vertx.close());
    }
  }

  /** {@code rows} one-character insertions, spread evenly, 20 per append per document. */
  private static void append(DocumentStore store, List<String> names, List<Doc> states, int rows) throws Exception {
    int perDoc = rows / names.size();
    for (int done = 0; done < perDoc; done += 20) {
      List<Future<?>> pending = new ArrayList<>();
      for (int d = 0; d < names.size(); d++) {
        Doc doc = states.get(d);
        List<NewUpdate> batch = new ArrayList<>();
        for (int i = 0; i < Math.min(20, perDoc - done); i++) {
          byte[] sv = Y.encodeStateVector(doc);
          doc.getText("default").insert(doc.getText("default").length(), "x");
          batch.add(new NewUpdate(Y.encodeStateAsUpdate(doc, sv), "bench-user", "bench-conn"));
        }
        pending.add(store.append(names.get(d), batch));
      }
      for (Future<?> f : pending) {
        await(f);
      }
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
  }
}
