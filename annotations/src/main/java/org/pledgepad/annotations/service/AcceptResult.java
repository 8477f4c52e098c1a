package org.pledgepad.annotations.service;

import java.util.List;
import org.pledgepad.annotations.anchor.AnchorState;
import org.pledgepad.annotations.model.AnnotationThread;

/** Answer to accepting a suggestion: applied, or refused because the passage changed meanwhile. */
public sealed interface AcceptResult {
  /**
   * The edit is in the document.
   *
   * @param update v1 update of the one transaction (delete + insert), to log and broadcast
   * @param origin the transaction origin; {@link SuggestionOrigin#logNote()} names it for the log
   * @param thread the suggestion, now ACCEPTED and resolved
   * @param events to push after the update and the thread are stored
   */
  record Accepted(byte[] update, SuggestionOrigin origin, AnnotationThread thread, List<AnnotationEvent> events)
      implements AcceptResult {}

  /**
   * The passage no longer reads as quoted when the suggestion was made (or is gone): applying
   * the replacement would overwrite someone's later edit. The suggester (or an editor) must
   * update the suggestion first. Nothing was changed.
   *
   * @param state   ATTACHED (text differs) or PASSAGE_DELETED
   * @param quote   the passage the suggestion was written against
   * @param current the passage now ("" if deleted)
   */
  record Collision(AnchorState state, String quote, String current) implements AcceptResult {
    /** Body of the 409 answer: the editor's client shows both texts side by side. */
    public java.util.Map<String, Object> toJson() {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("result", "collision");
      m.put("state", state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      m.put("quote", quote);
      m.put("current", current);
      return m;
    }
  }
}
