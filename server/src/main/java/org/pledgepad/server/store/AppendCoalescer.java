package org.pledgepad.server.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit across documents. Each document session already batches its own updates, but a
 * store with one writer would still run one transaction (one fsync) per busy document. This
 * collects the appends of every document that arrive while transactions are in flight and hands
 * them to the store as the next single transaction, one transaction at a time. (Up to four at
 * once on PostgreSQL only split the rows: docs/benchmarks.md, session 9.)
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
  /** One caller's append, waiting for a transaction. */
  record Pending(String document, List<NewUpdate> updates, Promise<List<Long>> promise, Context context) {
    long bytes() {
      long sum = 0;
      for (NewUpdate u : updates) {
        sum += u.update().length;
      }
      return sum;
    }
  }

  /** Writes every append in one transaction; the seqs of each append, in batch order. */
  interface Writer {
    Future<List<List<Long>>> write(List<Pending> batch);
  }

  /** Most updates (rows) and bytes in one combined transaction; a larger single append goes alone. */
  static final int MAX_UPDATES = 4096;
  static final long MAX_BYTES = 16L << 20;

  private final Writer writer;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  /** A transaction is running; everything that arrives meanwhile waits for the next. */
  private boolean inFlight;

  AppendCoalescer(Writer writer) {
    this.writer = writer;
  }

  Future<List<Long>> append(String document, List<NewUpdate> updates) {
    if (updates.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Pending p = new Pending(document, List.copyOf(updates), Promise.promise(), Vertx.currentContext());
    synchronized (this) {
      queue.add(p);
    }
    startWhatCan();
    return p.promise().future();
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
   */
  private List<Pending> takeBatch() {
    if (inFlight || queue.isEmpty()) {
      return null;
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
      batch.add(next);
      rows += next.updates().size();
      bytes += next.bytes();
    }
    inFlight = true;
    return batch;
  }

  private void write(List<Pending> batch) {
    Future<Void> done;
    try {
      done = writer.write(batch).compose(seqs -> {
        for (int i = 0; i < batch.size(); i++) {
          complete(batch.get(i), seqs.get(i), null);
        }
        return Future.<Void>succeededFuture();
      }, failure -> batch.size() == 1 ? fail(batch.get(0), failure) : retrySingly(batch, 0));
    } catch (RuntimeException e) {
      done = batch.size() == 1 ? fail(batch.get(0), e) : retrySingly(batch, 0);
    }
    done.onComplete(ar -> {
      synchronized (this) {
        inFlight = false;
      }
      startWhatCan();
    });
  }

  /** After a combined transaction failed: each append in its own transaction, in order. */
  private Future<Void> retrySingly(List<Pending> batch, int index) {
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
          return Future.<Void>succeededFuture();
        }, failure -> fail(p, failure))
        .compose(v -> retrySingly(batch, index + 1));
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
