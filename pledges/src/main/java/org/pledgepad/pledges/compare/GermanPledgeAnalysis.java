package org.pledgepad.pledges.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The two German analysis chains of the comparison, both built from Lucene's German components.
 *
 * <p>Both start alike: standard tokenizer, lower case, a small synonym list of English terms German
 * municipal texts use beside the German word ("Open Data" / "Daten", resource {@value #SYNONYMS}),
 * then Lucene's German stop words and German normalisation.
 *
 * <ul>
 *   <li>{@link #words()}: standard tokenizer, lower case, synonyms, Lucene's German stop words plus
 *       municipal ones ({@value #MUNICIPAL_STOP_WORDS}), the listed parts of compounds
 *       ({@value #COMPOUND_PARTS}: "Glasfasernetzes" also yields "glasfaser" and "netz"), German
 *       normalisation (ä→a, ß→ss, …), evaluative adjectives dropped ({@value #EVALUATIVE_ADJECTIVES},
 *       see {@link EvaluativeWordFilter}), word-forming endings cut ({@link WordEndingFilter}: "Nutzung"
 *       meets "nutzen") and the light German stemmer, so "Digitales"/"Digitalen" and
 *       "großer"/"großen" meet.</li>
 *   <li>{@link #grams()}: the same up to normalisation, then character {@value #GRAM}-grams of every word. German
 *       glues words into compounds ("Glasfasernetzes", "Datenportal"); a compound and its part share
 *       most of their grams, so "Glasfaser" meets "Glasfasernetzes" and "digitalisiert" meets
 *       "Digitalisierung" without a dictionary of word parts. The grams are taken after the
 *       word-forming ending is cut, so that unrelated words do not meet through "-tzung"; a gram
 *       that is a stop word ("stadt") is dropped. Words shorter than a gram are left to the words
 *       field.</li>
 * </ul>
 */
public final class GermanPledgeAnalysis {
    /** Gram length: long enough that a gram is mostly a word part ("faser", "daten"), short enough for German stems. */
    public static final int GRAM = 5;
    /** Classpath resource (next to this class) with the synonym groups. */
    public static final String SYNONYMS = "synonyms-de.txt";
    /** Classpath resource (next to this class) with the word parts found inside compounds. */
    public static final String COMPOUND_PARTS = "compound-parts-de.txt";
    private static final SynonymMap SYNONYM_MAP = loadSynonyms();
    /** Classpath resource (next to this class) with municipal words that are no evidence. */
    public static final String MUNICIPAL_STOP_WORDS = "stopwords-kommunal-de.txt";
    private static final CharArraySet PARTS = wordList(COMPOUND_PARTS);
    private static final CharArraySet STOP_WORDS = stopWords();
    /** Classpath resource (next to this class) with evaluative adjectives that are no evidence. */
    public static final String EVALUATIVE_ADJECTIVES = "evaluative-adjectives-de.txt";
    private static final CharArraySet EVALUATIVE_STEMS = evaluativeStems();

    private GermanPledgeAnalysis() {}

    public static Analyzer words() {
        return chain(StandardTokenizer::new, source -> new GermanLightStemFilter(new WordEndingFilter(normalised(source, true))), true);
    }

    public static Analyzer grams() {
        return chain(StandardTokenizer::new, source -> new StopFilter(
                new NGramTokenFilter(new WordEndingFilter(normalised(source, false)), GRAM, GRAM, false), STOP_WORDS), true);
    }

    /** An analyzer of a tokenizer and the filters after it, with the gender-form char filter before it or not. */
    private static Analyzer chain(Supplier<Tokenizer> tokenizer, Function<Tokenizer, TokenStream> filters, boolean genderForms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                return new TokenStreamComponents(source, filters.apply(source));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return genderForms ? genderForms(reader) : reader;
            }
        };
    }

    /**
     * The standard tokenizer splits "Lehrer*innen" at the star, and "innen" is a stop word, but
     * UAX #29 keeps letters joined across ":" and "_" ("Lehrer:innen" would stay one word). The
     * colon, the underscore and the Binnen-I ("LehrerInnen") become the star before tokenizing.
     * The Binnen-I is taken only in the plural "Innen" after a lower-case letter: a singular
     * "…In" would also cut words like "LinkedIn".
     */
    private static final Pattern GENDER_COLON_UNDERSCORE = Pattern.compile("(?<=\\p{L})[:_](?=in(?:nen)?(?![\\p{L}\\p{N}]))");
    private static final Pattern BINNEN_I = Pattern.compile("(?<=\\p{Ll})Innen(?![\\p{L}\\p{N}])");

    static Reader genderForms(Reader reader) {
        return new PatternReplaceCharFilter(BINNEN_I, "*innen",
                new PatternReplaceCharFilter(GENDER_COLON_UNDERSCORE, "*", reader));
    }

    private static TokenStream normalised(Tokenizer source, boolean decompound) {
        TokenStream s = new LowerCaseFilter(source);
        // Flattened so that multi-word synonyms can be indexed; no query here uses positions.
        s = new FlattenGraphFilter(new SynonymGraphFilter(s, SYNONYM_MAP, true));
        s = new StopFilter(s, STOP_WORDS);
        if (decompound) {
            // Only for words: the grams of a part are already among the grams of its compound.
            s = new DictionaryCompoundWordTokenFilter(s, PARTS, MIN_COMPOUND, MIN_PART, MAX_PART, true);
        }
        return new EvaluativeWordFilter(new GermanNormalizationFilter(s), EVALUATIVE_STEMS);
    }

    private static final int MIN_COMPOUND = 7;
    private static final int MIN_PART = 4;
    private static final int MAX_PART = 15;

    private static CharArraySet stopWords() {
        CharArraySet all = new CharArraySet(GermanAnalyzer.getDefaultStopSet(), false);
        all.addAll(wordList(MUNICIPAL_STOP_WORDS));
        return CharArraySet.unmodifiableSet(all);
    }

    /**
     * The listed adjectives as the filter sees them: normalised like the chain, each as it is and
     * light-stemmed. Both, because the stemmer is not idempotent: "modern" stems to "mod", while
     * "moderne" and "modernen" stem to "modern".
     */
    private static CharArraySet evaluativeStems() {
        Analyzer normalise = chain(KeywordTokenizer::new, GermanNormalizationFilter::new, false);
        GermanLightStemmer stemmer = new GermanLightStemmer();
        CharArraySet out = new CharArraySet(64, false);
        for (Object word : wordList(EVALUATIVE_ADJECTIVES, 3)) {
            for (String normal : termsWithWords(normalise, new String((char[]) word)).keySet()) {
                char[] c = normal.toCharArray();
                out.add(normal);
                out.add(new String(c, 0, stemmer.stem(c, c.length)));
            }
        }
        return CharArraySet.unmodifiableSet(out);
    }

    /** A lower-case word list, one per line, "#" comments. */
    private static CharArraySet wordList(String resource) {
        return wordList(resource, MIN_PART);
    }

    private static CharArraySet wordList(String resource, int minLength) {
        try (InputStream in = GermanPledgeAnalysis.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            CharArraySet out = new CharArraySet(128, false);
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
                        if (l.length() < minLength || !l.equals(l.toLowerCase(java.util.Locale.GERMAN))) {
                            throw new IllegalStateException(resource + ": words are lower case, at least "
                                    + minLength + " letters: " + l);
                        }
                        out.add(l);
                    });
            return CharArraySet.unmodifiableSet(out);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static SynonymMap loadSynonyms() {
        Analyzer plain = chain(StandardTokenizer::new, LowerCaseFilter::new, false);
        try (InputStream in = GermanPledgeAnalysis.class.getResourceAsStream(SYNONYMS)) {
            if (in == null) throw new IllegalStateException("missing resource " + SYNONYMS);
            SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("synonym list " + SYNONYMS + " is invalid", e);
        }
    }

    /**
     * Each term the analyzer makes from {@code text}, with the original words it came from (an
     * n-gram keeps its word's offsets). Used to build queries and to show readers which words matched.
     */
    public static Map<String, Set<String>> termsWithWords(Analyzer analyzer, String text) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String word = text.substring(offset.startOffset(), offset.endOffset());
                out.computeIfAbsent(term.toString(), k -> new LinkedHashSet<>()).add(word);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return out;
    }
}
