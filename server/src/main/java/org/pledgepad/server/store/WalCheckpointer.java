package org.pledgepad.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the embedded store's WAL back into the database file on its own thread and connection,
 * so that the writer's commits do not do it.
 *
 * <p>Why: with SQLite's default {@code wal_autocheckpoint=1000} the commit that pushes the WAL
 * past 1,000 frames runs the checkpoint inside its own COMMIT — an fsync of the WAL, the pages
 * written into the database file and an fsync of that file — before its acknowledgement goes
 * out, and every commit queued behind it waits too. At 2 edits/s per client (about 400 one-row
 * commits a second, three frames each) that was a checkpoint every 0.9 s adding 5–35 ms to the
 * commit path (strace of the load bench, docs/benchmarks.md "Commit path at low rates").
 *
 * <p>A PASSIVE checkpoint from a second connection takes no lock the writer needs, so commits go
 * on while it runs. Durability is unchanged: a commit is durable once its WAL frames are synced,
 * which the writer still does with {@code synchronous=FULL}; the checkpoint only moves
 * already-durable pages. The writer keeps a much higher automatic threshold as a bound on the
 * WAL's size, for when this thread falls behind or the WAL never gets a moment to restart.
 */
final class WalCheckpointer {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
  /** Frames after which the writer's own COMMIT checkpoints anyway (~40 MiB of 4 KiB pages). */
  static final int WRITER_FALLBACK_FRAMES = 10_000;
  /** Delay between a commit and the background checkpoint it asks for (at most one pending). */
  static final long DEFAULT_DELAY_MS = 1000;

  private final Path file;
  private final long delayMs;
  private final ScheduledThreadPoolExecutor thread;
  private final AtomicBoolean pending = new AtomicBoolean();
  /** Opened on first use, on {@link #thread} only. */
  private Connection conn;
  /** The database file, to sync what a checkpoint copied (see {@link #checkpoint}). */
  private FileChannel dbFile;
  private boolean warned;

  WalCheckpointer(Path file, long delayMs) {
    this.file = file;
    this.delayMs = delayMs;
    this.thread = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "pledgepad-sqlite-checkpoint");
      t.setDaemon(true);
      return t;
    });
    // At close a pending checkpoint is dropped (the writer's close checkpoints everything).
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** The PRAGMA the writer connection needs: its automatic checkpoints only as a size bound. */
  static void configureWriter(Statement writer) throws SQLException {
    writer.execute("PRAGMA wal_autocheckpoint=" + WRITER_FALLBACK_FRAMES);
  }

  /** Called after each commit: a checkpoint within the delay, unless one is already pending. */
  void afterCommit() {
    if (pending.compareAndSet(false, true)) {
      try {
        thread.schedule(this::checkpoint, delayMs, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        pending.set(false);
      }
    }
  }

  private void checkpoint() {
    pending.set(false);
    try {
      if (conn == null) {
        conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = conn.createStatement()) {
          // The checkpoint's own syncs (WAL before copying, database file after) follow this.
          st.execute("PRAGMA synchronous=FULL");
        }
      }
      int copied;
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
        copied = rs.next() ? rs.getInt(3) : 0;
      }
      if (copied > 0) {
        // SQLite syncs the database file only when a checkpoint reached the WAL's end, which one
        // running beside commits rarely does; the pages it copied stay dirty until the writer's
        // fallback checkpoint syncs them all, on the commit path. Syncing them here keeps that
        // one short. An extra sync never weakens anything: the WAL still holds these frames.
        if (dbFile == null) {
          dbFile = FileChannel.open(file, StandardOpenOption.READ);
        }
        dbFile.force(false);
      }
    } catch (SQLException | IOException e) {
      // Not fatal: the WAL keeps everything and the writer's fallback threshold still bounds it.
      if (!warned) {
        warned = true;
        LOG.warn("Background WAL checkpoint of the embedded store failed; the writer's own checkpoints remain", e);
      }
    }
  }

  /** Stops the thread (a running checkpoint finishes first, uninterrupted) and closes its connection. */
  void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Background WAL checkpoint still running at close");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (conn != null) {
      try {
        conn.close();
      } catch (SQLException e) {
        LOG.warn("Closing the checkpoint connection failed", e);
      }
      conn = null;
    }
    if (dbFile != null) {
      try {
        dbFile.close();
      } catch (IOException e) {
        LOG.warn("Closing the database file channel failed", e);
      }
      dbFile = null;
    }
  }
}
