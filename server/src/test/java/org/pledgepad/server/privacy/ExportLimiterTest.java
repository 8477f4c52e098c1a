package org.pledgepad.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExportLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now.get());
    }
  };

  @Test
  void onePerPersonPerSpacing() {
    ExportLimiter l = new ExportLimiter(clock, 60_000);
    assertThat(l.tryAcquire("a")).isZero();
    assertThat(l.tryAcquire("b")).isZero();
    now.addAndGet(10_000);
    assertThat(l.tryAcquire("a")).isEqualTo(50_000);
    now.addAndGet(50_000);
    assertThat(l.tryAcquire("a")).isZero();
  }

  @Test
  void aFullMapDropsOldEntriesAndOtherwiseMakesNewCallersWait() {
    ExportLimiter l = new ExportLimiter(clock, 60_000);
    for (int i = 0; i < ExportLimiter.MAX_ENTRIES; i++) {
      assertThat(l.tryAcquire("p" + i)).isZero();
    }
    assertThat(l.tryAcquire("newcomer")).isEqualTo(60_000);
    now.addAndGet(60_000);
    assertThat(l.tryAcquire("newcomer")).isZero();
  }
}
