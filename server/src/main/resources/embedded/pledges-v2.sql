-- Embedded twin of schema/V12__pledge_succession_log.sql (same columns, same SQL).
CREATE TABLE IF NOT EXISTS pledge_succession_log (
  successor   TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  predecessor TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('DECLARED', 'DECIDED', 'DELETED')),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  body        TEXT NOT NULL,
  PRIMARY KEY (successor, seq)
);
