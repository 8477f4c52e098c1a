package org.pledgepad.pledges.succession;

/**
 * A pledge on a provenance chain.
 *
 * @param pledgeId   the pledge
 * @param documentId its document
 * @param reachedBy  the edge from the previous step ({@code null} for the oldest pledge)
 */
public record ProvenanceStep(String pledgeId, String documentId, ProvenanceEdge reachedBy) {}
