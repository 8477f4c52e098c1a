package org.pledgepad.pledges.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds the full paragraph(s) an overview summary was taken from. A coalition agreement's
 * overview repeats a sentence of the full text almost word for word (case, punctuation and a
 * word or two may differ), so the measure is the longest common word subsequence divided by the
 * summary's length: 1.0 means every word of the summary appears in the paragraph in the same order.
 * This is deliberately stricter than topical similarity; two paragraphs about fibre must not be
 * confused with the one the summary quotes.
 */
final class SummaryMatcher {
    /** Share of the summary's words that must reappear in order; allows a few edited words. */
    static final double MIN_OVERLAP = 0.8;

    private SummaryMatcher() {}

    /** Indices of the paragraphs that contain the summary almost verbatim, in paragraph order. */
    static List<Integer> sources(String summary, List<String> paragraphs) {
        String[] s = words(summary);
        List<Integer> hits = new ArrayList<>();
        if (s.length == 0) {
            return hits;
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            if (overlap(s, words(paragraphs.get(i))) >= MIN_OVERLAP) {
                hits.add(i);
            }
        }
        return hits;
    }

    static double overlap(String summary, String paragraph) {
        String[] s = words(summary);
        return s.length == 0 ? 0 : overlap(s, words(paragraph));
    }

    private static double overlap(String[] s, String[] p) {
        return (double) lcs(s, p) / s.length;
    }

    /** Words in lower case, split at anything that is not a letter or digit (hyphens, quotes, punctuation). */
    static String[] words(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN);
        return Arrays.stream(n.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static int lcs(String[] a, String[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (String x : a) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = x.equals(b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }
}
