package org.pledgepad.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledgepad.server.testing.Eventually.until;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.config.ConfigException;

class StartWarmupTest {
  @Test
  void roundsComeFromTheEnvironmentAndBadValuesNameTheSetting() {
    assertThat(StartWarmup.rounds(Map.of())).isEqualTo(StartWarmup.DEFAULT_ROUNDS);
    assertThat(StartWarmup.rounds(Map.of("WARMUP_ROUNDS", "0"))).isZero();
    assertThat(StartWarmup.rounds(Map.of("WARMUP_ROUNDS", " 3 "))).isEqualTo(3);
    for (String bad : new String[] {"-1", "many", "101"}) {
      assertThatThrownBy(() -> StartWarmup.rounds(Map.of("WARMUP_ROUNDS", bad)))
          .isInstanceOf(ConfigException.class).hasMessageContaining("WARMUP_ROUNDS");
    }
  }

  @Test
  void readinessWaitsForTheWarmupOnlyWhenThereIsOne() {
    assertThat(StartWarmup.begin(0).done()).isTrue();
    StartWarmup one = StartWarmup.begin(1);
    until("warm-up done", one::done);
  }
}
