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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
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
 * score means nothing across pledges. A direction's score is divided by the geometric mean of the
 * two pledges' scores against their own texts (both are in the same index): 1.0 means "as good a
 * match as the pledges' own texts", 0.3 means "a third of that". The score shown is the mean of
 * both directions (A's query on B and B's query on A), so a pair has the same figure whichever
 * document is compared. Values above 1 (a candidate that repeats the shared words more often) are
 * capped at 1.
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
            Map<String, Double> backward = new HashMap<>();
            TermLookup terms = new TermLookup(index.searcher);
            for (Pledge q : b.pledges()) {
                PledgeQuery query = query(q, context, terms);
                if (query.clauses().isEmpty()) continue;
                // One search gives both the pledge's score on its own text and the other direction
                // of every pair: B's query against A's pledges.
                int self = index.docOfB(q.id());
                for (ScoreDoc hit : allHits(index, query.query())) {
                    if (hit.doc == self) {
                        selfB.put(q.id(), (double) hit.score);
                    } else if (index.onSideA(hit.doc)) {
                        backward.put(pairKey(index.pledgeId(hit.doc), q.id()), (double) hit.score);
                    }
                }
            }
            Explaining explaining = new Explaining(index.searcher, terms, new HashMap<>(), new HashMap<>());
            Map<String, List<Suggestion>> out = new LinkedHashMap<>();
            for (Pledge p : a.pledges()) {
                out.put(p.id(), suggest(index, p, b, context, selfB, backward, explaining));
            }
            return new SuggestionSet(a.id(), b.id(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    private static String pairKey(String pledgeOfA, String pledgeOfB) {
        return pledgeOfA + "\u0000" + pledgeOfB;
    }

    /**
     * Every pledge of both sides the query matches at all (two documents' pledges, so this is
     * bounded). Counting every hit makes Lucene score them all plainly: the pruning it otherwise
     * prepares for a top few costs here and skips nothing.
     */
    private static ScoreDoc[] allHits(PledgeIndex index, Query query) throws IOException {
        if (index.maxDoc() == 0) return new ScoreDoc[0];
        return index.searcher.search(query, new TopScoreDocCollectorManager(index.maxDoc(), null, Integer.MAX_VALUE, false))
                .scoreDocs;
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
    private record PledgeQuery(Query query, List<Clause> clauses, Map<String, Set<String>> wordTerms,
            Map<String, Set<String>> gramTerms) {}

    /** One clause of a pledge's query and the analysed term it stands for. */
    private record Clause(Query query, String term, boolean gram) {}

    /** A candidate's analysed words, by term: kept for the whole comparison, as many pledges show the same candidates. */
    private record TextTerms(Map<String, Set<String>> words, Map<String, Set<String>> grams) {}

    /**
     * What one comparison keeps for its queries and for explaining its suggestions: the terms'
     * statistics, each candidate's analysed words, and a weight per clause (field, term and
     * boost), which pledges sharing a term share.
     */
    private record Explaining(IndexSearcher searcher, TermLookup terms, Map<String, TextTerms> candidates,
            Map<Query, Weight> weights) {
        Weight weight(Query clause) throws IOException {
            Weight w = weights.get(clause);
            if (w == null) {
                w = searcher.createWeight(searcher.rewrite(clause), ScoreMode.COMPLETE, 1f);
                weights.put(clause, w);
            }
            return w;
        }
    }

    private PledgeQuery query(Pledge p, Set<String> context, TermLookup terms) throws IOException {
        String text = text(p);
        Map<String, Set<String>> wordTerms = GermanPledgeAnalysis.termsWithWords(words, text);
        Map<String, Set<String>> gramTerms = GermanPledgeAnalysis.termsWithWords(grams, text);
        wordTerms.keySet().removeAll(context);
        gramTerms.keySet().removeAll(context);
        List<Clause> clauses = clauses(wordTerms, gramTerms, terms);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        clauses.forEach(c -> any.add(c.query(), Occur.SHOULD));
        return new PledgeQuery(any.build(), clauses, wordTerms, gramTerms);
    }

    private List<Suggestion> suggest(PledgeIndex index, Pledge p, PledgeDocument b, Set<String> context,
            Map<String, Double> selfB, Map<String, Double> backward, Explaining explaining) throws IOException {
        PledgeQuery q = query(p, context, explaining.terms());
        if (q.clauses().isEmpty()) {
            return List.of();
        }
        int self = index.docOfA(p.id());
        double selfA = 0;
        List<ScoreDoc> onB = new ArrayList<>();
        for (ScoreDoc hit : allHits(index, q.query())) {
            if (hit.doc == self) {
                selfA = hit.score;
            } else if (!index.onSideA(hit.doc)) {
                onB.add(hit);
            }
        }
        List<Scored> ranked = new ArrayList<>();
        for (ScoreDoc hit : onB) {
            String candidateId = index.pledgeId(hit.doc);
            double norm = Math.sqrt(selfA * selfB.getOrDefault(candidateId, 0.0));
            double back = backward.getOrDefault(pairKey(p.id(), candidateId), 0.0);
            // The mean of both directions, so a pair has one figure whichever document is compared
            // (pledges/README.md, "Normalisation", has the seed numbers behind the choice).
            double score = norm <= 0 ? 0 : Math.min(1.0, (hit.score + back) / (2 * norm));
            if (score >= settings.minimum()) ranked.add(new Scored(hit, candidateId, score));
        }
        // Ties broken by id, so equal scores list in the same order every time.
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::candidateId));
        List<Suggestion> out = new ArrayList<>();
        for (Scored x : ranked.subList(0, Math.min(ranked.size(), settings.maxCandidates()))) {
            Pledge candidate = b.pledge(x.candidateId()).orElseThrow();
            TextTerms terms = explaining.candidates().computeIfAbsent(candidate.id(), id -> new TextTerms(
                    GermanPledgeAnalysis.termsWithWords(words, text(candidate)),
                    GermanPledgeAnalysis.termsWithWords(grams, text(candidate))));
            List<MatchedTerm> matched = matchedTerms(explaining, q, x.hit(), terms);
            out.add(new Suggestion(p.id(), x.candidateId(), x.score(), x.hit().score, settings.confidence(x.score()), matched));
        }
        return out;
    }

    private record Scored(ScoreDoc hit, String candidateId, double score) {}

    /** Clauses kept free below Lucene's limit on a query tree. */
    private static final int RESERVED_CLAUSES = 8;

    private List<Clause> clauses(Map<String, Set<String>> wordTerms, Map<String, Set<String>> gramTerms, TermLookup terms)
            throws IOException {
        List<Clause> out = new ArrayList<>();
        // Lucene caps the clauses of a whole query tree; a very long pledge keeps its first words
        // and, as room allows, their grams. Each term takes two clauses (title and body).
        int room = (IndexSearcher.getMaxClauseCount() - RESERVED_CLAUSES) / 2;
        for (String t : wordTerms.keySet()) {
            if (room-- <= 0) break;
            add(out, terms, PledgeIndex.TITLE, t, settings.titleBoost(), false);
            add(out, terms, PledgeIndex.BODY, t, 1.0, false);
        }
        for (String g : gramTerms.keySet()) {
            if (room-- <= 0 || settings.gramBoost() == 0) break;
            add(out, terms, PledgeIndex.TITLE_GRAMS, g, settings.titleBoost() * settings.gramBoost(), true);
            add(out, terms, PledgeIndex.BODY_GRAMS, g, settings.gramBoost(), true);
        }
        return out;
    }

    /** Adds the clause for a term in a field, unless no pledge has the term there: such a clause scores nothing. */
    private static void add(List<Clause> out, TermLookup terms, String field, String term, double boost, boolean gram)
            throws IOException {
        Query q = terms.query(new Term(field, term));
        if (q != null) {
            out.add(new Clause(boost == 1.0 ? q : new BoostQuery(q, (float) boost), term, gram));
        }
    }

    /**
     * Each term's statistics in one comparison's index, looked up once: pledges share most of their
     * words and grams, and looking each up again for every query was a fifth of a comparison.
     */
    private static final class TermLookup {
        private final IndexSearcher searcher;
        private final Map<Term, TermStates> states = new HashMap<>();

        TermLookup(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        /** A query for the term with its statistics, or null when no pledge has it. */
        Query query(Term term) throws IOException {
            TermStates s = states.get(term);
            if (s == null) {
                s = TermStates.build(searcher, term, true);
                states.put(term, s);
            }
            return s.docFreq() == 0 ? null : new TermQuery(term, s);
        }
    }

    private List<MatchedTerm> matchedTerms(Explaining explaining, PledgeQuery q, ScoreDoc hit, TextTerms candidate)
            throws IOException {
        Map<String, Set<String>> wordTermsA = q.wordTerms();
        Map<String, Set<String>> gramTermsA = q.gramTerms();
        List<LeafReaderContext> leaves = explaining.searcher().getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
        Map<String, double[]> byPair = new LinkedHashMap<>();
        Map<String, String[]> display = new LinkedHashMap<>();
        for (Clause c : q.clauses()) {
            // A term the candidate's text does not have cannot have scored: no explanation needed.
            Set<String> inB = (c.gram() ? candidate.grams() : candidate.words()).getOrDefault(c.term(), Set.of());
            if (inB.isEmpty()) continue;
            double v = clauseScore(explaining.weight(c.query()), leaf, hit.doc - leaf.docBase);
            if (v <= 0) continue;
            Set<String> inA = (c.gram() ? gramTermsA : wordTermsA).get(c.term());
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

    /** What one clause adds to a document's score (0 when it does not match): its scorer, not an explanation's text. */
    private static double clauseScore(Weight weight, LeafReaderContext leaf, int doc) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        return scorer != null && scorer.iterator().advance(doc) == doc ? scorer.score() : 0;
    }

    /** "Smart-City", "Smart City" and "smart city" are one word for the reader. */
    private static String displayKey(String word) {
        return word.toLowerCase(Locale.GERMAN).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String text(Pledge p) {
        return p.title() + "\n" + p.body();
    }
}
