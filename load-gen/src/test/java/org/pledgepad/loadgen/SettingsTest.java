package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final String[] ARGS = {"x", "hp", "ws://127.0.0.1:1", "1", "50", "4", "2,5,10", "6", "2", ""};

  @Test
  void theWarmUpRunsAtTheFirstRateUnlessWarmupRateSaysOtherwise() {
    assertThat(Settings.parse(ARGS, Map.of("WARMUP_SECONDS", "20")).warmupRate()).isEqualTo(2.0);
    assertThat(Settings.parse(ARGS, Map.of("WARMUP_SECONDS", "20", "WARMUP_RATE", "")).warmupRate()).isEqualTo(2.0);
    Settings s = Settings.parse(ARGS, Map.of("WARMUP_SECONDS", "20", "WARMUP_RATE", "40"));
    assertThat(s.warmupRate()).isEqualTo(40.0);
    assertThat(s.rates()).containsExactly(2, 5, 10);
  }

  @Test
  void typingIsRandomUnlessCursorIsAskedForWithARunLength() {
    assertThat(Settings.parse(ARGS, Map.of()).typing()).isEqualTo(Typing.RANDOM);
    assertThat(Settings.parse(ARGS, Map.of("TYPING", "cursor")).typing()).isEqualTo(new Typing(true, 20));
    assertThat(Settings.parse(ARGS, Map.of("TYPING", "cursor", "TYPING_RUN", "5")).typing())
        .isEqualTo(new Typing(true, 5));
    assertThatThrownBy(() -> Settings.parse(ARGS, Map.of("TYPING", "sideways")))
        .hasMessageContaining("TYPING must be random or cursor");
    assertThatThrownBy(() -> Settings.parse(ARGS, Map.of("TYPING", "cursor", "TYPING_RUN", "0")))
        .hasMessageContaining("TYPING_RUN");
    assertThatThrownBy(() -> Settings.parse(ARGS, Map.of("TYPING", "cursor", "TYPING_RUN", "x")))
        .hasMessageContaining("TYPING_RUN");
    assertThatThrownBy(() -> Settings.parse(ARGS, Map.of("TYPING_RUN", "5")))
        .hasMessageContaining("TYPING=cursor only");
  }
}
