package org.pledgepad.pledges.compare;

import java.util.List;
import java.util.Map;

/**
 * Suggestions for every pledge of document A among the pledges of document B.
 *
 * @param documentA   compared document id
 * @param documentB   candidate document id
 * @param byPledge    pledge id of A → candidates in B, best first (empty list when none passed the minimum)
 */
public record SuggestionSet(String documentA, String documentB, Map<String, List<Suggestion>> byPledge) {
    public SuggestionSet {
        byPledge = Map.copyOf(byPledge);
    }

    public List<Suggestion> forPledge(String pledgeId) {
        return byPledge.getOrDefault(pledgeId, List.of());
    }
}
