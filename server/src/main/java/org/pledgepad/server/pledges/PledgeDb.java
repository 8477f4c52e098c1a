package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.EmbeddedScript;
import org.pledgepad.server.store.OwnerOnlyDirectories;

/**
 * The JDBC connection behind the pledge tables: PostgreSQL (tables from Flyway's V4, V12 and V17) or
 * the embedded file DATA_DIR/pledges.sqlite (schema applied here, versioned by user_version). The
 * pledge tables are small and written by people, not by typing, so plain JDBC on one worker
 * thread serves both databases with the same portable SQL and needs no second implementation.
 */
final class PledgeDb {
  static final String EMBEDDED_FILE = "pledges.sqlite";
  /** user_version of pledges.sqlite: one embedded script per version, applied in order. */
  private static final int EMBEDDED_VERSION = 4;

  /** One unit of work inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Vertx vertx;
  private final PledgeDbLocation location;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "pledgepad-pledges-db");
    t.setDaemon(true);
    return t;
  });
  private Connection conn;

  private PledgeDb(Vertx vertx, PledgeDbLocation location) {
    this.vertx = vertx;
    this.location = location;
  }

  static PledgeDb forConfig(Vertx vertx, ServerConfig config) {
    return new PledgeDb(vertx, PledgeDbLocation.of(config));
  }

  /** True on PostgreSQL, which other server nodes may share; false for the embedded file. */
  boolean shared() {
    return !location.embedded();
  }

  Future<Void> start() {
    return onThread(() -> {
      connection();
      return null;
    });
  }

  /** Runs {@code work} in one transaction on the database thread; the future completes on the caller's context. */
  <T> Future<T> tx(Work<T> work) {
    return onThread(() -> {
      Connection c = connection();
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          closeQuietly();   // a broken connection is reopened by the next call
        }
        throw e;
      }
    });
  }

  Future<Void> close() {
    Future<Void> closed = onThread(() -> {
      closeQuietly();
      return null;
    });
    thread.shutdown();
    return closed;
  }

  /**
   * A plain single thread rather than a Vert.x worker executor: the connection needs one owner, and
   * a Vert.x executor cannot be closed from the completion of its own last task.
   */
  private <T> Future<T> onThread(Callable<T> task) {
    Context ctx = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    try {
      thread.execute(() -> {
        try {
          T r = task.call();
          ctx.runOnContext(v -> promise.complete(r));
        } catch (Throwable e) {
          ctx.runOnContext(v -> promise.fail(e));
        }
      });
    } catch (RejectedExecutionException e) {
      promise.fail(new IllegalStateException("pledge database closed", e));
    }
    return promise.future();
  }

  private Connection connection() throws SQLException, IOException {
    if (conn != null && !conn.isClosed()) {
      return conn;
    }
    if (location.embedded()) {
      OwnerOnlyDirectories.create(location.embeddedFile().getParent());
    }
    conn = location.open();
    if (location.embedded()) {
      migrateEmbedded(conn);
    }
    conn.setAutoCommit(false);
    return conn;
  }

  private static void migrateEmbedded(Connection c) throws SQLException, IOException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=FULL");
      st.execute("PRAGMA foreign_keys=ON");
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > EMBEDDED_VERSION) {
        throw new SQLException(EMBEDDED_FILE + " has schema version " + version + ", newer than this server");
      }
      for (int v = version + 1; v <= EMBEDDED_VERSION; v++) {
        EmbeddedScript.apply(st, "/embedded/pledges-v" + v + ".sql", v);
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
}
