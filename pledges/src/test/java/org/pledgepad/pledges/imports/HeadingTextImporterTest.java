package org.pledgepad.pledges.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

class HeadingTextImporterTest {
    private static final DocumentMeta META = DocumentMeta.of("gruene-musterstadt-2026", "Grüne Musterstadt",
            DocumentKind.ELECTION_PROGRAMME);
    private final HeadingTextImporter importer = new HeadingTextImporter();

    @Test
    void closing_hashes_are_dropped_only_after_a_space() throws ImportException {
        PledgeDocument d = importer.parse("# Programm #\n\n## Radwege ##\n\nText.\n\n## C#-Kurse an Schulen\n\nText.\n"
                + "\n## Vorrang #1 \t###\n\nText.\n", META);
        assertThat(d.title()).isEqualTo("Programm");
        assertThat(d.pledges()).extracting(Pledge::title).containsExactly("Radwege", "C#-Kurse an Schulen", "Vorrang #1");
    }

    @Test
    void a_heading_line_with_a_long_run_of_spaces_is_read_in_linear_time() {
        // Hostile input: the body limit allows a 1 MiB line; a backtracking pattern needed seconds
        // for 20 000 spaces and would hold a worker for hours at that size. The bound is a hang
        // guard with a wide margin, not a measurement.
        String spaces = " ".repeat(300_000);
        PledgeDocument d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> importer.parse(
                "# Programm\n\n## Radwege" + spaces + "ausbauen\n\nText.\n\n##" + spaces + "Bäume\n\nText.\n", META));
        assertThat(d.pledges()).extracting(Pledge::title)
                .containsExactly("Radwege" + spaces + "ausbauen", "Bäume");
    }

    @Test
    void top_heading_is_the_title_and_second_level_headings_are_pledges() throws ImportException {
        PledgeDocument d = importer.parse("""
                # Wahlprogramm 2026

                Einleitung über die Stadt.

                ## Radwege ausbauen

                Wir bauen 20 km Radwege.

                Dafür stellen wir Personal ein.

                ## Bäume pflanzen
                Tausend neue Bäume.
                """, META);
        assertThat(d.title()).isEqualTo("Wahlprogramm 2026");
        assertThat(d.preamble()).containsExactly("Einleitung über die Stadt.");
        assertThat(d.pledges()).extracting(Pledge::title).containsExactly("Radwege ausbauen", "Bäume pflanzen");
        assertThat(d.pledges().get(0).body()).isEqualTo("Wir bauen 20 km Radwege.");
        assertThat(d.pledges().get(0).fullText()).containsExactly("Dafür stellen wir Personal ein.");
        assertThat(d.pledges().get(1).body()).isEqualTo("Tausend neue Bäume.");
    }

    @Test
    void only_first_level_headings_are_all_pledges() throws ImportException {
        PledgeDocument d = importer.parse("# A\ntext a\n\n# B\ntext b\n", META);
        assertThat(d.pledges()).extracting(Pledge::title).containsExactly("A", "B");
    }

    @Test
    void repeated_higher_headings_are_chapters() throws ImportException {
        PledgeDocument d = importer.parse("# Mobilität\n## Bus\nöfter\n# Umwelt\n## Bäume\nmehr\n", META);
        assertThat(d.pledges()).extracting(Pledge::chapter).containsExactly("Mobilität", "Umwelt");
    }

    @Test
    void setext_headings_of_plain_text_are_read() throws ImportException {
        PledgeDocument d = importer.parse("Programm\n========\n\nBus\n---\nöfter fahren\n", META);
        assertThat(d.title()).isEqualTo("Programm");
        assertThat(d.pledges()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Bus");
            assertThat(p.body()).isEqualTo("öfter fahren");
        });
    }

    @Test
    void text_without_headings_fails_at_line_one() {
        assertError("nur Text\n", 1, "keine Überschrift");
    }

    @Test
    void hash_without_space_fails_at_its_line() {
        assertError("# Titel\n\n##Radwege\n", 3, "Leerzeichen");
    }

    @Test
    void empty_heading_fails_at_its_line() {
        assertError("# Titel\n## \n", 2, "leere Überschrift");
    }

    @Test
    void skipped_level_fails_at_the_deeper_heading() {
        assertError("# Titel\ntext\n\n### Punkt\n", 4, "Ebene 1 auf Ebene 3");
    }

    @Test
    void unclosed_code_fence_fails_where_it_opens() {
        assertError("# A\n\n```\ncode\n", 3, "Codeblock");
    }

    @Test
    void headings_inside_code_fences_are_text() throws ImportException {
        PledgeDocument d = importer.parse("# A\n\n```\n# kein Punkt\n```\n", META);
        assertThat(d.pledges()).hasSize(1);
    }

    private void assertError(String text, int line, String message) {
        assertThatThrownBy(() -> importer.parse(text, META))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith("Zeile " + line + ":")
                .satisfies(e -> assertThat(((ImportException) e).line()).isEqualTo(line));
    }
}
