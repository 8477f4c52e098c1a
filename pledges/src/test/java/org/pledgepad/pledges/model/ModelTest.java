package org.pledgepad.pledges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelTest {
    @Test
    void slug_spells_out_umlauts_and_drops_punctuation() {
        assertThat(PledgeIds.slug("Gerechte Verteilung von Kitaplätzen")).isEqualTo("gerechte-verteilung-von-kitaplaetzen");
        assertThat(PledgeIds.slug("Werte- und gemeinwohlorientierte Datennutzung!"))
                .isEqualTo("werte-und-gemeinwohlorientierte-datennutzung");
        assertThat(PledgeIds.slug("Straße")).isEqualTo("strasse");
        assertThat(PledgeIds.slug("???")).isEqualTo("punkt");
    }

    @Test
    void new_ids_with_the_same_title_differ_in_the_suffix() {
        Random r = new Random(42);
        assertThat(PledgeIds.newId("Radwege", r)).isNotEqualTo(PledgeIds.newId("Radwege", r)).startsWith("radwege-");
    }

    @Test
    void imported_id_does_not_depend_on_the_text() {
        String a = PledgeIds.importedId("Alt", "doc", 3);
        String b = PledgeIds.importedId("Neu", "doc", 3);
        assertThat(a.substring(a.lastIndexOf('-'))).isEqualTo(b.substring(b.lastIndexOf('-')));
    }

    @Test
    void editing_a_pledge_keeps_its_id() {
        Pledge p = new Pledge(PledgeIds.newId("Radwege"), "Radwege", "mehr", "", List.of());
        assertThat(p.withTitle("Radwege ausbauen").withBody("viel mehr").id()).isEqualTo(p.id());
    }

    @Test
    void duplicate_pledge_ids_in_a_document_are_rejected() {
        Pledge p = new Pledge("x", "X", "", "", List.of());
        assertThatThrownBy(() -> new PledgeDocument("d", "", "", DocumentKind.MOTION, "", "", "", "", List.of(), List.of(p, p)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void status_is_open_until_changed_and_then_the_latest_change() {
        StatusTrack t = StatusTrack.open("p");
        assertThat(t.current()).isEqualTo(PledgeStatus.OFFEN);
        Instant now = Instant.parse("2023-01-01T00:00:00Z");
        t = t.withStatus(PledgeStatus.IN_ARBEIT, now, "a", "").withStatus(PledgeStatus.UMGESETZT, now.plusSeconds(1), "b", "");
        assertThat(t.current()).isEqualTo(PledgeStatus.UMGESETZT);
        assertThat(t.history()).hasSize(2);
        StatusTrack done = t;
        assertThatThrownBy(() -> done.withStatus(PledgeStatus.VERWORFEN, now.minusSeconds(5), "c", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void status_labels_are_german_and_parse_back() {
        assertThat(PledgeStatus.TEILWEISE_UMGESETZT.label()).isEqualTo("teilweise umgesetzt");
        for (PledgeStatus s : PledgeStatus.values()) {
            assertThat(PledgeStatus.parse(s.label())).isEqualTo(s);
            assertThat(PledgeStatus.parse(s.name())).isEqualTo(s);
        }
    }

    @Test
    void a_pledge_cannot_link_to_itself() {
        assertThatThrownBy(() -> new PledgeLink("a", "a", LinkKind.SAME, "x", Instant.EPOCH, LinkOrigin.MANUAL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
