package org.pledgepad.pledges.succession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.Fixtures;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.Succession;

class SuccessionTest {
    private final SuccessionFixture f = new SuccessionFixture();
    private final String fibreProgramme = Fixtures.id(f.seed.programme(), "Glasfaser in der ganzen Stadt");
    private final Provenance provenance = new Provenance(
            List.of(f.seed.programme(), f.agreement2021, f.agreement2022), Fixtures.links(f.seed), List.of(f.succession));

    @Test
    void chain_runs_from_programme_over_agreement_2021_to_agreement_2022() {
        List<ProvenanceStep> chain = provenance.chain(f.fibre2022.id());
        assertThat(chain).extracting(ProvenanceStep::pledgeId).containsExactly(fibreProgramme, f.fibre2021, f.fibre2022.id());
        assertThat(chain).extracting(ProvenanceStep::documentId).containsExactly(
                "spd-kassel-2021-digitalisierung", "kassel-koalition-2021-digitalisierung",
                "kassel-koalition-2022-digitalisierung");
        assertThat(chain.get(0).reachedBy()).isNull();
        assertThat(chain.get(1).reachedBy().via()).isEqualTo(ProvenanceEdge.Via.PROGRAMME_LINK);
        assertThat(chain.get(2).reachedBy().via()).isEqualTo(ProvenanceEdge.Via.CARRIED_OVER);
    }

    @Test
    void the_same_chain_is_found_from_the_programme_end() {
        assertThat(provenance.descendants(fibreProgramme)).containsExactly(f.fibre2021, f.fibre2022.id());
        assertThat(provenance.chain(fibreProgramme)).extracting(ProvenanceStep::pledgeId)
                .containsExactly(fibreProgramme, f.fibre2021, f.fibre2022.id());
        assertThat(provenance.ancestors(f.fibre2022.id())).containsExactly(f.fibre2021, fibreProgramme);
    }

    @Test
    void a_new_pledge_has_no_ancestors() {
        assertThat(provenance.chain(f.new2022.id())).extracting(ProvenanceStep::pledgeId).containsExactly(f.new2022.id());
    }

    @Test
    void every_predecessor_pledge_is_carried_over_dropped_or_undecided() {
        assertThat(SuccessionCheck.fate(f.succession, f.fibre2021)).isEqualTo(Fate.CARRIED_OVER);
        assertThat(SuccessionCheck.fate(f.succession, f.paperless2021)).isEqualTo(Fate.DROPPED);
        assertThat(SuccessionCheck.undecided(f.succession, f.agreement2021)).hasSize(11 - 3)
                .extracting(Pledge::id).doesNotContain(f.fibre2021, f.townHall2021, f.paperless2021);
        assertThat(SuccessionCheck.problems(f.succession, f.agreement2021, f.agreement2022)).isEmpty();
    }

    @Test
    void references_to_missing_pledges_are_reported() {
        Succession broken = new Succession(f.agreement2021.id(), f.agreement2022.id(), LocalDate.of(2022, 6, 1),
                List.of(new CarryOver("gibt-es-nicht", f.fibre2022.id(), LinkKind.SAME)), List.of());
        assertThat(SuccessionCheck.problems(broken, f.agreement2021, f.agreement2022))
                .singleElement().asString().contains("gibt-es-nicht");
    }

    @Test
    void a_pledge_cannot_be_both_carried_over_and_dropped() {
        assertThatThrownBy(() -> new Succession("a", "b", LocalDate.of(2022, 1, 1),
                List.of(new CarryOver("x", "y", LinkKind.SAME)), List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
