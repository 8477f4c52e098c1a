-- Embedded (SQLite) twin of schema/V3__annotations.sql, in DATA_DIR/annotations.sqlite (its own
-- file, like pledges.sqlite and access.sqlite: no foreign keys to the documents table of
-- pledgepad.sqlite). Times are epoch milliseconds; creation order is the rowid. Keep in step.
CREATE TABLE IF NOT EXISTS annotation_threads (
  id                TEXT PRIMARY KEY,
  document          TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('comment', 'suggestion')),
  anchor_start      BLOB NOT NULL,
  anchor_end        BLOB NOT NULL,
  quote             TEXT NOT NULL,
  author_id         TEXT,
  author_name       TEXT NOT NULL,
  author_pseudonym  INTEGER NOT NULL,
  created_at        INTEGER NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  locked            INTEGER NOT NULL DEFAULT 0,
  replacement       TEXT,
  suggestion_state  TEXT CHECK (suggestion_state IN ('open', 'accepted', 'rejected', 'withdrawn')),
  decided_by        TEXT,
  decision_reason   TEXT,
  decided_at        INTEGER
);
CREATE INDEX IF NOT EXISTS annotation_threads_document ON annotation_threads (document);
CREATE INDEX IF NOT EXISTS annotation_threads_author ON annotation_threads (author_id);
CREATE TABLE IF NOT EXISTS annotation_posts (
  id               TEXT PRIMARY KEY,
  thread_id        TEXT NOT NULL REFERENCES annotation_threads (id),
  document         TEXT NOT NULL,
  author_id        TEXT,
  author_name      TEXT NOT NULL,
  author_pseudonym INTEGER NOT NULL,
  body             TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  edited_at        INTEGER,
  deleted          INTEGER NOT NULL DEFAULT 0,
  moderation       TEXT NOT NULL CHECK (moderation IN ('visible', 'pending', 'hidden')),
  hidden_reason    TEXT
);
CREATE INDEX IF NOT EXISTS annotation_posts_thread ON annotation_posts (thread_id);
CREATE INDEX IF NOT EXISTS annotation_posts_document ON annotation_posts (document);
CREATE INDEX IF NOT EXISTS annotation_posts_author ON annotation_posts (author_id);
CREATE TABLE IF NOT EXISTS annotation_reports (
  id           TEXT PRIMARY KEY,
  document     TEXT NOT NULL,
  post_id      TEXT NOT NULL,
  reporter_id  TEXT,
  reason       TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  open         INTEGER NOT NULL,
  closed_by    TEXT,
  closed_at    INTEGER,
  close_note   TEXT
);
CREATE INDEX IF NOT EXISTS annotation_reports_document ON annotation_reports (document);
CREATE INDEX IF NOT EXISTS annotation_reports_post ON annotation_reports (post_id);
CREATE INDEX IF NOT EXISTS annotation_reports_reporter ON annotation_reports (reporter_id);
CREATE TABLE IF NOT EXISTS moderation_audit (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  document   TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('hide', 'restore', 'approve', 'lock', 'unlock',
               'dismiss-report', 'premoderation-on', 'premoderation-off')),
  target_id  TEXT NOT NULL,
  reason     TEXT NOT NULL,
  at         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS moderation_audit_document ON moderation_audit (document, seq);
CREATE TABLE IF NOT EXISTS annotation_settings (
  document      TEXT PRIMARY KEY,
  premoderated  INTEGER NOT NULL DEFAULT 0
);
