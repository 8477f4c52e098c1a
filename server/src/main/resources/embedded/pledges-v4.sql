-- Embedded twin of schema/V21__pledge_id_owners.sql: a pledge id belongs for good to the
-- document that first indexed it.
CREATE TABLE IF NOT EXISTS pledge_id_owners (
  id        TEXT PRIMARY KEY,
  document  TEXT NOT NULL REFERENCES pledge_documents (document) ON DELETE CASCADE
);

INSERT OR IGNORE INTO pledge_id_owners (id, document) SELECT id, document FROM pledges;
