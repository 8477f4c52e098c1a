package org.pledgepad.server.annotations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the annotation work of one document one task at a time, off the event loop: the services
 * read, check and write without their own locking (annotations/README.md), so two replies that
 * both pass "fewer than 500 posts" must not interleave. Different documents run in parallel.
 * Per process only: decisions on suggestions are also compare-and-set in the repository
 * ({@code updateThreadIf}), so other server nodes cannot decide one suggestion twice.
 *
 * <p>At most {@link #MAX_WAITING} tasks wait behind the running one per document; more are
 * refused at once with {@link QueueFull} (answered 503 with Retry-After), so that a flood of
 * requests neither grows memory without bound nor delays the rest indefinitely. The routes queue
 * writes here (and, in a second instance, each person's export and erasure); reads run beside
 * these queues ({@link AnnotationReads}), so they cannot fill a document's queue.
 */
final class DocumentQueues {
  /** Tasks that may wait per document behind the one running. */
  static final int MAX_WAITING = 64;
  /** The cap queues made by {@link #DocumentQueues(Vertx)} get; tests lower it before a server starts. */
  static volatile int defaultMaxWaiting = MAX_WAITING;

  /** The document's queue already holds its maximum of waiting tasks. */
  static final class QueueFull extends RuntimeException {
    QueueFull() {
      super("too many annotation requests for this document", null, false, false);
    }
  }

  /** Completion of the newest task and the number of tasks not yet complete. */
  private record Tail(Future<?> last, int pending) {}

  private final Vertx vertx;
  private final int maxWaiting;
  /** Per document; removed once its queue ran empty. */
  private final ConcurrentHashMap<String, Tail> tails = new ConcurrentHashMap<>();

  DocumentQueues(Vertx vertx) {
    this(vertx, defaultMaxWaiting);
  }

  DocumentQueues(Vertx vertx, int maxWaiting) {
    this.vertx = vertx;
    this.maxWaiting = maxWaiting;
  }

  /** Blocking {@code task} after every earlier task of {@code document}. */
  <T> Future<T> blocking(String document, Callable<T> task) {
    return then(document, () -> vertx.executeBlocking(task, false));
  }

  /**
   * An asynchronous step (it may itself hop to other contexts) in the document's order; fails
   * at once with {@link QueueFull} when {@link #maxWaiting} tasks already wait.
   */
  @SuppressWarnings("unchecked")
  <T> Future<T> then(String document, java.util.function.Supplier<Future<T>> step) {
    Future<T>[] mine = new Future[1];
    tails.compute(document, (k, prev) -> {
      if (prev != null && prev.pending() > maxWaiting) { // one running + maxWaiting waiting
        return prev;
      }
      Future<?> before = prev == null ? Future.succeededFuture() : prev.last();
      mine[0] = before.transform(ignored -> step.get());
      return new Tail(mine[0], prev == null ? 1 : prev.pending() + 1);
    });
    Future<T> f = mine[0];
    if (f == null) {
      return Future.failedFuture(new QueueFull());
    }
    f.onComplete(ar -> tails.computeIfPresent(document, (k, t) -> t.pending() <= 1 ? null
        : new Tail(t.last(), t.pending() - 1)));
    return f;
  }

  /** Tasks not yet complete for {@code document} (tests). */
  int pending(String document) {
    Tail t = tails.get(document);
    return t == null ? 0 : t.pending();
  }
}
