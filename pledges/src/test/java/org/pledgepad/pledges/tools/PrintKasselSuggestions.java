package org.pledgepad.pledges.tools;

import java.util.List;
import org.pledgepad.pledges.compare.PledgeComparator;
import org.pledgepad.pledges.compare.Suggestion;
import org.pledgepad.pledges.compare.SuggestionSet;
import org.pledgepad.pledges.imports.ComparisonSeedParser;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

/** Prints every suggestion on the seed in both directions; for reading the scoring, not a test. */
public final class PrintKasselSuggestions {
    public static void main(String[] args) {
        SeedImport seed = ComparisonSeedParser.loadKassel2021();
        PledgeComparator c = new PledgeComparator();
        print(seed.programme(), seed.coalition(), c.suggest(seed.programme(), seed.coalition()));
        print(seed.coalition(), seed.programme(), c.suggest(seed.coalition(), seed.programme()));
    }

    private static void print(PledgeDocument a, PledgeDocument b, SuggestionSet set) {
        System.out.println("== " + a.issuer() + " → " + b.issuer());
        for (Pledge p : a.pledges()) {
            System.out.println(p.title());
            List<Suggestion> s = set.forPledge(p.id());
            for (Suggestion x : s) {
                System.out.printf("   %.3f %-7s %-50s raw=%.2f %s%n", x.score(), x.confidence().label(),
                        b.pledge(x.candidateId()).orElseThrow().title(), x.rawScore(),
                        x.matchedTerms().stream().limit(4)
                                .map(m -> m.wordA() + "~" + m.wordB() + String.format("(%.2f)", m.share())).toList());
            }
        }
    }
}
