package org.pledgepad.server.history;

import java.util.Optional;
import org.pledgepad.annotations.service.SuggestionOrigin;
import org.pledgepad.history.RestorePoint;

/**
 * What the server writes into a log row's connection id when it makes an edit itself: a restore
 * ("restore:TARGET:SUBJECT") or an accepted suggestion (see {@link SuggestionOrigin}). The note
 * is committed in the same transaction as the update, so a restore is recorded atomically with
 * its edit even when the separate restore_points row (an index for fast reads) was never
 * written; {@link DocumentHistories} re-derives missing restore points from these notes.
 * Connection ids of client connections are made by the server and never start with these
 * prefixes. The note is not hashed (like every connection id), and names people only by
 * account subject, so erasing an account removes the name behind it.
 *
 * @param seq the log row
 * @param timeMillis the row's time
 * @param actor the row's actor
 * @param connectionId the note itself
 */
public record LogNote(long seq, long timeMillis, String actor, String connectionId) {
  static final String RESTORE_PREFIX = "restore:";
  /** SQL LIKE patterns selecting candidate notes (the parsers below decide). */
  static final String RESTORE_LIKE = RESTORE_PREFIX + "%";
  /** What every accepted-suggestion note begins with (SuggestionOrigin.logNote). */
  static final String SUGGESTION_PREFIX = "accepted suggestion ";
  static final String SUGGESTION_LIKE = SUGGESTION_PREFIX + "%";

  /** The connection id to log a restore of version {@code target} made by {@code subject}. */
  public static String restore(long target, String subject) {
    return RESTORE_PREFIX + target + ":" + subject;
  }

  /** The restore this row performed, if its note says so. */
  public Optional<RestorePoint> restorePoint() {
    if (connectionId == null || !connectionId.startsWith(RESTORE_PREFIX)) {
      return Optional.empty();
    }
    String rest = connectionId.substring(RESTORE_PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon < 1 || colon > 18 || !rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
      return Optional.empty(); // notes before the target was recorded: "restore:SUBJECT"
    }
    long target = Long.parseLong(rest.substring(0, colon));
    return target < seq ? Optional.of(new RestorePoint(seq, target, actor, timeMillis)) : Optional.empty();
  }

  /**
   * Whether this row applied the accepted suggestion {@code suggestionId}. By prefix, not by
   * {@link #suggestion()}: notes written before subjects were used name the suggester by a
   * display name the parser refuses, yet they name the suggestion all the same.
   */
  public boolean appliedSuggestion(String suggestionId) {
    return connectionId != null && connectionId.startsWith(SUGGESTION_PREFIX + suggestionId + " ");
  }

  /** The accepted suggestion this row applied, if its note says so. */
  public Optional<SuggestionOrigin.Note> suggestion() {
    return SuggestionOrigin.parse(connectionId);
  }
}
