-- Pledgepad schema v16: the signed erasure log (history/README.md, "The chain" and "Erasure policy").
-- A log row without its salt counts as erased only if a record here lists it: one record per
-- erasure run of a document, written before the rows are redacted, chained per document (prev)
-- and signed with the server's checkpoint key. No person is named; the rows carry the actor.
-- entries: per erased row its seq (8 bytes, big-endian) followed by the 32-byte digest of the
-- stand-in the row keeps. backfilled: written by the server's one-time backfill for rows erased
-- before this table existed, not by the erasure itself.
CREATE TABLE erasure_records (
  document   text NOT NULL REFERENCES documents (name),
  idx        bigint NOT NULL CHECK (idx > 0),
  prev       bytea NOT NULL,
  time_ms    bigint NOT NULL,
  key_id     text NOT NULL,
  backfilled boolean NOT NULL,
  entries    bytea NOT NULL,
  signature  bytea NOT NULL,
  PRIMARY KEY (document, idx)
);
