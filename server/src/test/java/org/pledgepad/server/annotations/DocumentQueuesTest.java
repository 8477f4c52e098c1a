package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.testing.Await;

class DocumentQueuesTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  void tasksOfOneDocumentRunOneAtATimeInSubmissionOrder() {
    DocumentQueues queues = new DocumentQueues(vertx);
    AtomicInteger running = new AtomicInteger();
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<Future<Integer>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      all.add(queues.blocking("doc", () -> {
        assertThat(running.incrementAndGet()).isEqualTo(1);
        Thread.sleep(2);
        order.add(n);
        running.decrementAndGet();
        return n;
      }));
    }
    Await.result(Future.all(all));
    assertThat(order).isSorted().hasSize(20);
  }

  @Test
  void aFailedTaskDoesNotStopTheQueue() {
    DocumentQueues queues = new DocumentQueues(vertx);
    Future<Object> failing = queues.blocking("doc", () -> {
      throw new IllegalStateException("boom");
    });
    Future<String> next = queues.blocking("doc", () -> "ran");
    assertThat(Await.failure(failing)).hasMessage("boom");
    assertThat(Await.result(next)).isEqualTo("ran");
  }
}
