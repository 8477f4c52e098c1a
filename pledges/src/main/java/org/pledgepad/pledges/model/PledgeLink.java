package org.pledgepad.pledges.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed relation between two pledges, usually one of an election programme ({@code a}) and
 * one of a coalition agreement ({@code b}). Links exist only because a person made or confirmed
 * them; comparison suggestions are a separate type and never become links by themselves.
 *
 * @param a         pledge id on the first side
 * @param b         pledge id on the second side
 * @param kind      how closely they agree
 * @param createdBy user id or name of who made or confirmed the link
 * @param createdAt when
 * @param origin    manual, or a confirmed suggestion
 */
public record PledgeLink(String a, String b, LinkKind kind, String createdBy, Instant createdAt, LinkOrigin origin) {
    public PledgeLink {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(origin, "origin");
        if (a.equals(b)) {
            throw new IllegalArgumentException("a pledge cannot be linked to itself: " + a);
        }
    }

    /** Whether this link touches the given pledge on either side. */
    public boolean involves(String pledgeId) {
        return a.equals(pledgeId) || b.equals(pledgeId);
    }

    /** The pledge on the other side of {@code pledgeId}. */
    public String other(String pledgeId) {
        if (a.equals(pledgeId)) return b;
        if (b.equals(pledgeId)) return a;
        throw new IllegalArgumentException(pledgeId + " is not part of this link");
    }
}
