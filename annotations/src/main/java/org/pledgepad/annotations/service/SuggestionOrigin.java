package org.pledgepad.annotations.service;

/**
 * Transaction origin of an accepted suggestion's edit, so that observers of the document (the
 * server's log writer, an UndoManager) can tell it from typed text and name it in the history.
 *
 * @param suggestionId the suggestion (thread) id
 * @param suggester    display name of the person who suggested the change
 * @param acceptedBy   subject of the editor who accepted it
 */
public record SuggestionOrigin(String suggestionId, String suggester, String acceptedBy) {
  /** The line for the history log: "accepted suggestion S by suggester". */
  public String logNote() {
    return "accepted suggestion " + suggestionId + " by " + suggester;
  }
}
