package org.pledgepad.server.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.OwnerOnlyDirectories;

/**
 * The JDBC connection behind accounts and document access: PostgreSQL (tables from the Flyway
 * migration V2) or the embedded file DATA_DIR/access.sqlite (schema applied here). One thread
 * owns the connection, so callers need no locking and SQLite sees one writer. Everything here
 * blocks: call it from worker threads or the command line, never from an event loop.
 */
public final class AccessDb implements AutoCloseable {
  /** One unit of work on the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final boolean embedded;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "pledgepad-access-db");
    t.setDaemon(true);
    return t;
  });
  private Connection conn;
  /** The embedded file (null for PostgreSQL): password and session hashes, owner-only. */
  private Path file;

  private AccessDb(String jdbcUrl, String user, String password, boolean embedded) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /** The database the server's configuration names (PostgreSQL migrations must have run). */
  public static AccessDb forConfig(ServerConfig config) throws IOException {
    if (config.databaseUrl().isPresent()) {
      DatabaseUrl url = config.databaseUrl().get();
      return new AccessDb(url.jdbcUrl(), url.user(), url.password(), false);
    }
    OwnerOnlyDirectories.create(config.dataDir());
    Path file = config.dataDir().resolve("access.sqlite");
    AccessDb db = new AccessDb("jdbc:sqlite:" + file.toAbsolutePath(), null, null, true);
    db.file = file;
    return db;
  }

  public boolean embedded() {
    return embedded;
  }

  /** Runs {@code work} on the connection's thread and waits for it. */
  public <T> T call(Work<T> work) {
    Future<T> f = thread.submit(() -> {
      try {
        return work.run(connection());
      } catch (SQLException e) {
        closeQuietly();
        throw new AccessStoreException("access database request failed", e);
      }
    });
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AccessStoreException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AccessStoreException("access database request failed", e.getCause());
    }
  }

  /**
   * Queues {@code work} on the connection's thread without waiting (callable from an event loop).
   * Work runs in submission order, so a later delete never overtakes an earlier insert.
   */
  public <T> java.util.concurrent.CompletableFuture<T> submit(Work<T> work) {
    java.util.concurrent.CompletableFuture<T> out = new java.util.concurrent.CompletableFuture<>();
    try {
      thread.execute(() -> {
        try {
          out.complete(work.run(connection()));
        } catch (SQLException e) {
          closeQuietly();
          out.completeExceptionally(new AccessStoreException("access database request failed", e));
        } catch (RuntimeException e) {
          out.completeExceptionally(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      out.completeExceptionally(new AccessStoreException("access database closed", e));
    }
    return out;
  }

  /** Runs {@code work} in one transaction. */
  public <T> T transaction(Work<T> work) {
    return call(c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  private Connection connection() throws SQLException {
    if (conn != null && !conn.isClosed()) {
      return conn;
    }
    if (file != null) {
      try {
        org.pledgepad.server.store.OwnerOnlyFiles.restrict(file);
      } catch (IOException e) {
        throw new SQLException("cannot make " + file.getFileName() + " readable by its owner only", e);
      }
    }
    conn = user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl, user, password);
    if (embedded) {
      try (Statement s = conn.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
        for (String sql : embeddedSchema().split(";")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
      }
    }
    return conn;
  }

  private static String embeddedSchema() {
    try (InputStream in = AccessDb.class.getResourceAsStream("/embedded/access-v1.sql")) {
      if (in == null) {
        throw new IllegalStateException("embedded/access-v1.sql missing from the class path");
      }
      StringBuilder out = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.stripLeading().startsWith("--")) {
          out.append(line).append('\n');
        }
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void closeQuietly() {
    try {
      if (conn != null) {
        conn.close();
      }
    } catch (SQLException ignored) {
      // reopened on the next call
    }
    conn = null;
  }

  /**
   * Closes after the queued work (e.g. session writes from {@link #submit}) has run, waiting a
   * few seconds at most, so that a stop followed by a start sees every change that was made.
   */
  @Override
  public void close() {
    thread.submit(this::closeQuietly);
    thread.shutdown();
    try {
      thread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
