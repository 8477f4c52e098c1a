package org.pledgepad.server.store;

import java.util.Map;
import org.pledgepad.history.ChainBuilder;
import org.pledgepad.server.cache.BoundedCache;

/**
 * The committed head (seq, hash) of recently appended documents, kept by the embedded store so
 * that a group commit neither creates nor reads the documents row of a document it already
 * knows: one process owns the SQLite file and only its store thread appends, so the committed
 * head can change only through that thread. Entries are put only after their transaction
 * committed and are dropped when a transaction that touched them failed, so the next append
 * reads the head from the file again and a chain can never continue from an uncommitted row.
 * Bounded: a document that fell out is read from the file again, as before there was a cache.
 */
final class ChainHeads {
  /** A document's newest row; {@code hash} is never modified. */
  record Head(long seq, byte[] hash) {}

  private final BoundedCache<String, Head> committed;

  ChainHeads(int maxDocuments) {
    committed = new BoundedCache<>(maxDocuments, head -> 1);
  }

  /** The committed head, or null if this document must be read from the file. */
  Head get(String document) {
    return committed.get(document);
  }

  /** After the transaction that advanced these chains committed. */
  void committed(Map<String, ChainBuilder> chains) {
    chains.forEach((document, chain) -> committed.put(document, new Head(chain.headSeq(), chain.headHash())));
  }

  /** After a transaction that touched this document failed: its file row is the truth. */
  void forget(String document) {
    committed.remove(document);
  }

  int size() {
    return committed.size();
  }
}
