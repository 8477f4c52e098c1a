package org.pledgepad.pledges.compare;

import java.time.Instant;
import java.util.List;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.LinkOrigin;
import org.pledgepad.pledges.model.PledgeLink;

/**
 * A machine suggestion that two pledges may be related. It is advice for a person: it becomes a
 * {@code PledgeLink} only when someone confirms it.
 *
 * @param pledgeId     pledge of the compared document (A)
 * @param candidateId  pledge of the other document (B)
 * @param score        normalised score 0..1, the same in both directions: the mean of both
 *                     directions' BM25 scores, divided by what the two pledges reach against their own
 *                     texts (see {@link PledgeComparator})
 * @param rawScore     the BM25 score of this direction's query (A's pledge on B's) before
 *                     normalisation, for debugging and tuning; it differs between the directions
 * @param confidence   the score put into words
 * @param matchedTerms word pairs that earned the score, strongest first
 */
public record Suggestion(
        String pledgeId, String candidateId, double score, double rawScore, Confidence confidence,
        List<MatchedTerm> matchedTerms) {
    public Suggestion {
        matchedTerms = List.copyOf(matchedTerms);
    }

    /**
     * The link a person creates by confirming this suggestion. Only called on an explicit user
     * action; the kind is the person's judgement, not derived from the score.
     */
    public PledgeLink confirm(LinkKind kind, String confirmedBy, Instant at) {
        return new PledgeLink(pledgeId, candidateId, kind, confirmedBy, at, LinkOrigin.SUGGESTION_CONFIRMED);
    }
}
