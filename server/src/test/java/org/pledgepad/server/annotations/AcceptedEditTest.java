package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.testing.Eventually;

/** Whether an accepted suggestion is put back depends on the edit's outcome, not on the answer's timeout. */
class AcceptedEditTest {
  private static final long TIMEOUT_MS = 200;
  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger putBack = new AtomicInteger();
  private final AtomicInteger storedLate = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private CompletableFuture<Void> answer(Future<Void> stored) {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    vertx.runOnContext(v -> AcceptedEdit.answer(vertx, stored, TIMEOUT_MS, putBack::incrementAndGet,
        storedLate::incrementAndGet).onComplete(ar -> {
          if (ar.succeeded()) {
            answer.complete(null);
          } else {
            answer.completeExceptionally(ar.cause());
          }
        }));
    return answer;
  }

  @Test
  void anEditStoredInTimeIsAnsweredAndStands() throws Exception {
    Promise<Void> stored = Promise.promise();
    CompletableFuture<Void> answer = answer(stored.future());
    vertx.runOnContext(v -> stored.complete());
    answer.get(5, TimeUnit.SECONDS);
    assertThat(putBack).hasValue(0);
    assertThat(storedLate).hasValue(0);
  }

  @Test
  void anEditStoredAfterTheAnswerTimedOutStandsAndItsEventsGoOut() throws Exception {
    Promise<Void> stored = Promise.promise();
    CompletableFuture<Void> answer = answer(stored.future());
    Eventually.until("the answer timed out", answer::isDone);
    assertThat(answer).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
        .withCauseInstanceOf(AcceptedEdit.Pending.class);
    assertThat(putBack).as("a timeout alone never puts the suggestion back").hasValue(0);

    vertx.runOnContext(v -> stored.complete());
    Eventually.until("the late store noticed", () -> storedLate.get() == 1);
    assertThat(putBack).hasValue(0);
  }

  @Test
  void anEditRefusedAfterTheAnswerTimedOutPutsTheSuggestionBack() throws Exception {
    Promise<Void> stored = Promise.promise();
    CompletableFuture<Void> answer = answer(stored.future());
    Eventually.until("the answer timed out", answer::isDone);
    assertThat(putBack).hasValue(0);

    vertx.runOnContext(v -> stored.fail(new IllegalStateException("the document session refused the update")));
    Eventually.until("the suggestion put back", () -> putBack.get() == 1);
    assertThat(storedLate).hasValue(0);
  }

  @Test
  void anEditRefusedInTimeIsAFailedAnswerAndPutsTheSuggestionBack() throws Exception {
    Promise<Void> stored = Promise.promise();
    CompletableFuture<Void> answer = answer(stored.future());
    vertx.runOnContext(v -> stored.fail(new IllegalStateException("refused")));
    assertThat(answer).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
        .withMessageContaining("refused");
    assertThat(putBack).hasValue(1);
    assertThat(storedLate).hasValue(0);
  }
}
