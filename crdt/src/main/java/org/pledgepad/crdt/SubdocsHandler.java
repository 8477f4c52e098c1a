package org.pledgepad.crdt;

// Follows yjs/src/utils/Doc.js (yjs 13.6.33): the 'subdocs' event signature.

/** Receives the subdocuments added, removed and loaded by a transaction. */
@FunctionalInterface
public interface SubdocsHandler {
  void onSubdocs(Doc.SubdocsEvent event, Doc doc, Transaction tr);
}
