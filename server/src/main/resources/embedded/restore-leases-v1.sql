-- Embedded (SQLite) store, schema version 5: the restore leases of schema/V18 (see there). The
-- embedded store serves one node, whose own gate already serialises restores; the table is here
-- so that both stores take the same turn through the same code.
CREATE TABLE IF NOT EXISTS restore_leases (
  document   TEXT PRIMARY KEY,
  owner      TEXT NOT NULL,
  expires_ms INTEGER NOT NULL
);
