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

  @Test
  void tasksBeyondTheWaitingCapAreRefusedAndTheQueueRecovers() throws Exception {
    DocumentQueues queues = new DocumentQueues(vertx, 2);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Future<String> running = queues.blocking("doc", () -> {
      release.await();
      return "first";
    });
    Future<String> waiting1 = queues.blocking("doc", () -> "second");
    Future<String> waiting2 = queues.blocking("doc", () -> "third");
    Future<String> refused = queues.blocking("doc", () -> "refused");
    assertThat(Await.failure(refused)).isInstanceOf(DocumentQueues.QueueFull.class);
    // Other documents have queues of their own.
    assertThat(Await.result(queues.blocking("other", () -> "other"))).isEqualTo("other");
    release.countDown();
    assertThat(Await.result(running)).isEqualTo("first");
    assertThat(Await.result(waiting1)).isEqualTo("second");
    assertThat(Await.result(waiting2)).isEqualTo("third");
    assertThat(Await.result(queues.blocking("doc", () -> "after"))).isEqualTo("after");
  }
}
