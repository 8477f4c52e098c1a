package org.pledgepad.pledges.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

/** Any text, including odd Unicode, gives scores in 0..1, and a document against itself finds each pledge at 1.0. */
class PledgeComparatorPropertyTest {
    private static PledgeDocument doc(String id, List<String> texts) {
        List<Pledge> pledges = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            pledges.add(new Pledge(id + i, "Punkt " + texts.get(i), texts.get(i), "", List.of()));
        }
        return new PledgeDocument(id, id, "X", DocumentKind.MOTION, "", "", "", "", List.of(), pledges);
    }

    @Property(tries = 60)
    void scores_stay_between_zero_and_one(
            @ForAll @Size(min = 1, max = 4) List<@StringLength(max = 80) String> a,
            @ForAll @Size(min = 1, max = 4) List<@StringLength(max = 80) String> b) {
        SuggestionSet s = new PledgeComparator().suggest(doc("a", a), doc("b", b));
        s.byPledge().values().forEach(list -> list.forEach(x -> {
            assertThat(x.score()).isBetween(0.0, 1.0);
            assertThat(x.matchedTerms()).allSatisfy(m -> assertThat(m.share()).isBetween(0.0, 1.0));
        }));
    }
}
