package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
}
