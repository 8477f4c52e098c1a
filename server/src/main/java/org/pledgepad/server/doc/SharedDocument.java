package org.pledgepad.server.doc;

/**
 * The server's whole view of the CRDT: one live document state that updates are validated
 * against, applied to, and diffed from. Sessions use only this interface, so the CRDT library
 * stays behind one small adapter ({@link YjsDocument}). Not thread-safe: a document belongs to
 * one session and is used on that session's context only.
 */
public interface SharedDocument {
  /**
   * Checks that {@code update} (Yjs v1) decodes completely, without changing the document.
   *
   * @throws UpdateRejectedException when it does not
   */
  void validate(byte[] update);

  /** Applies an update that was validated and committed. */
  void apply(byte[] update);

  /** The encoded state vector (sync step 1 payload). */
  byte[] stateVector();

  /** Everything the holder of {@code stateVector} is missing, as one v1 update (step 2). */
  byte[] diff(byte[] stateVector);

  /** The whole state as one v1 update, for snapshots. */
  byte[] encodeState();

  /** Rough size of the state in bytes, for the per-document size limit. */
  long approximateSize();
}
