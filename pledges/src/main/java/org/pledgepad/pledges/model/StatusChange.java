package org.pledgepad.pledges.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a pledge's status history.
 *
 * @param status    the status from this moment on
 * @param at        when it was set
 * @param changedBy who set it
 * @param note      why ("" when no reason was given)
 */
public record StatusChange(PledgeStatus status, Instant at, String changedBy, String note) {
    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(changedBy, "changedBy");
        note = note == null ? "" : note;
    }
}
