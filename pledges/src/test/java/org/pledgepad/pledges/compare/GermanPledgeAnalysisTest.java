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
        // the whole compound, and its listed part "Behörde"
        assertThat(words("Behördengänge")).containsExactly("behordengang", "behord");
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
    void words_that_share_only_a_word_forming_ending_share_no_gram() {
        Set<String> shared = new HashSet<>(grams("Unterstützung"));
        shared.retainAll(grams("Datennutzung"));
        assertThat(shared).isEmpty();
        shared = new HashSet<>(grams("Unterstützung"));
        shared.retainAll(grams("Umsetzung"));
        assertThat(shared).isEmpty();
        shared = new HashSet<>(grams("nutzen"));
        shared.retainAll(grams("unterstützen"));
        assertThat(shared).isEmpty();
        // The plural still meets its singular whole.
        assertThat(grams("Plattformen")).isEqualTo(grams("Plattform"));
    }

    @Test
    void forms_of_one_stem_still_share_their_grams_after_the_ending_is_cut() {
        assertThat(grams("Digitalisierung")).isEqualTo(grams("digitalisiert"))
                .containsExactlyInAnyOrder("digit", "igita", "gital", "itali", "talis");
        assertThat(grams("Unterstützung")).isEqualTo(grams("Unterstützungen"));
        // A stem under four letters keeps its ending ("Lad-ung" is no "Lad-").
        assertThat(grams("Ladung")).containsExactlyInAnyOrder("ladun", "adung");
    }

    @Test
    void a_noun_in_ung_meets_its_verb_in_the_words_field() {
        assertThat(words("Nutzung")).containsAll(words("nutzen"));
        assertThat(words("Datennutzung")).containsAll(words("nutzen"));
        assertThat(words("Beteiligung")).isEqualTo(words("beteiligen"));
    }

    @Test
    void a_gram_that_is_a_stop_word_is_no_evidence() {
        assertThat(grams("Stadtverordnetenversammlung")).doesNotContain("stadt");
        Set<String> shared = new HashSet<>(grams("stadtweiten"));
        shared.retainAll(grams("Stadtverordnetenversammlung"));
        assertThat(shared).isEmpty();
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

    @Test
    void compounds_also_yield_their_listed_parts_as_words() {
        assertThat(words("Glasfasernetzes")).contains("glasfas", "netz").containsAll(words("Glasfaser"));
        assertThat(words("Datenportal")).contains("datenportal", "dat", "portal");
        // A listed part on its own stays one word.
        assertThat(words("Netz")).containsExactly("netz");
    }

    @Test
    void compound_parts_stay_out_of_the_grams() {
        assertThat(GermanPledgeAnalysis.termsWithWords(GermanPledgeAnalysis.grams(), "Glasfasernetzes").get("glasf"))
                .containsExactly("Glasfasernetzes");
        assertThat(grams("Glasfasernetzes")).hasSize("glasfasernetzes".length() - GermanPledgeAnalysis.GRAM + 1);
    }

    @Test
    void gender_star_remnant_and_the_word_for_the_city_are_no_evidence() {
        assertThat(words("Bürger*innen der Stadt")).containsExactly("burg");
        assertThat(words("Stadtverordnete")).isNotEmpty();
    }

    /** Review 2026-11-30, item 17: every written gender form analyses like the star form, in both fields. */
    @Test
    void gender_forms_with_colon_underscore_and_binnen_i_analyse_like_the_star() {
        for (String form : new String[] {"Lehrer:innen", "Lehrer_innen", "LehrerInnen", "Lehrer:in", "Lehrer_in"}) {
            assertThat(words(form)).as(form).isEqualTo(words("Lehrer*innen")).isEqualTo(words("Lehrer"));
            assertThat(grams(form)).as(form).isEqualTo(grams("Lehrer*innen")).isEqualTo(grams("Lehrer"));
        }
        assertThat(words("Bürger_innen und Bürger:innen")).containsExactly("burg");
    }

    @Test
    void gender_forms_keep_the_original_word_for_the_reader() {
        // The Binnen-I replacement lengthens the text; offsets must still point into the original.
        assertThat(GermanPledgeAnalysis.termsWithWords(GermanPledgeAnalysis.words(), "Alle BürgerInnen und Lehrer:innen"))
                .containsEntry("burg", Set.of("Bürger")).containsEntry("lehr", Set.of("Lehrer"));
    }

    @Test
    void ordinary_words_with_innen_or_a_capital_i_are_left_alone() {
        assertThat(words("Innenstadt")).containsExactly("innenstadt");
        assertThat(words("LinkedIn")).containsExactly("linkedin");
        assertThat(words("Innenhof")).containsExactly("innenhof");
        // a colon before another word than "in"/"innen" is no gender form
        assertThat(words("Ziel:innovativ")).containsExactly("ziel:innovativ");
    }

    /** Review 2026-11-30, item 16: praise is no evidence, in any inflection, in either field. */
    @Test
    void evaluative_adjectives_are_dropped_with_their_inflections_and_comparatives() {
        for (String w : new String[] {"gerechte", "gerechtere", "Gerechte", "großen", "größere", "größte", "neue",
                "neuen", "modern", "moderne", "modernen", "guten", "bessere", "starke", "innovativ", "innovative"}) {
            assertThat(words(w)).as(w).isEmpty();
            assertThat(grams(w)).as(w).isEmpty();
        }
        assertThat(words("Gerechte Verteilung von Kitaplätzen")).containsExactlyInAnyOrderElementsOf(
                words("Verteilung von Kitaplätzen"));
    }

    @Test
    void words_built_on_an_evaluative_adjective_stay_evidence() {
        assertThat(words("Gerechtigkeit")).isNotEmpty();
        assertThat(words("Neubau")).isNotEmpty();
        assertThat(words("Modernisierung")).isNotEmpty();
        assertThat(words("Großstadt")).isNotEmpty();
        assertThat(words("digitale")).isEqualTo(words("Digitales")).isNotEmpty();
    }
}
