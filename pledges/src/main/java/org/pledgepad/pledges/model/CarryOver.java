package org.pledgepad.pledges.model;

import java.util.Objects;

/**
 * A pledge of an earlier agreement taken into its successor.
 *
 * @param predecessorPledgeId pledge in the superseded document
 * @param successorPledgeId   pledge in the new document that continues it
 * @param kind                whether it was taken over unchanged ({@link LinkKind#SAME}) or changed
 */
public record CarryOver(String predecessorPledgeId, String successorPledgeId, LinkKind kind) {
    public CarryOver {
        Objects.requireNonNull(predecessorPledgeId, "predecessorPledgeId");
        Objects.requireNonNull(successorPledgeId, "successorPledgeId");
        Objects.requireNonNull(kind, "kind");
    }
}
