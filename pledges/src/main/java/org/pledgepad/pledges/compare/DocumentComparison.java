package org.pledgepad.pledges.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;

/**
 * Builds the comparison view of two documents from the links people confirmed, plus the machine
 * suggestions as separate advice. Only links make pledges "aligned"; suggestions never do.
 */
public final class DocumentComparison {
    private final PledgeComparator comparator;

    public DocumentComparison() {
        this(new PledgeComparator());
    }

    public DocumentComparison(PledgeComparator comparator) {
        this.comparator = comparator;
    }

    /** Compares with fresh suggestions. */
    public ComparisonResult compare(PledgeDocument a, PledgeDocument b, List<PledgeLink> links) {
        return compare(a, b, links, comparator.suggest(a, b));
    }

    /** Compares with suggestions computed earlier (they depend only on the texts, so they can be cached). */
    public ComparisonResult compare(PledgeDocument a, PledgeDocument b, List<PledgeLink> links, SuggestionSet suggestions) {
        List<AlignedPair> aligned = new ArrayList<>();
        Set<String> coveredA = new HashSet<>();
        Set<String> coveredB = new HashSet<>();
        for (Pledge pa : a.pledges()) {
            for (PledgeLink l : links) {
                if (!l.involves(pa.id())) continue;
                b.pledge(l.other(pa.id())).ifPresent(pb -> {
                    aligned.add(new AlignedPair(pa, pb, l));
                    if (l.kind().counts()) {
                        coveredA.add(pa.id());
                        coveredB.add(pb.id());
                    }
                });
            }
        }
        List<Pledge> onlyA = a.pledges().stream().filter(p -> !coveredA.contains(p.id())).toList();
        List<Pledge> onlyB = b.pledges().stream().filter(p -> !coveredB.contains(p.id())).toList();

        Set<String> suggestedA = new HashSet<>(coveredA);
        for (Pledge pa : a.pledges()) {
            if (suggestions.forPledge(pa.id()).stream().anyMatch(s -> s.confidence() == Confidence.HOCH)) {
                suggestedA.add(pa.id());
            }
        }
        return new ComparisonResult(a, b, aligned, onlyA, onlyB,
                coverage(coveredA.size(), a, b, false),
                suggestions,
                coverage(suggestedA.size(), a, b, true));
    }

    static Coverage coverage(int found, PledgeDocument a, PledgeDocument b, boolean preliminary) {
        String sentence = found + " von " + a.pledges().size() + " " + pointsOf(a.kind())
                + " finden sich im " + b.kind().label();
        if (preliminary) {
            sentence += " (vorläufig: nach Vorschlägen mit hoher Sicherheit, nicht bestätigt)";
        }
        return new Coverage(found, a.pledges().size(), sentence);
    }

    /** "Wahlprogramm-Punkten", "Koalitionsvertrags-Punkten", "Antrags-Punkten" (dative plural after "von"). */
    private static String pointsOf(DocumentKind kind) {
        return switch (kind) {
            case ELECTION_PROGRAMME -> "Wahlprogramm-Punkten";
            case COALITION_AGREEMENT -> "Koalitionsvertrags-Punkten";
            case MOTION -> "Antrags-Punkten";
        };
    }
}
