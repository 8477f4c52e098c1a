-- Pledgepad schema v1: documents, their append-only update log and snapshots.
-- The log is the record of every edit and is never trimmed; snapshots only speed up loading.

CREATE TABLE documents (
  name        text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 128),
  title       text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('coalition-agreement', 'programme', 'motion')),
  stage       text NOT NULL CHECK (stage IN ('draft', 'consultation', 'published', 'archived')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- Sequence number of the newest logged update (0: none yet); rows are appended under a lock
  -- on this row, which keeps seq gap-free per document.
  head_seq    bigint NOT NULL DEFAULT 0,
  -- Hash of the newest logged update (hash chain, see HashChain.java); 32 zero bytes at start.
  head_hash   bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex')
);

CREATE TABLE document_updates (
  document      text NOT NULL REFERENCES documents (name),
  seq           bigint NOT NULL CHECK (seq > 0),
  created_at    timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL,
  connection_id text NOT NULL,
  -- Yjs update, format v1.
  update_v1     bytea NOT NULL,
  hash          bytea NOT NULL,
  PRIMARY KEY (document, seq)
);

CREATE TABLE document_snapshots (
  document    text NOT NULL REFERENCES documents (name),
  -- The snapshot is the state after applying updates 1..seq.
  seq         bigint NOT NULL CHECK (seq >= 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  state_v1    bytea NOT NULL,
  PRIMARY KEY (document, seq)
);
