-- Embedded (SQLite) store, schema version 1: the same tables as schema/V1 for PostgreSQL.
-- Statements are separated by ';' at line ends and applied in one transaction.
CREATE TABLE IF NOT EXISTS documents (
  name        TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  stage       TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  head_seq    INTEGER NOT NULL DEFAULT 0,
  head_hash   BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS document_updates (
  document      TEXT NOT NULL REFERENCES documents (name),
  seq           INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  connection_id TEXT NOT NULL,
  update_v1     BLOB NOT NULL,
  hash          BLOB NOT NULL,
  PRIMARY KEY (document, seq)
);
CREATE TABLE IF NOT EXISTS document_snapshots (
  document    TEXT NOT NULL REFERENCES documents (name),
  seq         INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  state_v1    BLOB NOT NULL,
  PRIMARY KEY (document, seq)
);
