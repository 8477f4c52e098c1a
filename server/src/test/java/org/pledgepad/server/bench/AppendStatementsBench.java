package org.pledgepad.server.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.sqlite.SQLiteConfig;

/**
 * Statement shapes for the embedded store's group commit, on plain SQLite files with the store's
 * log columns and indexes and {@code synchronous=OFF} (so the fsync's wait does not drown the
 * difference): thread CPU per row of DOCS documents x ROWS rows a commit. Variants, alternated
 * within one process: {@code base} (one single-row INSERT batch, one head UPDATE per document,
 * as the store does), {@code multi} (one multi-row INSERT), {@code nofk} (foreign_keys off),
 * {@code nohead} (no head UPDATE).
 *
 * <pre>  AppendStatementsBench DIR base,multi,nofk,nohead COMMITS [ROWS]</pre>
 */
public final class AppendStatementsBench {
  private static final int DOCS = 50;
  private static final String COLUMNS =
      "(document, seq, created_at, actor, connection_id, update_v1, hash, salt, commitment)";

  private AppendStatementsBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String[] variants = args[1].split(",");
    int commits = Integer.parseInt(args[2]);
    int rows = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<String, Variant> open = new HashMap<>();
    for (String v : variants) {
      open.put(v, new Variant(v, Files.createTempFile(Files.createDirectories(dir), v, ".sqlite"), rows));
    }
    for (int rep = 0; rep < 6; rep++) {
      for (String v : variants) {
        long t0 = bean.getCurrentThreadCpuTime();
        for (int i = 0; i < commits; i++) {
          open.get(v).commit();
        }
        long t1 = bean.getCurrentThreadCpuTime();
        if (rep >= 2) { // the first rounds compile the path
          System.out.printf("{\"variant\":\"%s\",\"rowsPerDoc\":%d,\"rep\":%d,\"cpuUsPerRow\":%.2f}%n", v, rows, rep,
              (t1 - t0) / 1e3 / ((long) commits * DOCS * rows));
        }
      }
    }
  }

  private static final class Variant {
    private final String name;
    private final int rows;
    private final Connection conn;
    private final PreparedStatement single;
    private final PreparedStatement multi;
    private final PreparedStatement head;
    private final long[] seqs = new long[DOCS];
    private final Random random = new Random(1);

    Variant(String name, Path file, int rows) throws Exception {
      this.name = name;
      this.rows = rows;
      Files.deleteIfExists(file);
      SQLiteConfig config = new SQLiteConfig();
      config.setGetGeneratedKeys(false);
      conn = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=OFF");
        st.execute("PRAGMA foreign_keys=" + (name.equals("nofk") ? "OFF" : "ON"));
        st.execute("CREATE TABLE documents (name TEXT PRIMARY KEY, head_seq INTEGER NOT NULL,"
            + " head_hash BLOB NOT NULL, updated_at INTEGER NOT NULL)");
        st.execute("CREATE TABLE document_updates (document TEXT NOT NULL REFERENCES documents (name),"
            + " seq INTEGER NOT NULL, created_at INTEGER NOT NULL, actor TEXT NOT NULL, connection_id TEXT NOT NULL,"
            + " update_v1 BLOB, hash BLOB NOT NULL, salt BLOB, commitment BLOB, erased_at INTEGER,"
            + " PRIMARY KEY (document, seq))");
        for (int d = 0; d < DOCS; d++) {
          st.execute("INSERT INTO documents VALUES ('" + doc(d) + "', 0, x'00', 0)");
        }
      }
      conn.setAutoCommit(false);
      single = conn.prepareStatement("INSERT INTO document_updates " + COLUMNS + " VALUES (?,?,?,?,?,?,?,?,?)");
      multi = conn.prepareStatement("INSERT INTO document_updates " + COLUMNS + " VALUES "
          + String.join(",", java.util.Collections.nCopies(DOCS * rows, "(?,?,?,?,?,?,?,?,?)")));
      head = conn.prepareStatement("UPDATE documents SET head_seq = ?, head_hash = ?, updated_at = ? WHERE name = ?");
    }

    private static String doc(int d) {
      return "3f2a9c1e-5b7d-4e08-9a61-" + String.format("%012d", d);
    }

    void commit() throws Exception {
      long now = System.currentTimeMillis();
      boolean oneStatement = name.equals("multi");
      int p = 1;
      for (int d = 0; d < DOCS; d++) {
        for (int r = 0; r < rows; r++) {
          PreparedStatement ins = oneStatement ? multi : single;
          if (!oneStatement) {
            p = 1;
          }
          ins.setString(p++, doc(d));
          ins.setLong(p++, ++seqs[d]);
          ins.setLong(p++, now);
          ins.setString(p++, "user-12345");
          ins.setString(p++, "conn-abcdef");
          ins.setBytes(p++, bytes(60));
          ins.setBytes(p++, bytes(32));
          ins.setBytes(p++, bytes(32));
          ins.setBytes(p++, bytes(32));
          if (!oneStatement) {
            ins.addBatch();
          }
        }
      }
      if (oneStatement) {
        multi.executeUpdate();
      } else {
        single.executeBatch();
      }
      if (!name.equals("nohead")) {
        for (int d = 0; d < DOCS; d++) {
          head.setLong(1, seqs[d]);
          head.setBytes(2, bytes(32));
          head.setLong(3, now);
          head.setString(4, doc(d));
          head.addBatch();
        }
        head.executeBatch();
      }
      conn.commit();
    }

    private byte[] bytes(int n) {
      byte[] b = new byte[n];
      random.nextBytes(b);
      return b;
    }
  }
}
