package org.pledgepad.pledges.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

class PledgeComparatorLimitsTest {
    private static PledgeDocument doc(String id, DocumentKind kind, Pledge... pledges) {
        return new PledgeDocument(id, id, "X", kind, "", "", "", "", List.of(), List.of(pledges));
    }

    @Test
    void a_very_long_pledge_does_not_exceed_lucenes_clause_limit() {
        String longBody = IntStream.range(0, 3000).mapToObj(i -> "wort" + Integer.toString(i, 36) + "ungsplan")
                .collect(Collectors.joining(" "));
        PledgeDocument a = doc("a", DocumentKind.ELECTION_PROGRAMME, new Pledge("l", "Langer Punkt", longBody, "", List.of()));
        PledgeDocument b = doc("b", DocumentKind.COALITION_AGREEMENT, new Pledge("k", "Kurzer Punkt", "wort1ungsplan", "", List.of()));
        assertThat(new PledgeComparator().suggest(a, b).forPledge("l")).isNotNull();
    }

    @Test
    void empty_documents_and_stop_word_pledges_give_no_suggestions() {
        PledgeDocument empty = doc("e", DocumentKind.COALITION_AGREEMENT);
        PledgeDocument stop = doc("s", DocumentKind.ELECTION_PROGRAMME, new Pledge("p", "und oder", "der die das", "", List.of()));
        assertThat(new PledgeComparator().suggest(stop, empty).forPledge("p")).isEmpty();
        assertThat(new PledgeComparator().suggest(empty, stop).byPledge()).isEmpty();
        assertThat(new PledgeComparator().suggest(stop, stop).forPledge("p")).isEmpty();
    }

    @Test
    void a_document_compared_with_itself_suggests_each_pledge_as_its_own_best_match() {
        PledgeDocument d = doc("d", DocumentKind.MOTION,
                new Pledge("r", "Radwege ausbauen", "zwanzig Kilometer neue Radwege", "", List.of()),
                new Pledge("b", "Bäume pflanzen", "tausend Straßenbäume", "", List.of()));
        SuggestionSet s = new PledgeComparator().suggest(d, d);
        assertThat(s.forPledge("r").get(0).candidateId()).isEqualTo("r");
        assertThat(s.forPledge("r").get(0).score()).isEqualTo(1.0);
        assertThat(s.forPledge("b").get(0).candidateId()).isEqualTo("b");
    }
}
