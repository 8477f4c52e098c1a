package org.pledgepad.pledges.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pledgepad.pledges.compare.PledgeComparator;
import org.pledgepad.pledges.imports.ComparisonSeedParser;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

/**
 * What one comparison of two documents of full size costs (CPU time of the comparing thread, first
 * call and later ones): a programme of {@code args[0]} pledges against an agreement of
 * {@code args[1]}, each pledge a title of 3 and a body of {@code args[2]} words drawn at random
 * from the Kassel seed. Words of one small chapter make every pledge share terms with nearly
 * every other, so this is near the worst case per pledge; real documents spread over more
 * subjects. Usage: {@code ComparisonCost 300 800 40 [rounds]}.
 */
public final class ComparisonCost {
    public static void main(String[] args) {
        int na = Integer.parseInt(args[0]);
        int nb = Integer.parseInt(args[1]);
        int bodyWords = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        List<String> words = new ArrayList<>();
        var seed = ComparisonSeedParser.loadKassel2021();
        for (PledgeDocument d : List.of(seed.programme(), seed.coalition())) {
            for (Pledge p : d.pledges()) {
                for (String w : (p.title() + " " + p.body()).split("[^\\p{L}]+")) {
                    if (w.length() > 3) words.add(w);
                }
            }
        }
        Random random = new Random(1);
        PledgeDocument a = document("a", DocumentKind.ELECTION_PROGRAMME, na, bodyWords, words, random);
        PledgeDocument b = document("b", DocumentKind.COALITION_AGREEMENT, nb, bodyWords, words, random);
        PledgeComparator comparator = new PledgeComparator();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= rounds; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            int withSuggestions = comparator.suggest(a, b).byPledge().size();
            System.out.printf("round %d: %d x %d pledges, %d words each: %.0f ms CPU, %.0f ms wall (%d pledges with suggestions)%n",
                    i, na, nb, bodyWords, (threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6,
                    withSuggestions);
        }
    }

    private static PledgeDocument document(String id, DocumentKind kind, int n, int bodyWords, List<String> words, Random random) {
        List<Pledge> pledges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pledges.add(new Pledge(id + i, pick(words, 3, random), pick(words, bodyWords, random), "", List.of()));
        }
        return new PledgeDocument(id, id, "X", kind, "", "", "", "", List.of(), pledges);
    }

    private static String pick(List<String> words, int n, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
        }
        return out.toString();
    }
}
