package org.pledgepad.server.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Group commit across documents. Each document session already batches its own updates, but a
 * store with one writer would still run one transaction (one fsync) per busy document. This
 * collects the appends of every document that arrive while transactions are in flight and hands
 * them to the store as the next single transaction, one transaction at a time. (Up to four at
 * once on PostgreSQL only split the rows: docs/benchmarks.md, session 9.)
 *
 * <p>Optionally with a least interval between the starts of two transactions. Without it, a
 * transaction that takes 0.5 ms (one fsync) lets the next start at once, and at moderate load
 * nearly every edit pays a transaction, an fsync and the wake-ups of the store thread to
 * itself; waiting until the interval has passed since the last start lets the updates that
 * arrive meanwhile share it. An append to a store that has been idle for the interval starts
 * at once, so a quiet server adds no delay. (PostgreSQL's commit_delay is the same idea.)
 *
 * <p>Failure isolation: when a combined transaction fails, its appends are retried one by one,
 * each in its own transaction, in their arrival order; only the appends that fail again fail.
 * So one document whose append cannot commit (a constraint, a lock timeout) never takes other
 * documents' updates with it. A failed transaction wrote nothing (SQLite rolls back; PostgreSQL
 * too, unless the connection died during COMMIT and the outcome is unknown — then a retry may
 * log an update twice, which the CRDT applies idempotently, the same as a client resending after
 * a failed acknowledgement).
 *
 * <p>Thread-safe: appends come from many event loops. Each future completes on the context of
 * its caller ({@link DocumentStore} contract).
 */
final class AppendCoalescer {
  /**
   * One caller's append, waiting for a transaction. Its updates may grow until its batch is
   * taken ({@link #appendToWaiting}, under the coalescer's lock); never after.
   */
  record Pending(String document, List<NewUpdate> updates, Promise<List<Long>> promise, Context context) {
    long bytes() {
      long sum = 0;
      for (NewUpdate u : updates) {
        sum += u.update().length;
      }
      return sum;
    }
  }

  /**
   * Writes every append in one transaction; the seqs of each append, in batch order. An entry
   * may be null: that append failed on its own after the others committed (PostgreSQL: its head
   * had moved, and the locking retry failed), and it is failed without a retry, which would log
   * the others twice.
   */
  interface Writer {
    Future<List<List<Long>>> write(List<Pending> batch);
  }

  /** Most updates (rows) and bytes in one combined transaction; a larger single append goes alone. */
  static final int MAX_UPDATES = 4096;
  static final long MAX_BYTES = 16L << 20;
  /**
   * How long a transaction may run, or a failure stand, before readiness fails: far above any
   * healthy commit (milliseconds; a 16 MiB batch well under a second), far below PostgreSQL's
   * statement timeout (2 min).
   */
  static final Duration STALL = Duration.ofSeconds(30);

  private final Writer writer;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  /** Each document's latest append in {@link #queue}. */
  private final Map<String, Pending> waiting = new HashMap<>();
  /** A transaction is running; everything that arrives meanwhile waits for the next. */
  private boolean inFlight;
  /** Least time between the starts of two transactions (0: none). */
  private final long minIntervalNanos;
  /** Where the wait for the next start runs; null when there is no interval. */
  private final ContextInternal timers;
  private long lastStartNanos;
  /** A timer will start the next transaction; until it fires, appends only queue. */
  private boolean startScheduled;
  /** When the running transaction started (valid while {@link #inFlight}). */
  private long inFlightSinceNanos;
  /** The last batch committed nothing (for {@link #flowing}), at {@link #lastFailureNanos}. */
  private boolean failedLast;
  private long lastFailureNanos;

  /** Each transaction starts as soon as the previous one ended. */
  AppendCoalescer(Writer writer) {
    this(writer, null, Duration.ZERO);
  }

  /** @param minInterval least time between the starts of two transactions; zero for none */
  AppendCoalescer(Writer writer, Vertx vertx, Duration minInterval) {
    this.writer = writer;
    this.minIntervalNanos = minInterval.toNanos();
    this.timers = minIntervalNanos > 0 ? ((VertxInternal) vertx).createEventLoopContext() : null;
    this.lastStartNanos = System.nanoTime() - minIntervalNanos;
  }

  Future<List<Long>> append(String document, List<NewUpdate> updates) {
    if (updates.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Pending p = new Pending(document, new ArrayList<>(updates), Promise.promise(), Vertx.currentContext());
    synchronized (this) {
      queue.add(p);
      waiting.put(document, p);
    }
    startWhatCan();
    return p.promise().future();
  }

  /** See {@link DocumentStore#appendToWaiting}; the transaction's row cap still holds. */
  synchronized boolean appendToWaiting(String document, Future<List<Long>> append, List<NewUpdate> more) {
    Pending p = waiting.get(document);
    // Only the caller's own append: two sessions of one document on one store (nodes simulated
    // in tests) each wait for their own.
    if (p == null || p.promise().future() != append || p.updates().size() + more.size() > MAX_UPDATES) {
      return false;
    }
    p.updates().addAll(more);
    return true;
  }

  private void startWhatCan() {
    List<Pending> batch;
    while (true) {
      synchronized (this) {
        batch = takeBatch();
      }
      if (batch == null) {
        return;
      }
      write(batch);
    }
  }

  /**
   * The next batch if no transaction runs (it then counts as running), else null: queued
   * appends in arrival order, up to the row and byte caps (a larger single append goes alone).
   * Also null when the least interval since the last start has not passed; a timer then
   * starts the batch once it has.
   */
  private List<Pending> takeBatch() {
    if (inFlight || queue.isEmpty() || startScheduled) {
      return null;
    }
    if (minIntervalNanos > 0) {
      long now = System.nanoTime();
      long wait = lastStartNanos + minIntervalNanos - now;
      if (wait > 0) {
        startScheduled = true;
        timers.timer(wait, TimeUnit.NANOSECONDS).onComplete(t -> {
          synchronized (this) {
            startScheduled = false;
          }
          startWhatCan();
        });
        return null;
      }
      lastStartNanos = now;
    }
    List<Pending> batch = new ArrayList<>();
    long rows = 0;
    long bytes = 0;
    while (!queue.isEmpty()) {
      Pending next = queue.peek();
      if (!batch.isEmpty() && (rows + next.updates().size() > MAX_UPDATES || bytes + next.bytes() > MAX_BYTES)) {
        break;
      }
      queue.poll();
      waiting.remove(next.document(), next);
      batch.add(next);
      rows += next.updates().size();
      bytes += next.bytes();
    }
    inFlight = true;
    inFlightSinceNanos = System.nanoTime();
    return batch;
  }

  /**
   * Whether appends are getting through, for readiness: false while a transaction has run longer
   * than {@code stall} (a lock held elsewhere, a hung disk or connection), and for {@code stall}
   * after a transaction in which nothing committed, with none committed since (a full disk, a
   * read-only database). The store can answer a ping in both cases, yet no edit would be
   * acknowledged.
   */
  boolean flowing() {
    return flowing(STALL);
  }

  synchronized boolean flowing(Duration stall) {
    long now = System.nanoTime();
    long limit = stall.toNanos();
    if (inFlight && now - inFlightSinceNanos > limit) {
      return false;
    }
    return !(failedLast && now - lastFailureNanos < limit);
  }

  private void write(List<Pending> batch) {
    int[] committed = {0}; // appends of this batch that committed, for flowing()
    Future<Void> done;
    try {
      done = writer.write(batch).compose(seqs -> {
        for (int i = 0; i < batch.size(); i++) {
          List<Long> these = seqs.get(i);
          complete(batch.get(i), these, these == null ? new StoreException("append failed after the others in its transaction committed", null) : null);
          committed[0] += these == null ? 0 : 1;
        }
        return Future.<Void>succeededFuture();
      }, failure -> batch.size() == 1 ? fail(batch.get(0), failure) : retrySingly(batch, 0, committed));
    } catch (RuntimeException e) {
      done = batch.size() == 1 ? fail(batch.get(0), e) : retrySingly(batch, 0, committed);
    }
    done.onComplete(ar -> {
      synchronized (this) {
        inFlight = false;
        // one document failing beside others that commit is that document's problem; a batch
        // in which nothing committed may be the store's (a full disk, a read-only database)
        failedLast = committed[0] == 0;
        if (failedLast) {
          lastFailureNanos = System.nanoTime();
        }
      }
      startWhatCan();
    });
  }

  /** After a combined transaction failed: each append in its own transaction, in order. */
  private Future<Void> retrySingly(List<Pending> batch, int index, int[] committed) {
    if (index == batch.size()) {
      return Future.succeededFuture();
    }
    Pending p = batch.get(index);
    Future<List<List<Long>>> single;
    try {
      single = writer.write(List.of(p));
    } catch (RuntimeException e) {
      single = Future.failedFuture(e);
    }
    return single
        .compose(seqs -> {
          complete(p, seqs.get(0), null);
          committed[0]++;
          return Future.<Void>succeededFuture();
        }, failure -> fail(p, failure))
        .compose(v -> retrySingly(batch, index + 1, committed));
  }

  private static Future<Void> fail(Pending p, Throwable failure) {
    complete(p, null, failure);
    return Future.succeededFuture();
  }

  private static void complete(Pending p, List<Long> seqs, Throwable failure) {
    Runnable action = failure == null ? () -> p.promise().complete(seqs) : () -> p.promise().fail(failure);
    if (p.context() == null || Vertx.currentContext() == p.context()) {
      action.run();
    } else {
      p.context().runOnContext(v -> action.run());
    }
  }
}
