package org.pledgepad.pledges.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param notes         editors' remarks on the fate of predecessor pledges, by predecessor pledge id
 *                      ("entfällt: liegt jetzt beim Landkreis"); part of the open data, because
 *                      why a pledge was dropped is as much public record as that it was
 */
public record Succession(
        String predecessorId, String successorId, LocalDate effective, List<CarryOver> carriedOver, List<String> dropped,
        Map<String, String> notes) {
    public Succession {
        Objects.requireNonNull(predecessorId, "predecessorId");
        Objects.requireNonNull(successorId, "successorId");
        Objects.requireNonNull(effective, "effective");
        carriedOver = carriedOver == null ? List.of() : List.copyOf(carriedOver);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        // Sorted, so that equal successions print, export and hash alike.
        TreeMap<String, String> sorted = new TreeMap<>();
        if (notes != null) {
            notes.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "note key"), Objects.requireNonNull(v, "note")));
        }
        notes = Collections.unmodifiableMap(sorted);
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

    /** A succession without notes. */
    public Succession(
            String predecessorId, String successorId, LocalDate effective, List<CarryOver> carriedOver, List<String> dropped) {
        this(predecessorId, successorId, effective, carriedOver, dropped, Map.of());
    }

    /** The note on a predecessor pledge's fate, empty if there is none. */
    public String note(String predecessorPledgeId) {
        return notes.getOrDefault(predecessorPledgeId, "");
    }
}
