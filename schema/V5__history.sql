-- Pledgepad schema v5: the auditable history (history/README.md, "What the store persists").
-- Rows are now chained over a salted commitment instead of the raw update, so an erased row
-- (salt and update dropped) still verifies. created_at is written by the server from the exact
-- epoch milliseconds that are hashed. Rows logged before v5 have no commitment and do not
-- verify under the new chain; the verifier reports the first of them.

ALTER TABLE document_updates
  ADD COLUMN salt       bytea,
  ADD COLUMN commitment bytea,
  ADD COLUMN erased_at  timestamptz,
  ALTER COLUMN update_v1 DROP NOT NULL;

-- Signed checkpoints of a document's head (Ed25519, see history/README.md).
CREATE TABLE document_checkpoints (
  document   text NOT NULL REFERENCES documents (name),
  seq        bigint NOT NULL CHECK (seq > 0),
  head       bytea NOT NULL,
  time_ms    bigint NOT NULL,
  key_id     text NOT NULL,
  signature  bytea NOT NULL,
  PRIMARY KEY (document, seq, key_id)
);

CREATE TABLE named_versions (
  document   text NOT NULL REFERENCES documents (name),
  seq        bigint NOT NULL CHECK (seq >= 0),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  creator    text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document, seq, name)
);

-- seq: the log row holding the restore update; restored_seq: the version it brought back.
CREATE TABLE restore_points (
  document     text NOT NULL REFERENCES documents (name),
  seq          bigint NOT NULL,
  restored_seq bigint NOT NULL,
  actor        text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document, seq)
);
