package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NextClocksTest {
  @Test
  void unknownClientsAreAtClockZero() {
    assertThat(new NextClocks().get(42)).isZero();
  }

  @Test
  void raisesButNeverLowers() {
    NextClocks c = new NextClocks();
    c.raise(7, 5);
    c.raise(7, 3);
    assertThat(c.get(7)).isEqualTo(5);
    c.raise(7, 9);
    assertThat(c.get(7)).isEqualTo(9);
    assertThat(c.size()).isEqualTo(1);
  }

  @Test
  void clearForgetsEveryClockAndTakesNewOnes() {
    NextClocks c = new NextClocks();
    for (long client = 0; client < 100; client++) {
      c.raise(client, client + 1);
    }
    c.clear();
    assertThat(c.size()).isZero();
    assertThat(c.get(7)).isZero();
    c.raise(7, 2);
    assertThat(c.get(7)).isEqualTo(2);
    assertThat(c.size()).isEqualTo(1);
  }

  @Test
  void agreesWithABoxedMapThroughGrowth() {
    Random random = new Random(11);
    NextClocks c = new NextClocks();
    Map<Long, Long> expected = new HashMap<>();
    long[] clients = new long[3_000];
    for (int i = 0; i < clients.length; i++) {
      // Random safe integers, plus small and adjacent ones that probe into each other's slots.
      clients[i] = i % 3 == 0 ? i : random.nextLong() & ((1L << 53) - 1);
    }
    for (int n = 0; n < 50_000; n++) {
      long client = clients[random.nextInt(clients.length)];
      long next = random.nextInt(1_000_000);
      c.raise(client, next);
      expected.merge(client, next, Math::max);
      long probe = random.nextBoolean() ? client : clients[random.nextInt(clients.length)];
      assertThat(c.get(probe)).isEqualTo(expected.getOrDefault(probe, 0L));
    }
    assertThat(c.size()).isEqualTo(expected.size());
    expected.forEach((client, next) -> assertThat(c.get(client)).isEqualTo(next));
  }

  @Test
  void clientZeroAndTheLargestSafeIntegerAreOrdinaryKeys() {
    NextClocks c = new NextClocks();
    c.raise(0, 1);
    c.raise((1L << 53) - 1, 2);
    assertThat(c.get(0)).isEqualTo(1);
    assertThat(c.get((1L << 53) - 1)).isEqualTo(2);
    assertThatThrownBy(() -> c.raise(-1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
