-- Pledgepad schema v21: a pledge id belongs for good to the document that first indexed it
-- (review 2026-11-30, pledges item 1, the open part).
--
-- Why: pledges.id is the primary key across all documents, and a heading copied from document Y
-- into X keeps its pledgeId attribute. While Y's heading stood, the index insert of X left the id
-- with Y. Once Y's heading was deleted, the next refresh of X took the id, and with it Y's links
-- and status track: X's copy showed Y's promise history in the public comparison and open data.
-- An id now has an owner that outlives its heading: a refresh claims the ids no document owns
-- and indexes only the ids its document owns. A heading restored in Y finds its links again; a
-- copy elsewhere stays a plain heading.
--
-- Existing databases: every indexed id is owned by its document. Ids only named by links or
-- status tracks (their heading deleted before this version) have no owner; the next document
-- to index one claims it, as before.

CREATE TABLE pledge_id_owners (
  id        TEXT PRIMARY KEY,
  document  TEXT NOT NULL REFERENCES pledge_documents (document) ON DELETE CASCADE
);

INSERT INTO pledge_id_owners (id, document) SELECT id, document FROM pledges;
