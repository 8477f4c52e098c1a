package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Principal;

class VerifiedTokenCacheTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofSeconds(60), 2);

  private VerifiedToken token(Duration valid) {
    return new VerifiedToken(Principal.anonymous(), "j1", clock.instant().plus(valid));
  }

  @Test
  void aTokenCheckedAMomentAgoIsReused() {
    VerifiedToken v = token(Duration.ofHours(1));
    cache.put("a", v);
    clock.advance(Duration.ofSeconds(59));
    assertThat(cache.get("a")).isSameAs(v);
    assertThat(cache.get("b")).isNull();
  }

  @Test
  void anEntryIsCheckedAgainAfterTheTtl() {
    cache.put("a", token(Duration.ofHours(1)));
    clock.advance(Duration.ofSeconds(60));
    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aTokenIsNeverReusedPastItsOwnExpiry() {
    cache.put("a", token(Duration.ofSeconds(10)));
    clock.advance(Duration.ofSeconds(10));
    assertThat(cache.get("a")).isNull();
  }

  @Test
  void theLeastRecentlyUsedTokenLeavesFirst() {
    cache.put("a", token(Duration.ofHours(1)));
    cache.put("b", token(Duration.ofHours(1)));
    assertThat(cache.get("a")).isNotNull();
    cache.put("c", token(Duration.ofHours(1)));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isNotNull();
    assertThat(cache.get("c")).isNotNull();
  }
}
