package org.pledgepad.pledges.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One document superseding another, e.g. a renegotiated coalition agreement: which pledges were
 * carried over and which were dropped. A predecessor pledge that is in neither list has not been
 * decided yet (see {@code SuccessionCheck}).
 *
 * @param predecessorId document that is superseded
 * @param successorId   document that supersedes it
 * @param effective     from when the successor applies
 * @param carriedOver   pledges continued in the successor
 * @param dropped       ids of predecessor pledges deliberately not continued
 */
public record Succession(
        String predecessorId, String successorId, LocalDate effective, List<CarryOver> carriedOver, List<String> dropped) {
    public Succession {
        Objects.requireNonNull(predecessorId, "predecessorId");
        Objects.requireNonNull(successorId, "successorId");
        Objects.requireNonNull(effective, "effective");
        carriedOver = carriedOver == null ? List.of() : List.copyOf(carriedOver);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        if (predecessorId.equals(successorId)) {
            throw new IllegalArgumentException("a document cannot supersede itself: " + predecessorId);
        }
        for (CarryOver c : carriedOver) {
            if (dropped.contains(c.predecessorPledgeId())) {
                throw new IllegalArgumentException(
                        "pledge " + c.predecessorPledgeId() + " is both carried over and dropped");
            }
        }
    }
}
