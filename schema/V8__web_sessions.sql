-- Pledgepad schema v8: browser sign-in sessions, kept across restarts. Only the SHA-256 of the
-- random session id is stored (the raw id lives in the HttpOnly cookie alone), so a copy of
-- this table cannot be replayed as cookies. Times are epoch milliseconds, as in the embedded
-- twin (resources/embedded/access-v1.sql). Written by server/.../access (SqlSessionStore).
CREATE TABLE web_sessions (
  id_hash      text PRIMARY KEY CHECK (length(id_hash) = 43),
  subject      text NOT NULL,
  created_ms   bigint NOT NULL,
  last_seen_ms bigint NOT NULL,
  -- absolute end; the idle end is last_seen_ms + the server's idle timeout
  expires_ms   bigint NOT NULL
);
CREATE INDEX web_sessions_subject ON web_sessions (subject);
