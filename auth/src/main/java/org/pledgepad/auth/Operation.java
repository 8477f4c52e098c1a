package org.pledgepad.auth;

/**
 * Everything a connection or request can ask to do with one document. Each WebSocket message
 * type and REST endpoint maps to exactly one operation (see auth/README.md), so the single
 * {@link Authorizer#authorize} decides for both paths.
 */
public enum Operation {
  /** Receive the document: sync step 1/2 answers, broadcasts, others' awareness, REST reads. */
  READ,
  /** Send Yjs updates that change the text (sync step 2 / update from a client). */
  SYNC_WRITE,
  /** Publish one's own awareness state (cursor, name) to the other connections. */
  AWARENESS,
  /** Write a comment on a passage. */
  COMMENT,
  /** Propose a change that the owner body accepts or rejects. */
  SUGGEST,
  /** Hide or unhide comments and suggestions; review the history. */
  MODERATE,
  /** Restore an earlier version (written as a new update; the log is never rewritten). */
  RESTORE,
  /** Change the document's settings: stage, owner body, editor and commenter lists. */
  ADMIN
}
