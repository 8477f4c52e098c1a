package org.pledgepad.pledges.compare;

import java.util.List;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

/**
 * Document A (usually an election programme) against document B (usually the coalition agreement).
 *
 * @param a                   compared document
 * @param b                   other document
 * @param aligned             pairs from confirmed links, in A's pledge order
 * @param onlyInA             pledges of A without a counting link into B
 * @param onlyInB             pledges of B without a counting link from A
 * @param coverage            confirmed coverage of A in B
 * @param suggestions         machine suggestions for A's pledges (advice only; never in {@code aligned})
 * @param suggestedCoverage   what the coverage would be if every high-confidence suggestion were
 *                            confirmed; labelled as preliminary wherever shown
 */
public record ComparisonResult(
        PledgeDocument a, PledgeDocument b, List<AlignedPair> aligned, List<Pledge> onlyInA, List<Pledge> onlyInB,
        Coverage coverage, SuggestionSet suggestions, Coverage suggestedCoverage) {
    public ComparisonResult {
        aligned = List.copyOf(aligned);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
    }
}
