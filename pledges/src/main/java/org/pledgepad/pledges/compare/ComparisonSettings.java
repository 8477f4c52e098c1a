package org.pledgepad.pledges.compare;

/**
 * Weights and thresholds of the comparison. The defaults were set on the Kassel seed after its
 * expectations had been written down (see KasselComparisonTest).
 *
 * @param titleBoost     weight of a match in the candidate's title relative to its body
 * @param gramBoost      weight of one shared character gram relative to a shared word; small,
 *                       because a shared compound part produces several grams
 * @param high           minimum normalised score for {@link Confidence#HOCH}
 * @param medium         minimum normalised score for {@link Confidence#MITTEL}
 * @param minimum        candidates below this normalised score are not suggested at all
 * @param maxCandidates  at most this many candidates per pledge
 * @param ignoreContextWords leave out words of the chapter headings and issuers, which every
 *                       pledge of the comparison shares and which are therefore no evidence
 */
public record ComparisonSettings(
        double titleBoost, double gramBoost, double high, double medium, double minimum, int maxCandidates,
        boolean ignoreContextWords) {
    public static final double DEFAULT_TITLE_BOOST = 2.0;
    public static final double DEFAULT_GRAM_BOOST = 0.25;
    /**
     * 0.28 while the score was one direction's; the mean of both directions is lower for a short
     * pledge against a long one (the seed's fibre pairs: 0.341 and 0.184, mean 0.262), so "hoch"
     * moved to 0.20: the weakest expected "hoch" over the weight sweep is 0.228, the strongest
     * pair expected not "hoch" 0.136.
     */
    public static final double DEFAULT_HIGH = 0.20;
    public static final double DEFAULT_MEDIUM = 0.12;
    public static final double DEFAULT_MINIMUM = 0.05;
    public static final int DEFAULT_MAX_CANDIDATES = 5;

    public ComparisonSettings {
        if (!(minimum <= medium && medium <= high && high <= 1.0)) {
            throw new IllegalArgumentException("thresholds must satisfy minimum <= medium <= high <= 1");
        }
        if (titleBoost <= 0 || gramBoost < 0 || maxCandidates < 1) {
            throw new IllegalArgumentException("boosts must be positive and maxCandidates at least 1");
        }
    }

    public static ComparisonSettings defaults() {
        return new ComparisonSettings(DEFAULT_TITLE_BOOST, DEFAULT_GRAM_BOOST, DEFAULT_HIGH, DEFAULT_MEDIUM,
                DEFAULT_MINIMUM, DEFAULT_MAX_CANDIDATES, true);
    }

    public Confidence confidence(double score) {
        if (score >= high) return Confidence.HOCH;
        if (score >= medium) return Confidence.MITTEL;
        return Confidence.NIEDRIG;
    }
}
