-- Embedded (SQLite) store, schema version 2: the history columns and tables of schema/V5.
-- SQLite cannot drop NOT NULL from a column, so document_updates is rebuilt. Applied in the
-- same transaction as the version bump.
CREATE TABLE document_updates_v2 (
  document      TEXT NOT NULL REFERENCES documents (name),
  seq           INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  connection_id TEXT NOT NULL,
  update_v1     BLOB,
  hash          BLOB NOT NULL,
  salt          BLOB,
  commitment    BLOB,
  erased_at     INTEGER,
  PRIMARY KEY (document, seq)
);
INSERT INTO document_updates_v2 (document, seq, created_at, actor, connection_id, update_v1, hash)
  SELECT document, seq, created_at, actor, connection_id, update_v1, hash FROM document_updates;
DROP TABLE document_updates;
ALTER TABLE document_updates_v2 RENAME TO document_updates;
CREATE TABLE IF NOT EXISTS document_checkpoints (
  document   TEXT NOT NULL REFERENCES documents (name),
  seq        INTEGER NOT NULL,
  head       BLOB NOT NULL,
  time_ms    INTEGER NOT NULL,
  key_id     TEXT NOT NULL,
  signature  BLOB NOT NULL,
  PRIMARY KEY (document, seq, key_id)
);
CREATE TABLE IF NOT EXISTS named_versions (
  document   TEXT NOT NULL REFERENCES documents (name),
  seq        INTEGER NOT NULL,
  name       TEXT NOT NULL,
  creator    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (document, seq, name)
);
CREATE TABLE IF NOT EXISTS restore_points (
  document     TEXT NOT NULL REFERENCES documents (name),
  seq          INTEGER NOT NULL,
  restored_seq INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (document, seq)
);
