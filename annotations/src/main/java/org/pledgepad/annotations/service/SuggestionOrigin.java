package org.pledgepad.annotations.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transaction origin of an accepted suggestion's edit, so that observers of the document (the
 * server's log writer, an UndoManager) can tell it from typed text and name it in the history.
 *
 * <p>The log note names the suggester by account subject, never by display name: the log is
 * append-only, so a name written into it could not be erased (GDPR Art. 17); the subject is an
 * opaque reference that readers resolve to the current display name, and to "gelöscht" once
 * the account was erased.
 *
 * @param suggestionId the suggestion (thread) id
 * @param suggesterId  account subject of the person who suggested the change (null once erased)
 * @param acceptedBy   subject of the editor who accepted it
 */
public record SuggestionOrigin(String suggestionId, String suggesterId, String acceptedBy) {
  /** Written in place of a subject that is no longer known. */
  public static final String UNKNOWN_SUGGESTER = "-";
  private static final String PREFIX = "accepted suggestion ";
  private static final Pattern NOTE = Pattern.compile("accepted suggestion (\\S{1,64}) by (\\S{1,128})");

  /** The line for the history log: "accepted suggestion S by SUBJECT". */
  public String logNote() {
    return PREFIX + suggestionId + " by " + (suggesterId == null ? UNKNOWN_SUGGESTER : suggesterId);
  }

  /** What a log note names, for resolving the suggester's name when the history is read. */
  public record Note(String suggestionId, String suggesterId) {}

  /** Parses a note written by {@link #logNote()}; empty for any other connection id. */
  public static Optional<Note> parse(String connectionId) {
    if (connectionId == null || !connectionId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Matcher m = NOTE.matcher(connectionId);
    return m.matches() ? Optional.of(new Note(m.group(1), m.group(2))) : Optional.empty();
  }
}
