package org.pledgepad.pledges.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

/**
 * Suggests, for each pledge of document A, the pledges of document B that may promise the same.
 *
 * <p>Scoring: each pledge of A becomes a Lucene query of its words and character grams (title and
 * body) against the titles and bodies of B's pledges, ranked by BM25; matches in a title weigh
 * {@link ComparisonSettings#titleBoost()} times more, and one shared gram weighs
 * {@link ComparisonSettings#gramBoost()} of a shared word.
 *
 * <p>Normalisation: BM25 scores have no upper bound and depend on the query's length, so a raw
 * score means nothing across pledges. Each candidate's score is divided by the score the same
 * query reaches against the compared pledge itself (it is in the same index): 1.0 means "as good a
 * match as the pledge's own text", 0.3 means "a third of that". Values above 1 (a candidate that
 * repeats the shared words more often) are capped at 1.
 *
 * <p>Matched terms come from Lucene's explanation of each query clause on the candidate, summed
 * per pair of original words, so a reader sees "Glasfaser ↔ Glasfasernetzes" rather than grams.
 *
 * <p>Nothing here changes any document or link: the result is advice for a person to confirm.
 * An instance may be shared between threads (Lucene analyzers keep per-thread state, and each call
 * builds its own index); the call is blocking CPU work, so run it off an event loop.
 */
public final class PledgeComparator {
    private final ComparisonSettings settings;
    private final Analyzer words = GermanPledgeAnalysis.words();
    private final Analyzer grams = GermanPledgeAnalysis.grams();

    public PledgeComparator() {
        this(ComparisonSettings.defaults());
    }

    public PledgeComparator(ComparisonSettings settings) {
        this.settings = settings;
    }

    /** Candidates in {@code b} for every pledge of {@code a}. */
    public SuggestionSet suggest(PledgeDocument a, PledgeDocument b) {
        Set<String> context = contextTerms(a, b);
        try (PledgeIndex index = new PledgeIndex(a, b)) {
            Map<String, Double> selfB = new HashMap<>();
            for (Pledge q : b.pledges()) {
                selfB.put(q.id(), selfScore(index, index.docOfB(q.id()), query(q, context).query()));
            }
            Map<String, List<Suggestion>> out = new LinkedHashMap<>();
            for (Pledge p : a.pledges()) {
                out.put(p.id(), suggest(index, p, b, context, selfB));
            }
            return new SuggestionSet(a.id(), b.id(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    /**
     * Terms that say nothing about a pledge because every pledge of the comparison shares them:
     * the words of the chapter headings ("Digitalisierung" in a chapter called "Digitalisierung")
     * and of the issuers (the city's name in "SPD Kassel"). They are left out of the queries.
     */
    private Set<String> contextTerms(PledgeDocument a, PledgeDocument b) {
        Set<String> out = new HashSet<>();
        if (!settings.ignoreContextWords()) return out;
        List<String> texts = new ArrayList<>(List.of(a.issuer(), b.issuer(), a.chapter(), b.chapter()));
        a.pledges().forEach(p -> texts.add(p.chapter()));
        b.pledges().forEach(p -> texts.add(p.chapter()));
        for (String t : texts) {
            out.addAll(GermanPledgeAnalysis.termsWithWords(words, t).keySet());
            out.addAll(GermanPledgeAnalysis.termsWithWords(grams, t).keySet());
        }
        return out;
    }

    /** A pledge's query and the analysed words behind it. */
    private record PledgeQuery(
            Query query, List<Clause> clauses, Map<String, Set<String>> wordTerms, Map<String, Set<String>> gramTerms) {}

    /** One clause of a pledge's query and the analysed term it stands for. */
    private record Clause(Query query, String term, boolean gram) {}

    private PledgeQuery query(Pledge p, Set<String> context) {
        String text = text(p);
        Map<String, Set<String>> wordTerms = GermanPledgeAnalysis.termsWithWords(words, text);
        Map<String, Set<String>> gramTerms = GermanPledgeAnalysis.termsWithWords(grams, text);
        wordTerms.keySet().removeAll(context);
        gramTerms.keySet().removeAll(context);
        List<Clause> clauses = clauses(wordTerms, gramTerms);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        clauses.forEach(c -> any.add(c.query(), Occur.SHOULD));
        return new PledgeQuery(any.build(), clauses, wordTerms, gramTerms);
    }

    private static double selfScore(PledgeIndex index, int doc, Query query) throws IOException {
        return index.searcher.explain(query, doc).getValue().doubleValue();
    }

    private List<Suggestion> suggest(PledgeIndex index, Pledge p, PledgeDocument b, Set<String> context,
            Map<String, Double> selfB) throws IOException {
        PledgeQuery q = query(p, context);
        if (q.clauses().isEmpty()) {
            return List.of();
        }
        IndexSearcher searcher = index.searcher;
        double selfA = selfScore(index, index.docOfA(p.id()), q.query());
        Query onB = new BooleanQuery.Builder()
                .add(q.query(), Occur.MUST)
                .add(new TermQuery(new Term(PledgeIndex.SIDE, PledgeIndex.SIDE_B)), Occur.FILTER)
                .build();
        List<Suggestion> out = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(onB, settings.maxCandidates()).scoreDocs) {
            String candidateId = index.pledgeId(hit.doc);
            double norm = Math.sqrt(selfA * selfB.get(candidateId));
            double score = norm <= 0 ? 0 : Math.min(1.0, hit.score / norm);
            if (score < settings.minimum()) continue;
            Pledge candidate = b.pledge(candidateId).orElseThrow();
            List<MatchedTerm> matched = matchedTerms(searcher, q, hit, candidate);
            out.add(new Suggestion(p.id(), candidateId, score, hit.score, settings.confidence(score), matched));
        }
        out.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        return out;
    }

    /** Clauses left free for the side filter that wraps a pledge's query. */
    private static final int RESERVED_CLAUSES = 8;

    private List<Clause> clauses(Map<String, Set<String>> wordTerms, Map<String, Set<String>> gramTerms) {
        List<Clause> out = new ArrayList<>();
        // Lucene caps the clauses of a whole query tree; a very long pledge keeps its first words
        // and, as room allows, their grams. Each term takes two clauses (title and body).
        int room = (IndexSearcher.getMaxClauseCount() - RESERVED_CLAUSES) / 2;
        for (String t : wordTerms.keySet()) {
            if (room-- <= 0) break;
            out.add(new Clause(boosted(PledgeIndex.TITLE, t, settings.titleBoost()), t, false));
            out.add(new Clause(boosted(PledgeIndex.BODY, t, 1.0), t, false));
        }
        for (String g : gramTerms.keySet()) {
            if (room-- <= 0 || settings.gramBoost() == 0) break;
            out.add(new Clause(boosted(PledgeIndex.TITLE_GRAMS, g, settings.titleBoost() * settings.gramBoost()), g, true));
            out.add(new Clause(boosted(PledgeIndex.BODY_GRAMS, g, settings.gramBoost()), g, true));
        }
        return out;
    }

    private static Query boosted(String field, String term, double boost) {
        Query q = new TermQuery(new Term(field, term));
        return boost == 1.0 ? q : new BoostQuery(q, (float) boost);
    }

    private List<MatchedTerm> matchedTerms(IndexSearcher searcher, PledgeQuery q, ScoreDoc hit, Pledge candidate)
            throws IOException {
        Map<String, Set<String>> wordTermsA = q.wordTerms();
        Map<String, Set<String>> gramTermsA = q.gramTerms();
        String textB = text(candidate);
        Map<String, Set<String>> wordTermsB = GermanPledgeAnalysis.termsWithWords(words, textB);
        Map<String, Set<String>> gramTermsB = GermanPledgeAnalysis.termsWithWords(grams, textB);
        Map<String, double[]> byPair = new LinkedHashMap<>();
        Map<String, String[]> display = new LinkedHashMap<>();
        for (Clause c : q.clauses()) {
            double v = searcher.explain(c.query(), hit.doc).getValue().doubleValue();
            if (v <= 0) continue;
            Set<String> inA = (c.gram() ? gramTermsA : wordTermsA).get(c.term());
            Set<String> inB = (c.gram() ? gramTermsB : wordTermsB).getOrDefault(c.term(), Set.of());
            if (inB.isEmpty()) continue;
            double each = v / (inA.size() * inB.size());
            for (String wa : inA) {
                for (String wb : inB) {
                    String key = displayKey(wa) + "\u0000" + displayKey(wb);
                    byPair.computeIfAbsent(key, k -> new double[1])[0] += each;
                    display.putIfAbsent(key, new String[] {wa, wb});
                }
            }
        }
        List<MatchedTerm> out = new ArrayList<>();
        // Shares of the summed contributions (equal to the hit's score up to float rounding), so they add up to 1.
        double total = byPair.values().stream().mapToDouble(v -> v[0]).sum();
        byPair.forEach((k, v) -> out.add(new MatchedTerm(display.get(k)[0], display.get(k)[1], v[0] / total)));
        out.sort(Comparator.comparingDouble(MatchedTerm::share).reversed());
        return out;
    }

    /** "Smart-City", "Smart City" and "smart city" are one word for the reader. */
    private static String displayKey(String word) {
        return word.toLowerCase(Locale.GERMAN).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String text(Pledge p) {
        return p.title() + "\n" + p.body();
    }
}
