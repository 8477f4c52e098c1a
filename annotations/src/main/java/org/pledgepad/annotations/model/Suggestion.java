package org.pledgepad.annotations.model;

import java.time.Instant;

/**
 * The change a suggestion thread proposes, and the editors' decision on it.
 *
 * @param replacement    text that replaces the anchored passage (may be empty: "delete this")
 * @param state          open, accepted, rejected or withdrawn
 * @param decidedBy      subject of the editor who accepted or rejected; null while open
 * @param decisionReason reason given when rejecting; null otherwise
 * @param decidedAt      time of the decision; null while open
 */
public record Suggestion(String replacement, SuggestionState state, String decidedBy, String decisionReason,
    Instant decidedAt) {
  public static Suggestion open(String replacement) {
    return new Suggestion(replacement, SuggestionState.OPEN, null, null, null);
  }

  public Suggestion decided(SuggestionState s, String by, String reason, Instant at) {
    return new Suggestion(replacement, s, by, reason, at);
  }

  public Suggestion withReplacement(String r) {
    return new Suggestion(r, state, decidedBy, decisionReason, decidedAt);
  }
}
