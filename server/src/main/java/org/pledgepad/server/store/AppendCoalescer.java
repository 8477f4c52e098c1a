package org.pledgepad.server.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Group commit across documents. Each document session already batches its own updates, but a
 * store with one writer would still run one transaction (one fsync) per busy document. This
 * collects the appends of every document that arrive while transactions are in flight and hands
 * them to the store as the next single transaction (both stores run one at a time; the class
 * can run a few at once, each document in at most one of them).
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
  private final int maxInFlight;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  /** Documents with an append in a running transaction: never in two at once (order, locks). */
  private final Set<String> busy = new HashSet<>();
  private int inFlight;

  /** One transaction at a time (a store with a single writer thread). */
  AppendCoalescer(Writer writer) {
    this(writer, 1);
  }

  /**
   * @param maxInFlight transactions that may run at once (a connection pool); each document is
   *     in at most one of them, so its appends still commit in call order
   */
  AppendCoalescer(Writer writer, int maxInFlight) {
    this.writer = writer;
    this.maxInFlight = maxInFlight;
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
   * The next batch if a transaction may start (it then counts as running), else null: queued
   * appends in arrival order, except those of documents that are busy in a running transaction
   * (and everything after them of the same documents, to keep each document's order).
   */
  private List<Pending> takeBatch() {
    if (inFlight >= maxInFlight || queue.isEmpty()) {
      return null;
    }
    List<Pending> batch = new ArrayList<>();
    Set<String> skipped = new HashSet<>();
    long rows = 0;
    long bytes = 0;
    for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
      Pending next = it.next();
      if (busy.contains(next.document()) || skipped.contains(next.document())) {
        skipped.add(next.document());
        continue;
      }
      if (!batch.isEmpty() && (rows + next.updates().size() > MAX_UPDATES || bytes + next.bytes() > MAX_BYTES)) {
        break;
      }
      it.remove();
      batch.add(next);
      rows += next.updates().size();
      bytes += next.bytes();
    }
    if (batch.isEmpty()) {
      return null;
    }
    batch.forEach(p -> busy.add(p.document()));
    inFlight++;
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
        inFlight--;
        batch.forEach(p -> busy.remove(p.document()));
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
