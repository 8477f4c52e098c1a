package org.pledgepad.history;

/**
 * A full state of a document after applying log rows 1..seq (Yjs encodeStateAsUpdate, v1), as in
 * the store's document_snapshots table. Snapshots only speed reading up; the log stays the record.
 */
public record StoredSnapshot(long seq, byte[] state) {}
