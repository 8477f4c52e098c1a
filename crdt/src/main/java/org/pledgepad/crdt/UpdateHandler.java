package org.pledgepad.crdt;

// Follows yjs/src/utils/Doc.js (yjs 13.6.33): the 'update' / 'updateV2' event signature.

/** Receives the encoded changes of each transaction that changed the document. */
@FunctionalInterface
public interface UpdateHandler {
  void onUpdate(byte[] update, Object origin, Doc doc, Transaction tr);
}
