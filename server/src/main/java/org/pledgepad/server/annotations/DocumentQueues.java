package org.pledgepad.server.annotations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the annotation work of one document one task at a time, off the event loop: the services
 * read, check and write without their own locking (annotations/README.md), so two replies that
 * both pass "fewer than 500 posts" must not interleave. Different documents run in parallel.
 */
final class DocumentQueues {
  private final Vertx vertx;
  /** Completion of the newest task per document; removed once the queue ran empty. */
  private final ConcurrentHashMap<String, Future<?>> tails = new ConcurrentHashMap<>();

  DocumentQueues(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Blocking {@code task} after every earlier task of {@code document}. */
  <T> Future<T> blocking(String document, Callable<T> task) {
    return then(document, () -> vertx.executeBlocking(task, false));
  }

  /** An asynchronous step (it may itself hop to other contexts) in the document's order. */
  @SuppressWarnings("unchecked")
  <T> Future<T> then(String document, java.util.function.Supplier<Future<T>> step) {
    Future<T>[] mine = new Future[1];
    tails.compute(document, (k, prev) -> {
      Future<?> before = prev == null ? Future.succeededFuture() : prev;
      mine[0] = before.transform(ignored -> step.get());
      return mine[0];
    });
    Future<T> f = mine[0];
    f.onComplete(ar -> tails.remove(document, f));
    return f;
  }
}
