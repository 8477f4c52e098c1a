-- Pledge documents (metadata), the pledge index, confirmed links, status history with dated
-- evidence, and successions. The pledge text itself lives in the CRDT document; the pledges
-- table is an index the server rebuilds from it (heading attribute pledgeId = pledges.id), so it
-- has no hash chain of its own. Times are ISO-8601 text in UTC, exactly as the open-data export
-- writes them, so that the embedded twin (embedded/pledges-v1.sql) stores the same strings.
CREATE TABLE pledge_documents (
  document   TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  issuer     TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('COALITION_AGREEMENT', 'ELECTION_PROGRAMME', 'MOTION')),
  period     TEXT NOT NULL,
  source_url TEXT NOT NULL,
  licence    TEXT NOT NULL,
  chapter    TEXT NOT NULL,
  preamble   TEXT NOT NULL DEFAULT '[]'   -- JSON array of paragraphs, refreshed with the index
);

CREATE TABLE pledges (
  id        TEXT PRIMARY KEY,
  document  TEXT NOT NULL REFERENCES pledge_documents (document) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  title     TEXT NOT NULL,
  body      TEXT NOT NULL,
  chapter   TEXT NOT NULL,
  full_text TEXT NOT NULL DEFAULT '[]'    -- JSON array of further paragraphs
);
CREATE INDEX pledges_by_document ON pledges (document, position);

-- No foreign keys to pledges: the index is rebuilt from the CRDT, and a heading removed by one
-- edit and restored by the next must find its links and statuses again.
CREATE TABLE pledge_links (
  id         TEXT PRIMARY KEY,
  a          TEXT NOT NULL,
  b          TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('SAME', 'PARTLY', 'RELATED')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  origin     TEXT NOT NULL CHECK (origin IN ('MANUAL', 'SUGGESTION_CONFIRMED')),
  UNIQUE (a, b),
  CHECK (a <> b)
);

CREATE TABLE pledge_status_changes (
  id         TEXT PRIMARY KEY,
  pledge_id  TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('OFFEN', 'IN_ARBEIT', 'TEILWEISE_UMGESETZT', 'UMGESETZT', 'VERWORFEN')),
  at         TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  note       TEXT NOT NULL,
  UNIQUE (pledge_id, seq)
);

CREATE TABLE pledge_evidence (
  id            TEXT PRIMARY KEY,
  pledge_id     TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  evidence_date TEXT NOT NULL,
  text          TEXT NOT NULL,
  link          TEXT NOT NULL,
  UNIQUE (pledge_id, seq)
);

CREATE TABLE pledge_successions (
  predecessor TEXT NOT NULL,
  successor   TEXT NOT NULL,
  body        TEXT NOT NULL,               -- the Succession record as open-data JSON
  PRIMARY KEY (predecessor, successor)
);
