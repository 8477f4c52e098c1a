package org.pledgepad.pledges.compare;

/**
 * How many pledges of one document are found in the other.
 *
 * @param found     pledges of A with a counting link (same or partly) into B
 * @param total     all pledges of A
 * @param sentence  the figure in words, e.g. "3 von 10 Wahlprogramm-Punkten finden sich im Koalitionsvertrag"
 */
public record Coverage(int found, int total, String sentence) {
    /** Share 0..1; 0 for an empty document. */
    public double share() {
        return total == 0 ? 0 : (double) found / total;
    }
}
