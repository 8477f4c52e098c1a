package org.pledgepad.crdt;

// Follows yjs/src/utils/Doc.js (yjs 13.6.33): the transaction event signatures.

/** Receives beforeTransaction, beforeObserverCalls, afterTransaction, afterTransactionCleanup. */
@FunctionalInterface
public interface TransactionHandler {
  void handle(Transaction tr, Doc doc);
}
