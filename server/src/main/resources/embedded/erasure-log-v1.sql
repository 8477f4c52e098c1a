-- Embedded (SQLite) store, schema version 4: the signed erasure log of schema/V16 (see there
-- for the columns). backfilled is 0 or 1.
CREATE TABLE IF NOT EXISTS erasure_records (
  document   TEXT NOT NULL REFERENCES documents (name),
  idx        INTEGER NOT NULL CHECK (idx > 0),
  prev       BLOB NOT NULL,
  time_ms    INTEGER NOT NULL,
  key_id     TEXT NOT NULL,
  backfilled INTEGER NOT NULL,
  entries    BLOB NOT NULL,
  signature  BLOB NOT NULL,
  PRIMARY KEY (document, idx)
);
