-- Pledgepad schema v12: the audit log of successions. Declaring a succession, deciding a pledge's
-- fate and deleting a succession change the public record of what was promised, so each is kept
-- with who did it and when; a deleted succession keeps its last body here. Times are ISO-8601 text
-- in UTC as in V4; the embedded twin is resources/embedded/pledges-v2.sql. Written by
-- server/.../pledges (PledgeStore).
CREATE TABLE pledge_succession_log (
  successor   TEXT NOT NULL,
  seq         INTEGER NOT NULL,             -- 1, 2, … per successor
  predecessor TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('DECLARED', 'DECIDED', 'DELETED')),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  body        TEXT NOT NULL,                -- the succession after the action (before it, for DELETED)
  PRIMARY KEY (successor, seq)
);
