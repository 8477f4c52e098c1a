package org.pledgepad.pledges.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GermanPledgeAnalysisTest {
    private static Set<String> words(String text) {
        return GermanPledgeAnalysis.termsWithWords(GermanPledgeAnalysis.words(), text).keySet();
    }

    private static Set<String> grams(String text) {
        return GermanPledgeAnalysis.termsWithWords(GermanPledgeAnalysis.grams(), text).keySet();
    }

    @Test
    void inflections_and_umlauts_meet_in_the_words_field() {
        assertThat(words("Digitales")).isEqualTo(words("Digitalen"));
        assertThat(words("großer")).isEqualTo(words("großen"));
        assertThat(words("Behördengänge")).containsExactly("behordengang");
    }

    @Test
    void stop_words_are_dropped() {
        assertThat(words("der Ausbau des Netzes")).doesNotContain("der", "des");
    }

    @Test
    void compound_and_its_part_share_grams() {
        Set<String> shared = new HashSet<>(grams("Glasfaser"));
        shared.retainAll(grams("Glasfasernetzes"));
        assertThat(shared).containsExactlyInAnyOrder("glasf", "lasfa", "asfas", "sfase", "faser");
    }

    @Test
    void english_data_meets_german_daten() {
        assertThat(words("Open Data")).contains("dat");
        assertThat(words("Daten")).contains("dat");
    }

    @Test
    void terms_remember_the_original_word() {
        assertThat(GermanPledgeAnalysis.termsWithWords(GermanPledgeAnalysis.grams(), "Ausbau des Glasfasernetzes")
                .get("faser")).containsExactly("Glasfasernetzes");
    }
}
