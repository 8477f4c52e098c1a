package org.pledgepad.server.history;

import java.util.List;
import org.pledgepad.history.NamedVersion;
import org.pledgepad.history.RestorePoint;
import org.pledgepad.history.Revision;

/**
 * What the history page lists for a document as of {@code head}: automatic revisions (oldest
 * first), named versions, restore points and the accepted suggestions the log notes name.
 * Immutable; cached by {@link RevisionCache} while head, names and restores stay the same.
 */
public record HistoryOverview(long head, List<Revision> revisions, List<NamedVersion> named,
    List<RestorePoint> restores, List<LogNote> acceptedSuggestions) {
  public HistoryOverview {
    revisions = List.copyOf(revisions);
    named = List.copyOf(named);
    restores = List.copyOf(restores);
    acceptedSuggestions = List.copyOf(acceptedSuggestions);
  }

  /** True when this overview was computed from exactly these inputs. */
  boolean sameInputs(long headSeq, List<NamedVersion> names, List<RestorePoint> points) {
    return head == headSeq && named.equals(names) && restores.equals(points);
  }
}
