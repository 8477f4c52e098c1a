package org.pledgepad.history;

/**
 * A stretch of a version's text written by one actor.
 *
 * @param from start offset in the version's text (UTF-16 units)
 * @param to end offset, exclusive
 * @param actor pseudonymous id, or null when unknown (erased rows, content from before the log)
 * @param firstSeq oldest row that contributed (0 if unknown)
 * @param lastSeq newest row that contributed
 */
public record AuthorSpan(int from, int to, String text, String actor, long firstSeq, long lastSeq,
                         long firstTimeMillis, long lastTimeMillis) {}
