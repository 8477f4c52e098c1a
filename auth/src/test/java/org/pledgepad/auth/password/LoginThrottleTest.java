package org.pledgepad.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock, 3, 10, Duration.ofSeconds(1),
      Duration.ofMinutes(15), Duration.ofHours(24), 100);

  @Test
  void firstFailuresAreFreeThenTheWaitDoubles() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("anna", "10.0.0.1");
    }
    assertThat(throttle.retryAfter("anna", "10.0.0.1")).isZero();
    throttle.recordFailure("anna", "10.0.0.1");
    assertThat(throttle.retryAfter("anna", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    throttle.recordFailure("anna", "10.0.0.1");
    assertThat(throttle.retryAfter("anna", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    throttle.recordFailure("anna", "10.0.0.1");
    assertThat(throttle.retryAfter("anna", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void accountThrottleAppliesFromEveryAddress() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("anna", "10.0.0." + i);
    }
    assertThat(throttle.retryAfter("ANNA", "192.168.1.1")).isPositive();
    assertThat(throttle.retryAfter("ben", "192.168.1.1")).isZero();
  }

  @Test
  void addressThrottleAppliesToEveryAccount() {
    for (int i = 0; i < 11; i++) {
      throttle.recordFailure("user" + i, "10.0.0.9");
    }
    assertThat(throttle.retryAfter("someone-else", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void delayIsCappedAndFailuresAreForgottenAfterAWhile() {
    for (int i = 0; i < 60; i++) {
      throttle.recordFailure("anna", "a");
    }
    assertThat(throttle.retryAfter("anna", "b")).isEqualTo(Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.retryAfter("anna", "b")).isZero();
    throttle.recordFailure("anna", "b"); // still counted: 61 failures
    assertThat(throttle.retryAfter("anna", "c")).isEqualTo(Duration.ofMinutes(15));
    clock.advance(Duration.ofHours(25));
    assertThat(throttle.retryAfter("anna", "c")).isZero();
    throttle.recordFailure("anna", "c");
    assertThat(throttle.retryAfter("anna", "d")).isZero(); // counter started over
  }

  @Test
  void successClearsTheAccountButNotTheAddress() {
    for (int i = 0; i < 11; i++) {
      throttle.recordFailure("anna", "10.0.0.9");
    }
    throttle.recordSuccess("anna");
    assertThat(throttle.retryAfter("anna", "10.0.0.8")).isZero();
    assertThat(throttle.retryAfter("anna", "10.0.0.9")).isPositive();
  }

  @Test
  void memoryStaysBounded() {
    for (int i = 0; i < 1000; i++) {
      throttle.recordFailure("user" + i, "addr" + i);
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(200);
  }

  @Test
  void onlyOneAttemptPerAccountRunsAtATime() {
    assertThat(throttle.begin("anna", "10.0.0.1")).isZero();
    assertThat(throttle.begin("Anna", "10.0.0.2")).isPositive();
    assertThat(throttle.begin("ben", "10.0.0.1")).isZero();
    throttle.end("anna");
    assertThat(throttle.begin("anna", "10.0.0.2")).isZero();
  }

  @Test
  void guessingAtRandomNamesDoesNotEvictTheCounterOfARealAccount() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("anna", "10.0.0." + i);
    }
    Duration blocked = throttle.retryAfter("anna", "192.168.1.1");
    assertThat(blocked).isPositive();
    // Far more unknown names than the maps hold (100 each here), each from a fresh address.
    for (int i = 0; i < 1000; i++) {
      throttle.recordUnknownNameFailure("nobody" + i, "172.16." + (i / 250) + "." + (i % 250));
    }
    assertThat(throttle.retryAfter("anna", "192.168.1.1")).isEqualTo(blocked);
    assertThat(throttle.size()).isLessThanOrEqualTo(300);
  }

  @Test
  void anUnknownNameIsThrottledLikeAnAccountSoTheAnswerDoesNotTellWhichExists() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("anna", "10.0.0." + i);
      throttle.recordUnknownNameFailure("nobody", "10.0.1." + i);
    }
    assertThat(throttle.retryAfter("Nobody", "192.168.1.1")).isEqualTo(throttle.retryAfter("anna", "192.168.1.1"))
        .isEqualTo(Duration.ofSeconds(2));
  }
}
