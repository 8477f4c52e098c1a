package org.pledgepad.pledges.compare;

/**
 * Why two pledges were matched: a word of the pledge being compared, the word of the candidate it
 * met (the same word, another inflection, or a compound sharing a part), and the share of the
 * candidate's score this pair earned.
 *
 * @param wordA  word as written in the compared pledge
 * @param wordB  word as written in the candidate
 * @param share  fraction (0..1) of the candidate's raw score that comes from this pair
 */
public record MatchedTerm(String wordA, String wordB, double share) {}
