package org.pledgepad.pledges.compare;

import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Cuts a word-forming ending ("-ung", "-ierung", "-heit", "-lich", …, with its inflections) or the
 * inflection "-en" off a word before its character grams are taken. Without it the grams that
 * span such an ending are shared by unrelated words: "Unterstützung" met "Datennutzung" and
 * "Umsetzung" through "tzung" and "utzun", which were a fifth of a pair's score, and "nutzen" met
 * "unterstützen" through "utzen". What stays is the word's stem, so related
 * forms still meet: "Digitalisierung" and "digitalisiert" both give "digitalis". A stem shorter
 * than {@value #MIN_STEM} letters is left whole. Stands after German normalisation (endings are
 * written without umlauts) and only in the grams chain: the words field has the light stemmer.
 */
final class WordEndingFilter extends TokenFilter {
    /** Longest first, so that "-ierungen" is cut whole and not as "-en" of something; "-en" last. */
    static final List<String> ENDINGS = List.of(
            "ierungen", "ierung", "ierten", "ierte", "ieren", "iert",
            "heiten", "keiten", "heit", "keit",
            "lichen", "licher", "liches", "liche", "lich",
            "ischen", "ischer", "isches", "ische", "isch",
            "ungen", "ung", "en");
    static final int MIN_STEM = 4;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    WordEndingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        for (String ending : ENDINGS) {
            int stem = length - ending.length();
            if (stem >= MIN_STEM && endsWith(term.buffer(), length, ending)) {
                term.setLength(stem);
                break;
            }
        }
        return true;
    }

    private static boolean endsWith(char[] buffer, int length, String ending) {
        int from = length - ending.length();
        for (int i = 0; i < ending.length(); i++) {
            if (buffer[from + i] != ending.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
