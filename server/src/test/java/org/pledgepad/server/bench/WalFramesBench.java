package org.pledgepad.server.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;

/**
 * What the embedded store writes per group commit, independent of timing and machine load:
 * DOCS documents, ROUNDS rounds; in each round every document appends one small update at once,
 * which the store commits as two transactions (the first append alone, the others together). A
 * read transaction held open on a second connection keeps checkpoints from restarting the WAL,
 * so the WAL's growth is every frame the rounds wrote (CHECKPOINTS=1: no such reader, so the
 * store checkpoints as in production; then only the storage bytes and CPU count). Also the process CPU per 1,000 rows (a
 * store-only figure; compare old and new builds in the same window).
 *
 * <pre>  WalFramesBench DATA_DIR DOCS ROUNDS</pre>
 */
public final class WalFramesBench {
  private WalFramesBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int docs = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    String pageSize = System.getenv("PAGE_SIZE");
    if (pageSize != null) { // experiment: a store file created with another page size
      Files.createDirectories(dir);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("pledgepad.sqlite"));
           Statement st = c.createStatement()) {
        st.execute("PRAGMA page_size=" + Integer.parseInt(pageSize));
        st.execute("CREATE TABLE page_size_probe (x)");
        st.execute("DROP TABLE page_size_probe");
      }
    }
    Vertx vertx = Vertx.vertx();
    DocumentStore store = new SqliteDocumentStore(vertx, dir);
    await(store.start());
    Random random = new Random(1);
    // Untimed rounds: the documents exist, the JIT has compiled the append path.
    for (int r = 0; r < Math.max(50, rounds / 4); r++) {
      round(store, docs, random);
    }
    Path wal = dir.resolve("pledgepad.sqlite-wal");
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("pledgepad.sqlite"));
         Statement st = reader.createStatement()) {
      int page;
      try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
        page = rs.next() ? rs.getInt(1) : 0;
      }
      boolean withCheckpoints = "1".equals(System.getenv("CHECKPOINTS"));
      if (!withCheckpoints) {
        reader.setAutoCommit(false);
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
          rs.next(); // the read transaction now holds its snapshot
        }
      }
      long walBefore = Files.size(wal);
      long writtenBefore = ProcessIo.storageWriteBytes();
      long cpuBefore = cpuNanos();
      long storeBefore = StoreThreads.cpuNanos();
      long allocBefore = StoreThreads.allocatedBytes();
      for (int r = 0; r < rounds; r++) {
        round(store, docs, random);
      }
      long cpu = cpuNanos() - cpuBefore;
      long storeCpu = StoreThreads.cpuNanos() - storeBefore;
      long alloc = StoreThreads.allocatedBytes() - allocBefore;
      long walBytes = Files.size(wal) - walBefore;
      long written = ProcessIo.storageWriteBytes() - writtenBefore;
      long rows = (long) rounds * docs;
      System.out.printf("{\"docs\":%d,\"rounds\":%d,\"pageSize\":%d,\"walFramesPerRound\":%.1f,"
              + "\"walKiBPerRound\":%.1f,\"walBytesPerRow\":%.0f,\"cpuMsPer1000Rows\":%.1f,"
              + "\"storeThreadCpuMsPer1000Rows\":%.1f,\"storageWriteBytesPerRow\":%.0f,\"storeThreadAllocBytesPerRow\":%.0f,\"checkpoints\":%b,"
              + "\"load1\":%s}%n",
          docs, rounds, page, walBytes / (double) (page + 24) / rounds, walBytes / 1024.0 / rounds,
          walBytes / (double) rows, cpu / 1e6 / (rows / 1000.0), storeCpu / 1e6 / (rows / 1000.0),
          written / (double) rows, alloc / (double) rows, withCheckpoints,
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      if (!withCheckpoints) {
        reader.rollback();
      }
    } finally {
      await(store.close());
      await(vertx.close());
    }
  }

  private static void round(DocumentStore store, int docs, Random random) throws Exception {
    List<Future<List<Long>>> appends = new ArrayList<>(docs);
    for (int d = 0; d < docs; d++) {
      byte[] update = new byte[24];
      random.nextBytes(update);
      appends.add(store.append("wal-bench-" + d, List.of(new NewUpdate(update, "bench", "bench-connection"))));
    }
    await(Future.all(appends));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
