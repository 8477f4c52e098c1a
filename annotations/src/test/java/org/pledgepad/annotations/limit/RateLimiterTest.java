package org.pledgepad.annotations.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final RateLimiter limiter = new RateLimiter(3, 10, 2, now::get);

  @Test
  void burstThenRefusal() {
    assertThat(limiter.tryAcquire("u")).isTrue();
    assertThat(limiter.tryAcquire("u")).isTrue();
    assertThat(limiter.tryAcquire("u")).isTrue();
    assertThat(limiter.tryAcquire("u")).isFalse();
  }

  @Test
  void oneTokenPerIntervalComesBack() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("u");
    }
    now.addAndGet(9);
    assertThat(limiter.tryAcquire("u")).isFalse();
    now.addAndGet(1);
    assertThat(limiter.tryAcquire("u")).isTrue();
    assertThat(limiter.tryAcquire("u")).isFalse();
  }

  @Test
  void bucketsNeverHoldMoreThanTheCapacity() {
    now.addAndGet(1_000_000);
    int granted = 0;
    while (limiter.tryAcquire("u")) {
      granted++;
    }
    assertThat(granted).isEqualTo(3);
  }

  @Test
  void usersHaveSeparateBuckets() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("u");
    }
    assertThat(limiter.tryAcquire("v")).isTrue();
  }

  @Test
  void theMapIsBoundedAndForgetsTheLeastRecentlyUsed() {
    limiter.tryAcquire("a");
    limiter.tryAcquire("b");
    limiter.tryAcquire("c");
    assertThat(limiter.size()).isEqualTo(2);
  }
}
