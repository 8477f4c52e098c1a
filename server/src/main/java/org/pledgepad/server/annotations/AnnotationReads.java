package org.pledgepad.server.annotations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where annotation reads run: beside the documents' write queues, not in them, so that a flood of
 * reads on a published document (guests need no account) can fill only its own capacity and
 * writes keep their queue. Reads need no ordering among themselves: the services never write
 * while reading, and ThreadViews reads threads before posts, so a read racing a write sees each
 * row either before or after it — never a thread without its opening post, which is stored in
 * the same transaction ({@code insertThreadWithPost}).
 *
 * <p>Reads run on a small pool of their own, so they cannot occupy the worker threads that
 * writes need; at most {@link #MAX_PER_DOCUMENT} reads of one document run or wait at a time,
 * more are refused with {@link DocumentQueues.QueueFull} (503 with Retry-After, as before).
 */
final class AnnotationReads {
  /** Reads of one document running or waiting for the pool. */
  static final int MAX_PER_DOCUMENT = 64;
  /** The cap instances made by {@link #AnnotationReads(Vertx)} get; tests lower it before a server starts. */
  static volatile int defaultMaxPerDocument = MAX_PER_DOCUMENT;
  /** Shared by name across the server's routes (one pool per Vert.x instance). */
  static final String POOL_NAME = "pledgepad-annotation-reads";
  static final int POOL_SIZE = 4;

  private final WorkerExecutor pool;
  private final int maxPerDocument;
  /** Per document; removed once no read of it is left. */
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  AnnotationReads(Vertx vertx) {
    this.pool = vertx.createSharedWorkerExecutor(POOL_NAME, POOL_SIZE);
    this.maxPerDocument = defaultMaxPerDocument;
  }

  /** {@code task} on the read pool. Call from within {@link #admit}. */
  <T> Future<T> blocking(Callable<T> task) {
    return pool.executeBlocking(task, false);
  }

  /** Runs {@code read} unless {@link #maxPerDocument} reads of {@code document} are already under way. */
  <T> Future<T> admit(String document, Supplier<Future<T>> read) {
    boolean[] admitted = new boolean[1];
    inFlight.compute(document, (k, n) -> {
      int now = n == null ? 0 : n;
      admitted[0] = now < maxPerDocument;
      return admitted[0] ? now + 1 : n;
    });
    if (!admitted[0]) {
      return Future.failedFuture(new DocumentQueues.QueueFull());
    }
    Future<T> f;
    try {
      f = read.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.andThen(ar -> inFlight.computeIfPresent(document, (k, n) -> n <= 1 ? null : n - 1));
  }
}
