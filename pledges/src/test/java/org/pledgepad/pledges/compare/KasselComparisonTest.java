package org.pledgepad.pledges.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.imports.ComparisonSeedParser;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

/**
 * The comparison on the real seed. These expectations were written down from reading the two
 * texts, before the scoring was tuned; the weights and thresholds were then adjusted until they
 * hold, never the other way round.
 *
 * <ul>
 *   <li>SPD "Glasfaser in der ganzen Stadt" is the coalition's fibre promise, twice:
 *       "Ausbau des Glasfasernetzes" and "Ausbau von Glasfaser und Sensorik-Netzwerken" — both high.</li>
 *   <li>SPD "Digitales Rathaus" (Behördengänge digitalisiert) is "Digitalisierung aller
 *       Behördengänge" (Online-Zugangsgesetz zum Digitalen Rathaus) — high, and the best candidate.</li>
 *   <li>SPD "Open Data Rathaus" (anonymisierter Datenschatz) is close to "Karten- und Datenportal"
 *       or "Werte- und gemeinwohlorientierte Datennutzung" — at least medium for one of them.</li>
 *   <li>SPD "Sprechende Ampeln" (traffic lights) and "Freies WLAN in Bus und Bahn" have no
 *       counterpart in the coalition chapter — no high-confidence candidate.</li>
 *   <li>Coalition "Kritischer Umgang mit Plattformen großer Konzerne" has no SPD counterpart — no
 *       high-confidence candidate (it shares only "groß" with the SPD fibre item).</li>
 * </ul>
 */
class KasselComparisonTest {
    private static PledgeDocument coalition;
    private static PledgeDocument programme;
    private static SuggestionSet programmeToCoalition;
    private static SuggestionSet coalitionToProgramme;

    @BeforeAll
    static void compare() {
        SeedImport seed = ComparisonSeedParser.loadKassel2021();
        coalition = seed.coalition();
        programme = seed.programme();
        PledgeComparator comparator = new PledgeComparator();
        programmeToCoalition = comparator.suggest(programme, coalition);
        coalitionToProgramme = comparator.suggest(coalition, programme);
    }

    @Test
    void fibre_in_the_whole_city_matches_both_fibre_pledges_with_high_confidence() {
        List<Suggestion> s = programmeToCoalition.forPledge(id(programme, "Glasfaser in der ganzen Stadt"));
        assertThat(confidenceOf(s, "Ausbau des Glasfasernetzes")).isEqualTo(Confidence.HOCH);
        assertThat(confidenceOf(s, "Ausbau von Glasfaser und Sensorik-Netzwerken")).isEqualTo(Confidence.HOCH);
    }

    @Test
    void fibre_match_names_the_shared_compound_part() {
        Suggestion s = suggestion(programmeToCoalition.forPledge(id(programme, "Glasfaser in der ganzen Stadt")),
                "Ausbau des Glasfasernetzes");
        assertThat(s.matchedTerms()).anySatisfy(m -> {
            assertThat(m.wordA()).isEqualToIgnoringCase("Glasfaser");
            assertThat(m.wordB()).isEqualToIgnoringCase("Glasfasernetzes");
        });
    }

    @Test
    void digital_town_hall_best_matches_digitising_all_visits_to_the_authorities() {
        List<Suggestion> s = programmeToCoalition.forPledge(id(programme, "Digitales Rathaus"));
        assertThat(s).isNotEmpty();
        assertThat(title(coalition, s.get(0).candidateId())).isEqualTo("Digitalisierung aller Behördengänge");
        assertThat(s.get(0).confidence()).isEqualTo(Confidence.HOCH);
    }

    @Test
    void open_data_town_hall_is_at_least_medium_for_the_data_portal_or_data_use() {
        List<Suggestion> s = programmeToCoalition.forPledge(id(programme, "Open Data Rathaus"));
        Confidence portal = confidenceOf(s, "Karten- und Datenportal");
        Confidence dataUse = confidenceOf(s, "Werte- und gemeinwohlorientierte Datennutzung");
        assertThat(java.util.Arrays.asList(portal, dataUse))
                .anySatisfy(c -> assertThat(c != null && c.atLeast(Confidence.MITTEL)).isTrue());
    }

    @Test
    void open_data_meets_data_use_through_its_words_not_through_a_shared_word_ending() {
        Suggestion s = suggestion(programmeToCoalition.forPledge(id(programme, "Open Data Rathaus")),
                "Werte- und gemeinwohlorientierte Datennutzung");
        // "nutzen" is the verb of "Nutzung"; "Unterstützung" shared only "-tzung" with it.
        assertThat(s.matchedTerms()).anySatisfy(m -> {
            assertThat(m.wordA()).isEqualTo("nutzen");
            assertThat(m.wordB()).isEqualTo("Datennutzung");
        });
        assertThat(s.matchedTerms()).noneMatch(m -> m.wordA().equals("Unterstützung"));
        Suggestion rathaus = suggestion(programmeToCoalition.forPledge(id(programme, "Open Data Rathaus")),
                "Digitalisierung aller Behördengänge");
        assertThat(rathaus.matchedTerms()).noneMatch(m -> m.wordB().equals("Umsetzung"));
    }

    @Test
    void talking_traffic_lights_have_no_high_confidence_match() {
        assertThat(programmeToCoalition.forPledge(id(programme, "Sprechende Ampeln")))
                .noneMatch(x -> x.confidence() == Confidence.HOCH);
    }

    @Test
    void free_wifi_on_buses_and_trams_has_no_high_confidence_match() {
        assertThat(programmeToCoalition.forPledge(id(programme, "Freies WLAN in Bus und Bahn")))
                .noneMatch(x -> x.confidence() == Confidence.HOCH);
    }

    @Test
    void critical_stance_on_big_platforms_has_no_high_confidence_programme_match() {
        assertThat(coalitionToProgramme.forPledge(id(coalition, "Kritischer Umgang mit Plattformen großer Konzerne")))
                .noneMatch(x -> x.confidence() == Confidence.HOCH);
    }

    @Test
    void scores_are_between_zero_and_one_and_sorted() {
        for (Pledge p : programme.pledges()) {
            List<Suggestion> s = programmeToCoalition.forPledge(p.id());
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.get(i).score()).isBetween(0.0, 1.0);
                if (i > 0) assertThat(s.get(i).score()).isLessThanOrEqualTo(s.get(i - 1).score());
            }
        }
    }

    /**
     * Review 2026-11-30, item 16: pairs that met only through an evaluative adjective are no
     * longer suggested ("gerechtere ~ Gerechte", "großen ~ großer").
     */
    @Test
    void pairs_sharing_only_praise_are_not_suggested() {
        String kitas = id(programme, "Gerechte Verteilung von Kitaplätzen");
        assertThat(coalitionToProgramme.forPledge(id(coalition, "Ausbau des Glasfasernetzes")))
                .noneMatch(x -> x.candidateId().equals(kitas));
        String fibre = id(programme, "Glasfaser in der ganzen Stadt");
        assertThat(coalitionToProgramme.forPledge(id(coalition, "Kritischer Umgang mit Plattformen großer Konzerne")))
                .noneMatch(x -> x.candidateId().equals(fibre));
    }

    /**
     * Review 2026-11-30, item 15: a pair has one figure whichever document is compared. Every pair
     * of the seed is checked (no minimum, every candidate), at the defaults and at a sweep corner.
     */
    @Test
    void every_pair_scores_the_same_in_both_directions() {
        for (double[] weights : new double[][] {{ComparisonSettings.DEFAULT_TITLE_BOOST, ComparisonSettings.DEFAULT_GRAM_BOOST},
                {1.5, 0.35}}) {
            PledgeComparator all = new PledgeComparator(new ComparisonSettings(weights[0], weights[1],
                    ComparisonSettings.DEFAULT_HIGH, ComparisonSettings.DEFAULT_MEDIUM, 0.0, 1000, true));
            SuggestionSet forward = all.suggest(programme, coalition);
            SuggestionSet back = all.suggest(coalition, programme);
            int pairs = 0;
            for (Pledge p : programme.pledges()) {
                for (Pledge q : coalition.pledges()) {
                    Suggestion ab = find(forward.forPledge(p.id()), q.id());
                    Suggestion ba = find(back.forPledge(q.id()), p.id());
                    String pair = p.title() + " / " + q.title();
                    assertThat(ab == null).as(pair).isEqualTo(ba == null);
                    if (ab == null) continue;
                    pairs++;
                    assertThat(ab.score()).as(pair).isEqualTo(ba.score());
                    assertThat(ab.confidence()).as(pair).isEqualTo(ba.confidence());
                }
            }
            assertThat(pairs).isGreaterThan(10);
        }
    }

    @Test
    void the_fibre_pair_is_high_from_either_side() {
        Suggestion fromProgramme = suggestion(programmeToCoalition.forPledge(id(programme, "Glasfaser in der ganzen Stadt")),
                "Ausbau des Glasfasernetzes");
        Suggestion fromCoalition = find(coalitionToProgramme.forPledge(id(coalition, "Ausbau des Glasfasernetzes")),
                id(programme, "Glasfaser in der ganzen Stadt"));
        assertThat(fromCoalition).isNotNull();
        assertThat(fromCoalition.confidence()).isEqualTo(Confidence.HOCH);
        assertThat(fromCoalition.score()).isEqualTo(fromProgramme.score());
    }

    private static Suggestion find(List<Suggestion> s, String candidateId) {
        return s.stream().filter(x -> x.candidateId().equals(candidateId)).findFirst().orElse(null);
    }

    /**
     * The expectations must not hang on one pair of weights: they hold for every title boost in
     * 1.5–2.5 and gram boost in 0.15–0.35 around the defaults (thresholds unchanged). Before the
     * compound parts and municipal stop words, title 1.5 / gram 0.15 put the second fibre pledge at
     * 0.254, below "hoch".
     */
    @Test
    void expectations_hold_for_neighbouring_weights() {
        for (double titleBoost : new double[] {1.5, 2.0, 2.5}) {
            for (double gramBoost : new double[] {0.15, 0.25, 0.35}) {
                ComparisonSettings d = ComparisonSettings.defaults();
                PledgeComparator c = new PledgeComparator(new ComparisonSettings(titleBoost, gramBoost, d.high(),
                        d.medium(), d.minimum(), d.maxCandidates(), true));
                SuggestionSet forward = c.suggest(programme, coalition);
                SuggestionSet back = c.suggest(coalition, programme);
                String at = "title " + titleBoost + ", gram " + gramBoost;
                List<Suggestion> fibre = forward.forPledge(id(programme, "Glasfaser in der ganzen Stadt"));
                assertThat(confidenceOf(fibre, "Ausbau des Glasfasernetzes")).as(at).isEqualTo(Confidence.HOCH);
                assertThat(confidenceOf(fibre, "Ausbau von Glasfaser und Sensorik-Netzwerken")).as(at).isEqualTo(Confidence.HOCH);
                List<Suggestion> rathaus = forward.forPledge(id(programme, "Digitales Rathaus"));
                assertThat(title(coalition, rathaus.get(0).candidateId())).as(at).isEqualTo("Digitalisierung aller Behördengänge");
                assertThat(rathaus.get(0).confidence()).as(at).isEqualTo(Confidence.HOCH);
                List<Suggestion> open = forward.forPledge(id(programme, "Open Data Rathaus"));
                assertThat(java.util.Arrays.asList(confidenceOf(open, "Karten- und Datenportal"),
                        confidenceOf(open, "Werte- und gemeinwohlorientierte Datennutzung")))
                        .as(at).anySatisfy(x -> assertThat(x != null && x.atLeast(Confidence.MITTEL)).isTrue());
                for (String none : List.of("Sprechende Ampeln", "Freies WLAN in Bus und Bahn")) {
                    assertThat(forward.forPledge(id(programme, none))).as(at + ": " + none)
                            .noneMatch(x -> x.confidence() == Confidence.HOCH);
                }
                assertThat(back.forPledge(id(coalition, "Kritischer Umgang mit Plattformen großer Konzerne"))).as(at)
                        .noneMatch(x -> x.confidence() == Confidence.HOCH);
            }
        }
    }

    static String id(PledgeDocument d, String title) {
        return d.pledges().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow().id();
    }

    static String title(PledgeDocument d, String id) {
        return d.pledge(id).orElseThrow().title();
    }

    static Suggestion suggestion(List<Suggestion> s, String candidateTitle) {
        return s.stream().filter(x -> title(coalition, x.candidateId()).equals(candidateTitle)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion for " + candidateTitle + " in " + s));
    }

    /** Confidence of the candidate with that title, or null when it is not suggested at all. */
    static Confidence confidenceOf(List<Suggestion> s, String candidateTitle) {
        return s.stream().filter(x -> title(coalition, x.candidateId()).equals(candidateTitle))
                .map(Suggestion::confidence).findFirst().orElse(null);
    }
}
