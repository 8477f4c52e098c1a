package org.pledgepad.pledges.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

class ComparisonSeedParserTest {
    private final SeedImport seed = ComparisonSeedParser.loadKassel2021();

    @Test
    void reads_eleven_coalition_items_and_ten_programme_items_in_source_order() {
        assertThat(seed.coalition().pledges()).extracting(Pledge::title).containsExactly(
                "Smart City-Charta", "Papierlose Stadtverordnetenversammlung", "Karten- und Datenportal",
                "Werte- und gemeinwohlorientierte Datennutzung", "Ausbau von Glasfaser und Sensorik-Netzwerken",
                "Kritischer Umgang mit Plattformen großer Konzerne", "Ausbau des Glasfasernetzes",
                "Gemeinsame Einsehen und Arbeiten", "Digitalisierung aller Behördengänge", "IT-Startups fördern",
                "Digitalisierung ist Gemeinschaftsaufgabe");
        assertThat(seed.programme().pledges()).extracting(Pledge::title).containsExactly(
                "Kassel ist SmartCity", "Open Data Rathaus", "Digitales Rathaus", "Smart City Council",
                "Sprechende Ampeln", "Gerechte Verteilung von Kitaplätzen", "Glasfaser in der ganzen Stadt",
                "Mobilitätsplattform entwickeln", "Digitale Lernhilfe", "Freies WLAN in Bus und Bahn");
    }

    @Test
    void documents_carry_issuer_kind_and_chapter() {
        PledgeDocument c = seed.coalition();
        assertThat(c.issuer()).isEqualTo("Grün-Rote Koalition Kassel");
        assertThat(c.kind()).isEqualTo(DocumentKind.COALITION_AGREEMENT);
        assertThat(c.chapter()).isEqualTo("X) Digitalisierung");
        assertThat(seed.programme().issuer()).isEqualTo("SPD Kassel");
        assertThat(seed.programme().kind()).isEqualTo(DocumentKind.ELECTION_PROGRAMME);
        assertThat(seed.programme().pledge(seed.programme().pledges().get(1).id()).orElseThrow().body())
                .startsWith("Den anonymisierten Datenschatz der Stadt");
    }

    @Test
    void every_overview_item_is_attached_to_exactly_the_goal_paragraph_it_summarises() {
        assertThat(seed.coalition().pledges()).allSatisfy(p -> assertThat(p.fullText()).hasSize(1));
        assertThat(full("Smart City-Charta")).startsWith("Die Koalitionspartnerinnen sind sich darin einig");
        assertThat(full("Digitalisierung ist Gemeinschaftsaufgabe")).startsWith("Dieser Gestaltungsprozess");
        assertThat(full("Ausbau von Glasfaser und Sensorik-Netzwerken"))
                .isEqualTo("Der Ausbau von Glasfaser und Sensorik-Netzwerken wird fortgeführt.");
        assertThat(full("Ausbau des Glasfasernetzes")).startsWith("Wir führen den Ausbau des Glasfasernetzes");
        assertThat(full("Papierlose Stadtverordnetenversammlung")).endsWith("Transparenz der Kommunalpolitik.");
    }

    @Test
    void intro_is_the_preamble_and_the_unsummarised_goal_is_kept_and_reported() {
        List<String> preamble = seed.coalition().preamble();
        assertThat(preamble.get(0)).startsWith("Die Digitalisierung hat alle unsere Lebensbereiche");
        assertThat(preamble.get(2)).startsWith("Die Optimierung des Ressourcenverbrauchs");
        assertThat(seed.unmatchedGoals()).singleElement().asString().startsWith("Mit der kooperativen Entwicklung");
        assertThat(preamble).hasSize(4).endsWith(seed.unmatchedGoals().get(0));
        assertThat(seed.programme().preamble()).isEmpty();
    }

    @Test
    void ids_are_slugs_with_a_suffix_and_reproducible_across_imports() {
        SeedImport again = ComparisonSeedParser.loadKassel2021();
        assertThat(again.coalition().pledges()).extracting(Pledge::id)
                .isEqualTo(seed.coalition().pledges().stream().map(Pledge::id).toList());
        assertThat(seed.programme().pledges().get(6).id()).matches("glasfaser-in-der-ganzen-stadt-[a-z2-9]{6}");
        assertThat(seed.coalition().pledges().get(8).id()).startsWith("digitalisierung-aller-behoerdengaenge-");
    }

    @Test
    void missing_section_is_reported_with_a_line_number() {
        String text = "X) Kapitel\n\nAnleitung\n\nEinleitung\n\nKoalitionsvertrag im Überblick\n\nTitel\n\nText\n";
        assertThatThrownBy(() -> ComparisonSeedParser.kassel2021().parse(text))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Wahlprogramm der SPD Kassel")
                .satisfies(e -> assertThat(((ImportException) e).line()).isEqualTo(9));
    }

    @Test
    void title_without_text_is_reported_at_the_title_line() {
        String text = "X) Kapitel\n\nAnleitung\n\nKoalitionsvertrag im Überblick\n\nA\n\na\n\nB\n\n"
                + "Wahlprogramm der SPD Kassel\n\nC\n\nc\n\nDie Koalition verfolgt daher folgende Ziele:\n\na.\n";
        assertThatThrownBy(() -> ComparisonSeedParser.kassel2021().parse(text))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("\"B\"")
                .satisfies(e -> assertThat(((ImportException) e).line()).isEqualTo(11));
    }

    private String full(String title) {
        return seed.coalition().pledges().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow()
                .fullText().get(0);
    }
}
