-- Pledgepad schema v20: the access-token revocation list (review 2026-11-30, accounts and access
-- item 8). A token whose jti is listed is refused by every node from its next access refresh
-- (every 2 s) on, and the connections opened with it are closed. Times are epoch milliseconds,
-- as in the embedded twin (resources/embedded/access-v1.sql). expires_ms is the token's exp
-- (for a jti revoked without its token: the latest exp a token valid then can have); rows are
-- deleted some minutes after it, when no node would accept the token anyway. revoked_by is the
-- admin's subject or operator:NAME for the command line. Written by server/.../access
-- (SqlTokenRevocations).
CREATE TABLE token_revocations (
  jti        text PRIMARY KEY CHECK (jti ~ '^[A-Za-z0-9_-]{1,128}$'),
  expires_ms bigint NOT NULL,
  revoked_ms bigint NOT NULL,
  revoked_by text NOT NULL
);
CREATE INDEX token_revocations_expires ON token_revocations (expires_ms);
