package org.pledgepad.server.annotations;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The answer to an accept, whose edit may take longer to store than the request may wait.
 *
 * <p>The thread is marked accepted before the edit goes to the session, and put back only if
 * the session refuses the edit. Putting it back when the answer times out (as before) was wrong:
 * the edit is still queued in the session and is usually stored moments later, leaving a thread
 * open for a suggestion that is already in the text (and the log's note saying it was
 * accepted). So the request gets its answer after {@code timeoutMs} at the latest — {@link
 * Pending} when the outcome is not known yet — while the outcome is awaited for as long as the
 * session takes, and decides alone whether the thread is put back.
 */
final class AcceptedEdit {
  /** The answer timed out; the edit is still being stored and the thread says accepted. */
  static final class Pending extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Pending() {
      super("the accepted edit is still being stored", null, false, false);
    }
  }

  private AcceptedEdit() {}

  /**
   * @param stored completes when the session acknowledged the edit (committed), fails when it
   *     refused it or closed; never times out on its own
   * @param refused runs once if the edit is refused, whenever that is (puts the thread back)
   * @param storedLate runs once if the edit is stored after the answer has timed out (the
   *     events that a timely answer would have pushed)
   * @return succeeds or fails with {@code stored}, or fails with {@link Pending} after {@code
   *     timeoutMs}
   */
  static Future<Void> answer(Vertx vertx, Future<Void> stored, long timeoutMs, Runnable refused,
      Runnable storedLate) {
    Promise<Void> answer = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, id -> answer.tryFail(new Pending()));
    stored.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.failed()) {
        refused.run();
      }
      boolean answeredInTime = ar.succeeded() ? answer.tryComplete() : answer.tryFail(ar.cause());
      if (!answeredInTime && ar.succeeded()) {
        storedLate.run();
      }
    });
    return answer.future();
  }
}
