-- Embedded (SQLite) store, schema version 3: the head ledger (see HeadLedger). A group commit
-- records the new heads of the documents it moved here, in one row, instead of updating each
-- documents row; the store folds the ledger into documents.head_* every so many commits, at
-- start and at close. Empty at the version bump: version 2 wrote every head to documents.
CREATE TABLE IF NOT EXISTS head_ledger (
  id    INTEGER PRIMARY KEY,
  heads BLOB NOT NULL
);
