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
 * within one process: {@code base} (one single-row INSERT batch, one head UPDATE of the documents
 * row per document, as the store did up to schema version 2), {@code multi} (one multi-row INSERT),
 * {@code nofk} (foreign_keys off), {@code nohead} (no head written at all), {@code heads} (the
 * UPDATE on a narrow WITHOUT ROWID heads table), {@code json} (one UPDATE ... FROM json_each for
 * all documents), {@code rowid} (the UPDATE by rowid), {@code ledger} (one head-ledger row per
 * commit, folded into the documents rows every {@code -Dfold=64} commits, as the store does from
 * schema version 3).
 *
 * <pre>  AppendStatementsBench DIR base,nohead,ledger,heads,json,rowid,multi,nofk COMMITS [ROWS]</pre>
 */
public final class AppendStatementsBench {
  private static final int DOCS = 50;
  private static final int FOLD = Integer.getInteger("fold", 64);
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
    private final PreparedStatement json;
    private final PreparedStatement ledger;
    private final PreparedStatement fold;
    private long commitsSinceFold;
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
        st.execute("CREATE TABLE documents (name TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,"
            + " stage TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
            + " head_seq INTEGER NOT NULL DEFAULT 0, head_hash BLOB NOT NULL)");
        st.execute("CREATE TABLE commit_heads (id INTEGER PRIMARY KEY, heads BLOB NOT NULL)");
        st.execute("CREATE TABLE document_heads (document TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
            + " hash BLOB NOT NULL) WITHOUT ROWID");
        st.execute("CREATE TABLE document_updates (document TEXT NOT NULL REFERENCES documents (name),"
            + " seq INTEGER NOT NULL, created_at INTEGER NOT NULL, actor TEXT NOT NULL, connection_id TEXT NOT NULL,"
            + " update_v1 BLOB, hash BLOB NOT NULL, salt BLOB, commitment BLOB, erased_at INTEGER,"
            + " PRIMARY KEY (document, seq))");
        for (int d = 0; d < DOCS; d++) {
          st.execute("INSERT INTO documents VALUES ('" + doc(d) + "', '" + doc(d) + "', 'text', 'draft', 0, 0, 0, x'00')");
          st.execute("INSERT INTO document_heads VALUES ('" + doc(d) + "', 0, x'00')");
        }
      }
      conn.setAutoCommit(false);
      single = conn.prepareStatement("INSERT INTO document_updates " + COLUMNS + " VALUES (?,?,?,?,?,?,?,?,?)");
      multi = conn.prepareStatement("INSERT INTO document_updates " + COLUMNS + " VALUES "
          + String.join(",", java.util.Collections.nCopies(DOCS * rows, "(?,?,?,?,?,?,?,?,?)")));
      ledger = conn.prepareStatement("INSERT INTO commit_heads (heads) VALUES (?)");
      fold = conn.prepareStatement("DELETE FROM commit_heads");
      json = conn.prepareStatement("UPDATE OR IGNORE documents SET head_seq = h.value ->> 1,"
          + " head_hash = substr(?2, h.key * 32 + 1, 32), updated_at = ?3 FROM json_each(?1) AS h"
          + " WHERE documents.name = h.value ->> 0");
      head = conn.prepareStatement(name.equals("heads")
          ? "UPDATE document_heads SET seq = ?, hash = ? WHERE document = ? AND ? IS NOT NULL"
          : name.equals("rowid") ? "UPDATE documents SET head_seq = ?, head_hash = ?, updated_at = ? WHERE rowid = ? AND name = ?"
          : "UPDATE documents SET head_seq = ?, head_hash = ?, updated_at = ? WHERE name = ?");
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
      if (name.equals("ledger")) {
        // one row per commit: (name, seq, hash) of every document it moved, in the store's
        // layout; folded into the documents rows (one UPDATE per document) every FOLD commits
        java.nio.ByteBuffer heads = java.nio.ByteBuffer.allocate(8 + DOCS * (2 + doc(0).length() + 8 + 1 + 32));
        heads.putLong(now);
        for (int d = 0; d < DOCS; d++) {
          byte[] n = doc(d).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          heads.putShort((short) n.length).put(n).putLong(seqs[d]).put((byte) 32).put(bytes(32));
        }
        ledger.setBytes(1, heads.array());
        ledger.executeUpdate();
        if (++commitsSinceFold == FOLD) {
          commitsSinceFold = 0;
          for (int d = 0; d < DOCS; d++) {
            head.setLong(1, seqs[d]);
            head.setBytes(2, bytes(32));
            head.setLong(3, now);
            head.setString(4, doc(d));
            head.addBatch();
          }
          head.executeBatch();
          fold.executeUpdate();
        }
      } else if (name.equals("json")) {
        StringBuilder sb = new StringBuilder("[");
        byte[] hashes = new byte[DOCS * 32];
        for (int d = 0; d < DOCS; d++) {
          sb.append(d == 0 ? "[\"" : ",[\"").append(doc(d)).append("\",").append(seqs[d]).append(']');
          System.arraycopy(bytes(32), 0, hashes, d * 32, 32);
        }
        json.setString(1, sb.append(']').toString());
        json.setBytes(2, hashes);
        json.setLong(3, now);
        if (json.executeUpdate() != DOCS) {
          throw new IllegalStateException("json head update missed documents");
        }
      } else if (!name.equals("nohead")) {
        for (int d = 0; d < DOCS; d++) {
          head.setLong(1, seqs[d]);
          head.setBytes(2, bytes(32));
          if (name.equals("heads")) {
            head.setString(3, doc(d));
            head.setLong(4, now);
          } else if (name.equals("rowid")) {
            head.setLong(3, now);
            head.setLong(4, d + 1);
            head.setString(5, doc(d));
          } else {
            head.setLong(3, now);
            head.setString(4, doc(d));
          }
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
