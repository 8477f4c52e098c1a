-- Embedded (SQLite) twin of schema/V4__pledges.sql, in DATA_DIR/pledges.sqlite (its own file:
-- pledgepad.sqlite and access.sqlite keep their own schema versions). Keep the two in step.
CREATE TABLE IF NOT EXISTS pledge_documents (
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

CREATE TABLE IF NOT EXISTS pledges (
  id        TEXT PRIMARY KEY,
  document  TEXT NOT NULL REFERENCES pledge_documents (document) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  title     TEXT NOT NULL,
  body      TEXT NOT NULL,
  chapter   TEXT NOT NULL,
  full_text TEXT NOT NULL DEFAULT '[]'    -- JSON array of further paragraphs
);
CREATE INDEX IF NOT EXISTS pledges_by_document ON pledges (document, position);

-- No foreign keys to pledges: the index is rebuilt from the CRDT, and a heading removed by one
-- edit and restored by the next must find its links and statuses again.
CREATE TABLE IF NOT EXISTS pledge_links (
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

CREATE TABLE IF NOT EXISTS pledge_status_changes (
  id         TEXT PRIMARY KEY,
  pledge_id  TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('OFFEN', 'IN_ARBEIT', 'TEILWEISE_UMGESETZT', 'UMGESETZT', 'VERWORFEN')),
  at         TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  note       TEXT NOT NULL,
  UNIQUE (pledge_id, seq)
);

CREATE TABLE IF NOT EXISTS pledge_evidence (
  id            TEXT PRIMARY KEY,
  pledge_id     TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  evidence_date TEXT NOT NULL,
  text          TEXT NOT NULL,
  link          TEXT NOT NULL,
  UNIQUE (pledge_id, seq)
);

CREATE TABLE IF NOT EXISTS pledge_successions (
  predecessor TEXT NOT NULL,
  successor   TEXT NOT NULL,
  body        TEXT NOT NULL,               -- the Succession record as open-data JSON
  PRIMARY KEY (predecessor, successor)
);
