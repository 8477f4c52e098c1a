package org.pledgepad.pledges.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.pledges.Fixtures.id;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.Fixtures;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.LinkOrigin;
import org.pledgepad.pledges.model.PledgeLink;

class DocumentComparisonTest {
    private static final SeedImport SEED = Fixtures.seed();
    private final DocumentComparison comparison = new DocumentComparison();

    @Test
    void without_confirmed_links_nothing_is_aligned_even_with_high_suggestions() {
        ComparisonResult r = comparison.compare(SEED.programme(), SEED.coalition(), List.of());
        assertThat(r.aligned()).isEmpty();
        assertThat(r.onlyInA()).hasSize(10);
        assertThat(r.onlyInB()).hasSize(11);
        assertThat(r.coverage().sentence()).isEqualTo("0 von 10 Wahlprogramm-Punkten finden sich im Koalitionsvertrag");
        assertThat(r.suggestions().forPledge(id(SEED.programme(), "Digitales Rathaus"))).isNotEmpty();
        assertThat(r.suggestedCoverage().found()).isPositive();
        assertThat(r.suggestedCoverage().sentence()).contains("vorläufig");
    }

    @Test
    void confirmed_links_align_pairs_and_count_for_coverage() {
        List<PledgeLink> links = new ArrayList<>(Fixtures.links(SEED));
        links.add(new PledgeLink(id(SEED.programme(), "Open Data Rathaus"), id(SEED.coalition(), "Karten- und Datenportal"),
                LinkKind.RELATED, "carla", Fixtures.T0, LinkOrigin.MANUAL));
        ComparisonResult r = comparison.compare(SEED.programme(), SEED.coalition(), links);
        assertThat(r.aligned()).hasSize(3);
        // the RELATED link is shown but does not make "Open Data Rathaus" found
        assertThat(r.coverage().found()).isEqualTo(2);
        assertThat(r.coverage().sentence()).isEqualTo("2 von 10 Wahlprogramm-Punkten finden sich im Koalitionsvertrag");
        assertThat(r.onlyInA()).extracting(p -> p.title()).contains("Open Data Rathaus")
                .doesNotContain("Glasfaser in der ganzen Stadt", "Digitales Rathaus");
        assertThat(r.onlyInB()).hasSize(9);
    }

    @Test
    void links_given_in_the_other_orientation_align_too() {
        PledgeLink l = Fixtures.links(SEED).get(0);
        PledgeLink flipped = new PledgeLink(l.b(), l.a(), l.kind(), l.createdBy(), l.createdAt(), l.origin());
        ComparisonResult r = comparison.compare(SEED.programme(), SEED.coalition(), List.of(flipped));
        assertThat(r.aligned()).singleElement().satisfies(p -> assertThat(p.a().title()).isEqualTo("Glasfaser in der ganzen Stadt"));
    }

    @Test
    void confirming_a_suggestion_makes_a_link_marked_as_confirmed_suggestion() {
        Suggestion s = new PledgeComparator().suggest(SEED.programme(), SEED.coalition())
                .forPledge(id(SEED.programme(), "Digitales Rathaus")).get(0);
        PledgeLink l = s.confirm(LinkKind.PARTLY, "dora", Fixtures.T0);
        assertThat(l.origin()).isEqualTo(LinkOrigin.SUGGESTION_CONFIRMED);
        assertThat(l.a()).isEqualTo(s.pledgeId());
        assertThat(l.b()).isEqualTo(s.candidateId());
        ComparisonResult r = comparison.compare(SEED.programme(), SEED.coalition(), List.of(l));
        assertThat(r.coverage().found()).isEqualTo(1);
    }
}
