package org.pledgepad.pledges.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryMatcherTest {
    @Test
    void summary_repeated_with_other_case_and_punctuation_counts_fully() {
        assertThat(SummaryMatcher.overlap("wir bauen das Karten- und Datenportal der Stadt weiter aus",
                "Wir bauen das Karten- und Datenportal der Stadt weiter aus.")).isEqualTo(1.0);
    }

    @Test
    void same_topic_in_other_words_is_not_a_source() {
        List<Integer> hits = SummaryMatcher.sources("der Ausbau von Glasfaser und Sensorik-Netzwerken wird fortgeführt",
                List.of("Wir führen den Ausbau des Glasfasernetzes in Kassel fort.",
                        "Der Ausbau von Glasfaser und Sensorik-Netzwerken wird fortgeführt."));
        assertThat(hits).containsExactly(1);
    }
}
