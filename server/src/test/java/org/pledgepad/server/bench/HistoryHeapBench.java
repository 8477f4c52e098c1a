package org.pledgepad.server.bench;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.history.CheckpointKey;
import org.pledgepad.server.history.DocumentHistories;
import org.pledgepad.server.history.ExportServer;
import org.pledgepad.server.history.HistoryDb;
import org.pledgepad.server.history.VerifyLauncher;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;

/**
 * Peak heap of {@code verify --database} and of the export on one large synthetic log in the
 * embedded store (review 2026-11-30, History item 2: all snapshots were held in memory). Run each
 * mode in its own JVM so the peaks are its own.
 *
 * <pre>
 *   HistoryHeapBench generate DATA_DIR ROWS EVERY   one document "big": ROWS rows, a snapshot every EVERY
 *   HistoryHeapBench verify DATA_DIR                verify --database big; prints the heap pools' peak
 *   HistoryHeapBench export DATA_DIR                the export of big as bytes; the same
 *   HistoryHeapBench overview DATA_DIR              the history page's list of revisions of big 100
 *                                                   rows before its head, then at its head (times
 *                                                   both), then who wrote what at its head; the same
 *   HistoryHeapBench export-http DATA_DIR           GET /export of big from the history routes on a
 *                                                   local port, body read and dropped; the same
 * </pre>
 */
public final class HistoryHeapBench {
  private static final String DOC = "big";

  private HistoryHeapBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "generate" -> generate(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "verify" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyLauncher.run(new String[] {"verify", "--database", DOC}, Map.of("DATA_DIR", dir.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        report("verify", status + " " + out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
      }
      case "export" -> {
        var config = org.pledgepad.server.config.ConfigLoader.load(Map.of("DATA_DIR", dir.toString()));
        byte[] zip = new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadIfPresent(dir)).export(DOC);
        report("export", zip.length + " bytes");
      }
      case "overview" -> {
        var config = org.pledgepad.server.config.ConfigLoader.load(Map.of("DATA_DIR", dir.toString()));
        var histories = new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadIfPresent(dir));
        long head = histories.headSeq(DOC);
        // As the page sees a document being written: a first request, then one after 100 more rows.
        long t0 = System.nanoTime();
        histories.overview(DOC, head - 100);
        long t1 = System.nanoTime();
        int revisions = histories.overview(DOC, head).revisions().size();
        long t2 = System.nanoTime();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long kept = rt.totalMemory() - rt.freeMemory(); // the kept replay, the ClockIndex not built yet
        int spans = histories.authorship(DOC, head).size();
        report("overview", String.format("%d revisions (first request %.0f ms, after 100 more rows %.0f ms;"
            + " heap in use after a collection %.1f MB), %d author spans",
            revisions, (t1 - t0) / 1e6, (t2 - t1) / 1e6, kept / 1e6, spans));
      }
      case "export-http" -> report("export over HTTP", exportOverHttp(dir));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** The client reads and drops: what is measured is what the server holds to answer. */
  private static String exportOverHttp(Path dir) throws Exception {
    var config = org.pledgepad.server.config.ConfigLoader.load(Map.of("DATA_DIR", dir.toString()));
    Vertx vertx = Vertx.vertx();
    try {
      var histories = new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadIfPresent(dir));
      int port = await(ExportServer.serve(vertx, histories)).actualPort();
      var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/documents/" + DOC + "/export")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      long n = 0;
      try (InputStream in = response.body()) {
        byte[] chunk = new byte[64 << 10];
        for (int r = in.read(chunk); r >= 0; r = in.read(chunk)) {
          n += r;
        }
      }
      return response.statusCode() + ", " + n + " bytes";
    } finally {
      await(vertx.close());
    }
  }

  private static void report(String what, String result) {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%s: %s%nheap pools' peak used: %.1f MB%n", what, result, peak / 1e6);
  }

  /** Words typed at random places by a few clients, so the items do not merge and states grow. */
  private static void generate(Path dir, int rows, int every) throws Exception {
    Vertx vertx = Vertx.vertx();
    SqliteDocumentStore store = new SqliteDocumentStore(vertx, dir);
    await(store.start());
    Random random = new Random(2026);
    Doc[] clients = {new Doc(), new Doc(), new Doc(), new Doc()};
    Doc merged = new Doc();
    long snapshotBytes = 0;
    for (int s = every; s <= rows; s += every) {
      List<NewUpdate> batch = new ArrayList<>();
      for (int i = s - every + 1; i <= s; i++) {
        Doc c = clients[random.nextInt(clients.length)];
        Y.applyUpdate(c, Y.encodeStateAsUpdate(merged, Y.encodeStateVector(c)));
        byte[] sv = Y.encodeStateVector(c);
        var text = c.getText("default");
        text.insert(random.nextInt(text.length() + 1), "w" + i + " ");
        byte[] update = Y.encodeStateAsUpdate(c, sv);
        Y.applyUpdate(merged, update);
        batch.add(new NewUpdate(update, "user-" + (i % 7), "conn-1"));
      }
      await(store.append(DOC, batch));
      byte[] state = Y.encodeStateAsUpdate(merged);
      snapshotBytes += state.length;
      await(store.writeSnapshot(DOC, s, state));
    }
    await(store.close());
    await(vertx.close());
    System.out.printf("generated %d rows, %d snapshots, %.1f MB of snapshots%n", rows, rows / every, snapshotBytes / 1e6);
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
