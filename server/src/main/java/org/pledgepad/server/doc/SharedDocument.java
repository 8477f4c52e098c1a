package org.pledgepad.server.doc;

/**
 * The server's whole view of the CRDT: one live document state that updates are validated
 * against, applied to, and diffed from. Sessions use only this interface, so the CRDT library
 * stays behind one small adapter ({@link YjsDocument}). Not thread-safe: a document belongs to
 * one session and is used on that session's context only.
 */
public interface SharedDocument {
  /**
   * Decodes {@code update} (Yjs v1) completely against the limits for peers, without changing
   * the document: the validation of a received update, decoded once for the clientID check and
   * for {@link #apply(ReceivedUpdate)} after the commit.
   *
   * @throws UpdateRejectedException when it does not decode
   */
  ReceivedUpdate parse(byte[] update);

  /**
   * Whether applying the parsed update would change nothing: all of it is here already (a
   * reconnecting client's step 2 is often only its delete set). Only before it is applied.
   */
  boolean addsNothing(ReceivedUpdate update);

  /**
   * Applies a parsed update that was committed; once, to this document only (its structs
   * become the document's). A failure leaves it unusable, as a failed apply of its bytes would.
   */
  void apply(ReceivedUpdate update);

  /** Applies stored bytes (a snapshot, a logged update). */
  void apply(byte[] update);

  /**
   * Applies logged updates in order (a log tail on load), as one unit where the CRDT allows it:
   * much cheaper than one {@link #apply} each. An update that fails is skipped, the rest still
   * apply.
   *
   * @return indexes of the updates that failed to apply (empty when all applied)
   */
  default java.util.List<Integer> applyAll(java.util.List<byte[]> updates) {
    java.util.List<Integer> failed = new java.util.ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      try {
        apply(updates.get(i));
      } catch (RuntimeException | StackOverflowError e) {
        failed.add(i);
      }
    }
    return failed;
  }

  /** The encoded state vector (sync step 1 payload). */
  byte[] stateVector();

  /**
   * The next clock the document expects from {@code clientId} (0 if none of its structs are
   * integrated): one entry of the state vector, without encoding the whole vector per update.
   */
  long clock(long clientId);

  /** Everything the holder of {@code stateVector} is missing, as one v1 update (step 2). */
  byte[] diff(byte[] stateVector);

  /** The whole state as one v1 update, for snapshots. */
  byte[] encodeState();

  /** Rough size of the state in bytes, for the per-document size limit. */
  long approximateSize();

  /**
   * The document is dropped and will not be used again: cut the links inside its state so the
   * collector can free each part where it lies. Optional (the default keeps everything).
   */
  default void release() {}
}
