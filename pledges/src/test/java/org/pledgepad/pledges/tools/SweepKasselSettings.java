package org.pledgepad.pledges.tools;

import java.util.List;
import org.pledgepad.pledges.compare.ComparisonSettings;
import org.pledgepad.pledges.compare.PledgeComparator;
import org.pledgepad.pledges.compare.Suggestion;
import org.pledgepad.pledges.compare.SuggestionSet;
import org.pledgepad.pledges.imports.ComparisonSeedParser;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.PledgeDocument;

/** Prints the scores behind the seed expectations for neighbouring weights; for judging how fragile the defaults are. */
public final class SweepKasselSettings {
    public static void main(String[] args) {
        SeedImport s = ComparisonSeedParser.loadKassel2021();
        System.out.println("title gram | fibre1 fibre2 rathaus opendata(max) | max(ampeln,wlan) max(plattformen)");
        for (double title : new double[] {1.5, 2.0, 2.5}) {
            for (double gram : new double[] {0.15, 0.25, 0.35}) {
                ComparisonSettings c = new ComparisonSettings(title, gram, ComparisonSettings.DEFAULT_HIGH, ComparisonSettings.DEFAULT_MEDIUM, 0.0, 11, true);
                PledgeComparator pc = new PledgeComparator(c);
                SuggestionSet f = pc.suggest(s.programme(), s.coalition());
                SuggestionSet r = pc.suggest(s.coalition(), s.programme());
                System.out.printf("%.1f %.2f | %.3f %.3f %.3f %.3f | %.3f %.3f%n", title, gram,
                        score(f, s, "Glasfaser in der ganzen Stadt", "Ausbau des Glasfasernetzes"),
                        score(f, s, "Glasfaser in der ganzen Stadt", "Ausbau von Glasfaser und Sensorik-Netzwerken"),
                        score(f, s, "Digitales Rathaus", "Digitalisierung aller Behördengänge"),
                        Math.max(score(f, s, "Open Data Rathaus", "Karten- und Datenportal"),
                                score(f, s, "Open Data Rathaus", "Werte- und gemeinwohlorientierte Datennutzung")),
                        Math.max(best(f, s.programme(), "Sprechende Ampeln"), best(f, s.programme(), "Freies WLAN in Bus und Bahn")),
                        best(r, s.coalition(), "Kritischer Umgang mit Plattformen großer Konzerne"));
            }
        }
    }

    private static String id(PledgeDocument d, String title) {
        return d.pledges().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow().id();
    }

    private static double score(SuggestionSet set, SeedImport s, String a, String b) {
        String bid = id(s.coalition(), b);
        return set.forPledge(id(s.programme(), a)).stream().filter(x -> x.candidateId().equals(bid))
                .mapToDouble(Suggestion::score).findFirst().orElse(0);
    }

    private static double best(SuggestionSet set, PledgeDocument d, String a) {
        List<Suggestion> l = set.forPledge(id(d, a));
        return l.isEmpty() ? 0 : l.get(0).score();
    }
}
