package org.pledgepad.pledges.compare;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops evaluative and generic adjectives ("gerechte", "größere", "neuen", "moderne"): every
 * programme promises something good, big and new, so two pledges sharing such a word are not
 * therefore about the same thing. The list holds base forms; a token is dropped when it or its
 * light German stem is a listed word or the stem of one, so one entry covers its inflections and
 * comparatives ("gerecht" covers "gerechte" and "gerechtere", "groß" covers "großen" and
 * "größere"). Stands after German normalisation (the list is normalised the same way) and before
 * the stemmer or the grams.
 */
final class EvaluativeWordFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final GermanLightStemmer stemmer = new GermanLightStemmer();
    private final CharArraySet stems;
    private char[] buffer = new char[32];

    /** @param stems the normalised listed words and their light stems */
    EvaluativeWordFilter(TokenStream in, CharArraySet stems) {
        super(in);
        this.stems = stems;
    }

    @Override
    protected boolean accept() {
        int length = term.length();
        if (buffer.length < length) buffer = new char[length];
        System.arraycopy(term.buffer(), 0, buffer, 0, length);
        return !stems.contains(term.buffer(), 0, length) && !stems.contains(buffer, 0, stemmer.stem(buffer, length));
    }
}
