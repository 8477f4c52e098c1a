-- Embedded (SQLite) twin of schema/V2__accounts_and_access.sql, in DATA_DIR/access.sqlite.
-- Booleans are 0/1; no foreign key to documents (they live in pledgepad.sqlite).
CREATE TABLE IF NOT EXISTS users (
  id                   TEXT PRIMARY KEY,
  login                TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  pseudonym            INTEGER NOT NULL DEFAULT 0,
  role                 TEXT NOT NULL CHECK (role IN ('GUEST', 'CITIZEN', 'COUNCILLOR', 'MODERATOR', 'ADMIN')),
  disabled             INTEGER NOT NULL DEFAULT 0,
  password_hash        TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE IF NOT EXISTS bodies (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS user_bodies (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body_id TEXT NOT NULL,
  PRIMARY KEY (user_id, body_id)
);
CREATE TABLE IF NOT EXISTS document_access (
  document   TEXT PRIMARY KEY,
  owner_body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_members (
  document TEXT NOT NULL,
  subject  TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('editor', 'commenter')),
  PRIMARY KEY (document, subject, relation)
);
CREATE TABLE IF NOT EXISTS client_ids (
  document   TEXT NOT NULL,
  client_id  INTEGER NOT NULL CHECK (client_id >= 0),
  actor      TEXT NOT NULL,
  first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (document, client_id)
);
-- Twin of schema/V8__web_sessions.sql (only the hash of each session id is stored).
CREATE TABLE IF NOT EXISTS web_sessions (
  id_hash      TEXT PRIMARY KEY CHECK (length(id_hash) = 43),
  subject      TEXT NOT NULL,
  created_ms   INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  expires_ms   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS web_sessions_subject ON web_sessions (subject);
-- Twin of schema/V20__token_revocations.sql (the jti's syntax is checked by the application).
CREATE TABLE IF NOT EXISTS token_revocations (
  jti        TEXT PRIMARY KEY CHECK (length(jti) BETWEEN 1 AND 128),
  expires_ms INTEGER NOT NULL,
  revoked_ms INTEGER NOT NULL,
  revoked_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS token_revocations_expires ON token_revocations (expires_ms);
-- Twin of schema/V22__deleted_documents.sql.
CREATE TABLE IF NOT EXISTS deleted_documents (
  name_hash  TEXT PRIMARY KEY CHECK (length(name_hash) = 43),
  deleted_ms INTEGER NOT NULL
);
