package org.pledgepad.server.history;

/**
 * Runs {@link DocumentHistories#backfillErasures} at the one start that created the erasure log
 * (the store's migration to it ran in this process, {@code DocumentStore.erasureLogCreatedAtStart}):
 * rows erased before the log existed get a record flagged backfilled. Never at any other start:
 * a flag in the database could be reset by someone able to write it, who would then forge erased
 * rows and have the next start sign over them; a marker in the node's data directory is lost
 * whenever a node starts with a fresh one (a new pod), with the same result. Re-running the
 * migration cannot be provoked from the database (it fails on the existing table).
 */
public final class ErasureBackfill {
  private ErasureBackfill() {}

  /** Documents given a backfilled record, or -1 when this start did not create the erasure log. */
  public static int atUpgrade(boolean erasureLogCreated, DocumentHistories histories) {
    return erasureLogCreated ? histories.backfillErasures() : -1;
  }
}
