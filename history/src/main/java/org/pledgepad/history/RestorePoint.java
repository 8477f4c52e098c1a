package org.pledgepad.history;

/**
 * A restore as recorded by the server: row {@code seq} holds the edits that brought the document
 * back to the content of version {@code restoredSeq}.
 */
public record RestorePoint(long seq, long restoredSeq, String actor, long timeMillis) {}
