package org.pledgepad.pledges.succession;

import org.pledgepad.pledges.model.LinkKind;

/**
 * One step of a pledge's history: {@code from} (older) led to {@code to} (newer).
 *
 * @param from pledge id of the older pledge (programme or superseded agreement)
 * @param to   pledge id of the newer pledge
 * @param via  how: a confirmed programme link or a carry-over into a successor agreement
 * @param kind how closely the newer pledge keeps the older one
 */
public record ProvenanceEdge(String from, String to, Via via, LinkKind kind) {
    public enum Via {
        /** A confirmed link from an election programme pledge to an agreement or motion pledge. */
        PROGRAMME_LINK,
        /** Carried over when an agreement superseded another. */
        CARRIED_OVER
    }
}
