package org.pledgepad.pledges.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The status of one pledge over time: its history of changes and the evidence collected for it.
 * Immutable; every change returns a new track, so an old export never changes under its ETag.
 *
 * @param pledgeId the pledge tracked
 * @param history  status changes, oldest first; empty means "offen" since the document was made
 * @param evidence evidence entries, oldest first
 */
public record StatusTrack(String pledgeId, List<StatusChange> history, List<StatusEvidence> evidence) {
    public StatusTrack {
        Objects.requireNonNull(pledgeId, "pledgeId");
        history = history == null ? List.of() : List.copyOf(history);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).at().isBefore(history.get(i - 1).at())) {
                throw new IllegalArgumentException("status history of " + pledgeId + " is not in time order");
            }
        }
    }

    /** A track for a pledge nobody has assessed yet. */
    public static StatusTrack open(String pledgeId) {
        return new StatusTrack(pledgeId, List.of(), List.of());
    }

    /** The status now: the last change, or {@link PledgeStatus#OFFEN} when there is none. */
    public PledgeStatus current() {
        return history.isEmpty() ? PledgeStatus.OFFEN : history.get(history.size() - 1).status();
    }

    /** Records a new status; changes must not go back in time behind the last entry. */
    public StatusTrack withStatus(PledgeStatus status, Instant at, String changedBy, String note) {
        List<StatusChange> next = new ArrayList<>(history);
        next.add(new StatusChange(status, at, changedBy, note));
        return new StatusTrack(pledgeId, next, evidence);
    }

    /** Adds evidence, keeping the list ordered by date (stable for equal dates). */
    public StatusTrack withEvidence(StatusEvidence entry) {
        List<StatusEvidence> next = new ArrayList<>(evidence);
        next.add(entry);
        next.sort(Comparator.comparing(StatusEvidence::date));
        return new StatusTrack(pledgeId, history, next);
    }
}
