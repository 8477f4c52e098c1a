package org.pledgepad.server.annotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Properties;
import org.pledgepad.server.store.EmbeddedScript;
import java.sql.Timestamp;
import java.time.Instant;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.config.ServerConfig;

/**
 * The JDBC connection behind the annotation tables: PostgreSQL (tables from Flyway's V3) or the
 * embedded file DATA_DIR/annotations.sqlite (schema applied here, versioned by user_version, like
 * the pledge and access files). The annotation services are synchronous and run on worker
 * threads, so one connection behind a lock serves both databases with the same SQL; the few
 * dialect differences (time columns, creation order) are the methods of this class.
 */
public final class AnnotationDb implements AutoCloseable {
  static final String EMBEDDED_FILE = "annotations.sqlite";
  /** user_version of annotations.sqlite: one embedded script per version, applied in order. */
  private static final int EMBEDDED_VERSION = 3;
  /** How long a PostgreSQL transaction waits for another node's {@link #serialise} lock before it fails. */
  private static final int LOCK_TIMEOUT_SECONDS = 10;

  /** One unit of work on the connection (auto-commit: every statement is its own transaction). */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final boolean embedded;
  private Connection conn;

  private AnnotationDb(String jdbcUrl, String user, String password, boolean embedded) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  public static AnnotationDb forConfig(ServerConfig config) {
    return config.databaseUrl().map(AnnotationDb::postgres)
        .orElseGet(() -> embedded(config.dataDir()));
  }

  public static AnnotationDb postgres(DatabaseUrl url) {
    return new AnnotationDb(url.jdbcUrl(), url.user(), url.password(), false);
  }

  public static AnnotationDb embedded(Path dataDir) {
    return new AnnotationDb("jdbc:sqlite:" + dataDir.resolve(EMBEDDED_FILE).toAbsolutePath(), null, null, true);
  }

  boolean isEmbedded() {
    return embedded;
  }

  /** Runs {@code work} on the one connection; SQL failures become {@link IllegalStateException}. Blocking. */
  public synchronized <T> T with(Work<T> work) {
    try {
      return work.run(connection());
    } catch (SQLException e) {
      if (isConnectionBroken()) {
        closeQuietly(); // reopened by the next call
      }
      throw new IllegalStateException("annotation store: " + e.getSQLState(), e);
    }
  }

  /**
   * Runs {@code work} as one transaction: committed if it returns, rolled back if it throws.
   * Holding the lock keeps every other statement of this process out of it; {@link #with}
   * calls made by {@code work} on this thread join it (the lock is reentrant).
   */
  public synchronized <T> T inTransaction(Work<T> work) {
    return with(c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        // Error too: the finally's setAutoCommit(true) would otherwise commit the half-done work.
        rollbackQuietly(c);
        throw e;
      } finally {
        if (!c.isClosed()) {
          c.setAutoCommit(true);
        }
      }
    });
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection broke: nothing was committed, and with() reopens it
    }
  }

  /**
   * Inside {@link #inTransaction}: waits until no other transaction holding one of {@code keys}
   * (null entries skipped) is open, in any process, and keeps them until this one ends. PostgreSQL:
   * transaction-scoped advisory locks, taken in the order given (callers name the wider scope first,
   * so no two transactions wait for each other in a circle). SQLite: nothing to do, as every
   * transaction of this connection begins IMMEDIATE and so already holds the file's write lock.
   */
  void serialise(Connection c, String... keys) throws SQLException {
    if (embedded) {
      return;
    }
    try (Statement st = c.createStatement()) {
      // A node that stalls inside its transaction must not stop this one's whole store for ever.
      st.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT_SECONDS + "s'");
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      for (String key : keys) {
        if (key != null) {
          ps.setLong(1, lockKey(key));
          ps.executeQuery().close();
        }
      }
    }
  }

  /** 64 bits of SHA-256 over a prefix and the key: the same number on every node, other uses of advisory locks apart. */
  static long lockKey(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(("pledgepad.annotations/" + key).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(h).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Column that orders rows by creation: a sequence in PostgreSQL, the rowid in SQLite. */
  String order() {
    return embedded ? "rowid" : "seq";
  }

  void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setObject(i, null);
    } else if (embedded) {
      ps.setLong(i, t.toEpochMilli());
    } else {
      ps.setTimestamp(i, Timestamp.from(t));
    }
  }

  Instant time(ResultSet rs, String column) throws SQLException {
    if (embedded) {
      long v = rs.getLong(column);
      return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  /** SQLSTATE 23xxx: a constraint (primary key, foreign key, check) refused the row. */
  static boolean isConstraintViolation(SQLException e) {
    String state = e.getSQLState();
    return (state != null && state.startsWith("23")) || e.getClass().getSimpleName().contains("Constraint")
        || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT"));
  }

  private boolean isConnectionBroken() {
    try {
      return conn == null || conn.isClosed() || !conn.isValid(1);
    } catch (SQLException e) {
      return true;
    }
  }

  private Connection connection() throws SQLException {
    if (conn != null && !conn.isClosed()) {
      return conn;
    }
    if (embedded) {
      try {
        Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
        org.pledgepad.server.store.OwnerOnlyDirectories.create(file.getParent());
        org.pledgepad.server.store.OwnerOnlyFiles.restrict(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // IMMEDIATE: a transaction takes the write lock when it begins, so the counts an admission
      // reads stay true until its insert (SQLite allows one writer per file).
      Properties props = new Properties();
      props.setProperty("transaction_mode", "IMMEDIATE");
      conn = DriverManager.getConnection(jdbcUrl, props);
      migrateEmbedded(conn);
    } else {
      conn = DriverManager.getConnection(jdbcUrl, user, password);
    }
    conn.setAutoCommit(true);
    return conn;
  }

  private static void migrateEmbedded(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=FULL");
      st.execute("PRAGMA foreign_keys=ON");
      st.execute("PRAGMA busy_timeout=5000");
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > EMBEDDED_VERSION) {
        throw new SQLException(EMBEDDED_FILE + " has schema version " + version + ", newer than this server");
      }
      for (int v = version + 1; v <= EMBEDDED_VERSION; v++) {
        try {
          EmbeddedScript.apply(st, "/embedded/annotations-v" + v + ".sql", v);
        } catch (IOException e) {
          throw new SQLException("embedded annotation schema v" + v + " unreadable", e);
        }
      }
    }
  }

  private void closeQuietly() {
    try {
      if (conn != null) {
        conn.close();
      }
    } catch (SQLException ignored) {
      // closing a broken connection: nothing left to do
    }
    conn = null;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
