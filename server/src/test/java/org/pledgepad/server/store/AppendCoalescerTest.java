package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Coalescing and failure isolation, with a writer the test completes by hand. */
class AppendCoalescerTest {
  private record Call(List<AppendCoalescer.Pending> batch, Promise<List<List<Long>>> result) {}

  private final List<Call> calls = new ArrayList<>();
  private final AppendCoalescer coalescer = new AppendCoalescer(batch -> {
    Promise<List<List<Long>>> p = Promise.promise();
    calls.add(new Call(batch, p));
    return p.future();
  });

  private static List<NewUpdate> updates(int n) {
    List<NewUpdate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new NewUpdate(("u" + i).getBytes(StandardCharsets.UTF_8), "a", "c"));
    }
    return out;
  }

  private static List<String> documents(Call c) {
    return c.batch().stream().map(AppendCoalescer.Pending::document).toList();
  }

  @Test
  void appendsArrivingDuringATransactionGoTogetherInTheNextOne() {
    Future<List<Long>> first = coalescer.append("a", updates(1));
    Future<List<Long>> b = coalescer.append("b", updates(2));
    Future<List<Long>> c = coalescer.append("c", updates(1));
    Future<List<Long>> a2 = coalescer.append("a", updates(1));
    assertThat(calls).hasSize(1);
    assertThat(documents(calls.get(0))).containsExactly("a");
    calls.get(0).result().complete(List.of(List.of(1L)));
    assertThat(first.result()).containsExactly(1L);
    assertThat(calls).hasSize(2);
    assertThat(documents(calls.get(1))).containsExactly("b", "c", "a");
    calls.get(1).result().complete(List.of(List.of(1L, 2L), List.of(1L), List.of(2L)));
    assertThat(b.result()).containsExactly(1L, 2L);
    assertThat(c.result()).containsExactly(1L);
    assertThat(a2.result()).containsExactly(2L);
    assertThat(calls).hasSize(2);
  }

  @Test
  void aFailedCombinedTransactionIsRetriedOneAppendAtATimeInOrder() {
    coalescer.append("x", updates(1));
    Future<List<Long>> a = coalescer.append("a", updates(1));
    Future<List<Long>> bad = coalescer.append("bad", updates(1));
    Future<List<Long>> c = coalescer.append("c", updates(1));
    calls.get(0).result().complete(List.of(List.of(1L)));
    calls.get(1).result().fail(new StoreException("constraint", null));
    // Retries: a, then bad, then c, each alone and only after the previous finished.
    assertThat(calls).hasSize(3);
    assertThat(documents(calls.get(2))).containsExactly("a");
    calls.get(2).result().complete(List.of(List.of(1L)));
    assertThat(documents(calls.get(3))).containsExactly("bad");
    calls.get(3).result().fail(new StoreException("constraint", null));
    assertThat(documents(calls.get(4))).containsExactly("c");
    assertThat(c.isComplete()).isFalse();
    calls.get(4).result().complete(List.of(List.of(7L)));
    assertThat(a.result()).containsExactly(1L);
    assertThat(bad.failed()).isTrue();
    assertThat(c.result()).containsExactly(7L);
  }

  @Test
  void aNewTransactionStartsOnlyAfterTheRetriesAndTakesWhatQueuedMeanwhile() {
    coalescer.append("x", updates(1));
    coalescer.append("a", updates(1));
    coalescer.append("b", updates(1));
    calls.get(0).result().complete(List.of(List.of(1L)));
    calls.get(1).result().fail(new StoreException("down", null));
    Future<List<Long>> late1 = coalescer.append("d", updates(1));
    Future<List<Long>> late2 = coalescer.append("e", updates(1));
    assertThat(calls).hasSize(3); // the retry of a, nothing new yet
    calls.get(2).result().fail(new StoreException("down", null));
    calls.get(3).result().fail(new StoreException("down", null));
    assertThat(calls).hasSize(5);
    assertThat(documents(calls.get(4))).containsExactly("d", "e");
    calls.get(4).result().complete(List.of(List.of(1L), List.of(1L)));
    assertThat(late1.result()).containsExactly(1L);
    assertThat(late2.result()).containsExactly(1L);
  }

  @Test
  void aTransactionHoldsAtMostTheRowCapButAnOversizedAppendStillGoesAlone() {
    coalescer.append("x", updates(1));
    coalescer.append("big", updates(AppendCoalescer.MAX_UPDATES + 5));
    coalescer.append("a", updates(AppendCoalescer.MAX_UPDATES - 1));
    coalescer.append("b", updates(2));
    calls.get(0).result().complete(List.of(List.of(1L)));
    assertThat(documents(calls.get(1))).containsExactly("big");
    calls.get(1).result().complete(List.of(List.of()));
    assertThat(documents(calls.get(2))).containsExactly("a");
    calls.get(2).result().complete(List.of(List.of()));
    assertThat(documents(calls.get(3))).containsExactly("b");
  }

  @Test
  void updatesJoinTheirAppendUntilItsTransactionStartsAndNeverAfter() {
    Future<List<Long>> x = coalescer.append("x", updates(1));
    Future<List<Long>> a = coalescer.append("a", updates(1));
    Future<List<Long>> otherA = coalescer.append("a", updates(1)); // a second writer of "a" (another session)
    assertThat(coalescer.appendToWaiting("a", otherA, updates(2))).isTrue();
    assertThat(coalescer.appendToWaiting("a", a, updates(1))).as("not a's latest append").isFalse();
    assertThat(coalescer.appendToWaiting("x", x, updates(1))).as("x's transaction is running").isFalse();
    assertThat(coalescer.appendToWaiting("b", a, updates(1))).as("b has no append").isFalse();
    assertThat(coalescer.appendToWaiting("a", otherA, updates(AppendCoalescer.MAX_UPDATES))).as("row cap").isFalse();
    calls.get(0).result().complete(List.of(List.of(1L)));
    assertThat(documents(calls.get(1))).containsExactly("a", "a");
    assertThat(calls.get(1).batch().get(0).updates()).hasSize(1);
    assertThat(calls.get(1).batch().get(1).updates()).hasSize(3);
    assertThat(coalescer.appendToWaiting("a", otherA, updates(1))).as("its transaction started").isFalse();
    calls.get(1).result().complete(List.of(List.of(4L), List.of(5L, 6L, 7L)));
    assertThat(a.result()).containsExactly(4L);
    assertThat(otherA.result()).containsExactly(5L, 6L, 7L);
  }

  @Test
  void withAnIntervalAnIdleStoreStartsAtOnceAndABusyOneWaitsForTheIntervalThenTakesEverything() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      long interval = TimeUnit.MILLISECONDS.toNanos(200);
      List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<List<String>> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
      AppendCoalescer timed = new AppendCoalescer(batch -> {
        starts.add(System.nanoTime());
        batches.add(batch.stream().map(AppendCoalescer.Pending::document).toList());
        List<List<Long>> seqs = new ArrayList<>();
        batch.forEach(p -> seqs.add(List.of(1L)));
        return Future.succeededFuture(seqs); // commits at once: only the interval holds the next one back
      }, vertx, Duration.ofNanos(interval));

      Future<List<Long>> first = timed.append("a", updates(1));
      assertThat(batches).containsExactly(List.of("a"));
      assertThat(first.result()).containsExactly(1L);

      Future<List<Long>> b = timed.append("b", updates(1));
      Future<List<Long>> c = timed.append("c", updates(1));
      assertThat(batches).hasSize(1); // the interval since "a" started has not passed
      assertThat(b.isComplete()).isFalse();
      b.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThat(c.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)).containsExactly(1L);
      assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
      assertThat(starts.get(1) - starts.get(0)).isGreaterThanOrEqualTo(interval);

      Thread.sleep(TimeUnit.NANOSECONDS.toMillis(interval) + 50); // idle for longer than the interval
      Future<List<Long>> d = timed.append("d", updates(1));
      assertThat(batches).hasSize(3);
      assertThat(d.result()).containsExactly(1L);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void readinessFailsWhileATransactionHangsAndAfterAFailureUntilAnAppendCommits() throws Exception {
    Duration stall = Duration.ofMillis(100);
    assertThat(coalescer.flowing(stall)).as("idle").isTrue();

    coalescer.append("a", updates(1));
    assertThat(coalescer.flowing(stall)).as("a transaction just started").isTrue();
    Thread.sleep(150);
    assertThat(coalescer.flowing(stall)).as("the transaction hangs").isFalse();
    assertThat(coalescer.flowing(Duration.ofSeconds(30))).as("within the default allowance").isTrue();

    calls.get(0).result().fail(new StoreException("disk full", null));
    assertThat(coalescer.flowing(stall)).as("its append failed, none committed since").isFalse();
    Thread.sleep(150);
    assertThat(coalescer.flowing(stall)).as("a failure counts for the allowance, then readiness returns").isTrue();

    coalescer.append("b", updates(1));
    calls.get(1).result().fail(new StoreException("disk full", null));
    assertThat(coalescer.flowing(stall)).isFalse();
    coalescer.append("c", updates(1));
    calls.get(2).result().complete(List.of(List.of(1L)));
    assertThat(coalescer.flowing(stall)).as("an append committed after the failure").isTrue();

    // one document failing beside others that commit is that document's problem, not the store's
    coalescer.append("d", updates(1));
    coalescer.append("e", updates(1));
    coalescer.append("f", updates(1));
    calls.get(3).result().complete(List.of(List.of(1L)));
    calls.get(4).result().fail(new StoreException("combined", null));
    calls.get(5).result().complete(List.of(List.of(2L)));
    calls.get(6).result().fail(new StoreException("only f", null));
    assertThat(calls).hasSize(7);
    assertThat(coalescer.flowing(stall)).as("e committed in the retry, f did not").isTrue();
  }
}
