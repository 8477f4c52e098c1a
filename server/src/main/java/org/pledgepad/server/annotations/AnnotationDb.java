package org.pledgepad.server.annotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  private static final int EMBEDDED_VERSION = 2;

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
      } catch (SQLException | RuntimeException e) {
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
        Files.createDirectories(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())).getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      conn = DriverManager.getConnection(jdbcUrl);
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
