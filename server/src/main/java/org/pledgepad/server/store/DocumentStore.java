package org.pledgepad.server.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of documents: an append-only log of Yjs v1 updates per document (never
 * trimmed), snapshots that make loading fast, and document metadata. An update counts as
 * accepted only once the future of {@link #append} succeeded: the transaction committed.
 * Implementations must complete their futures on the caller's Vert.x context.
 */
public interface DocumentStore {
  /** Prepares the storage (migrations, files); called once before any other method. */
  Future<Void> start();

  /**
   * The log stretches this process hashed itself since they were last checked (see
   * {@link OwnChains}); null if the store does not keep them, and then every head is checked
   * against its rows before it is signed.
   */
  default OwnChains ownChains() {
    return null;
  }

  /**
   * Whether {@link #start} created the history's erasure log, i.e. upgraded a store from before
   * it (or made a new one). That start is the one moment at which rows erased before the log
   * existed are given a backfilled record: the signal cannot be produced again by writing to the
   * database (re-running the migration fails on the existing table), unlike a flag stored there,
   * and it does not depend on the node's data directory, which may be new on every start.
   */
  default boolean erasureLogCreatedAtStart() {
    return false;
  }

  /**
   * Appends a batch of updates to one document in a committed transaction, which the store may
   * share with appends of other documents that are waiting at the same time (group commit across
   * documents, see AppendCoalescer). Succeeds only once that transaction committed; if a shared
   * transaction fails, each of its appends is retried alone, so this append fails only if it
   * fails on its own. Appends of one document commit in call order. Creates the document with
   * default metadata if it does not exist.
   *
   * @return the sequence numbers assigned, in batch order, consecutive per document
   */
  Future<List<Long>> append(String document, List<NewUpdate> batch);

  /**
   * Adds {@code more} to the append that returned {@code append} if its transaction has not
   * started yet: they commit in it, after its updates, and its sequence numbers cover them too,
   * in order. False, with nothing added, when that append's transaction has started (or the
   * store cannot add); the caller then appends them itself once that append completed. So the
   * updates of a document that arrive while its append waits for the group commit join that
   * transaction, not the one after it.
   */
  default boolean appendToWaiting(String document, Future<List<Long>> append, List<NewUpdate> more) {
    return false;
  }

  /** The newest snapshot (if any) and every logged update after it, in sequence order. */
  default Future<LoadedDocument> load(String document) {
    return loadBefore(document, Long.MAX_VALUE);
  }

  /**
   * The newest snapshot older than {@code beforeSeq} (if any) and every logged update after it,
   * in sequence order: the way past a snapshot that does not apply, since every older snapshot
   * is kept and the log is never trimmed.
   */
  Future<LoadedDocument> loadBefore(String document, long beforeSeq);

  /** Stores the document state as of {@code seq} (the state after applying updates 1..seq). */
  Future<Void> writeSnapshot(String document, long seq, byte[] state);

  /** Metadata of every document, by name. */
  Future<List<DocumentInfo>> listDocuments();

  Future<Optional<DocumentInfo>> document(String name);

  /** Creates a document with metadata, or updates title, kind and stage of an existing one. */
  Future<Void> putDocument(String name, String title, DocumentKind kind, DocumentStage stage);

  /**
   * Creates a document with metadata if no document has this name, in one statement: true when
   * this call created it, false (nothing changed) when the name was taken, also by a call of
   * another server node at the same moment. For creations that must not write into an existing
   * document (the pledge import).
   */
  Future<Boolean> createDocument(String name, String title, DocumentKind kind, DocumentStage stage);

  /**
   * Deletes a document that nothing has been written into yet: no logged update and no row of any
   * other table referring to it (snapshot, access, annotation, history; the foreign keys decide).
   * True when this call deleted it; false when the name is unknown or the document is not empty,
   * also when an append of another node wins the race. For undoing a {@link #createDocument} whose
   * caller then failed (the pledge import), so that the name is free again.
   */
  Future<Boolean> deleteIfEmpty(String name);

  /**
   * Re-computes the hash chain of a document's whole log (moderation: is the history as it was
   * written?). Reads every row; not for hot paths.
   */
  Future<ChainCheck> verifyChain(String document);

  /** Cheap round trip proving the storage answers, for readiness checks. */
  Future<Void> ping();

  /**
   * Whether appends are committing, for readiness: a store can answer {@link #ping} while its
   * appends hang on a lock or fail on a full disk, and then no edit is acknowledged.
   */
  default boolean appendsFlowing() {
    return true;
  }

  Future<Void> close();
}
