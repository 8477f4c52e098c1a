-- Pledgepad schema v7: nodes sharing this database learn of each other's commits (issue 9).
-- Every transaction that appends to a document's log sends one notification on the channel
-- pledgepad_updates with the payload '<newest seq>:<document name>'. The listening nodes read
-- the rows after their own head from the log; the payload only says which document to read
-- and how far (NOTIFY payloads are capped at 8000 bytes, and identical ones are merged).
--
-- The trigger is deferred to commit time, where the appending transaction still holds the lock
-- on its document row: every row of one transaction and document then yields the same payload,
-- which PostgreSQL delivers once, however the rows were inserted (one statement or a batch).

CREATE FUNCTION pledgepad_notify_committed_updates() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pledgepad_updates',
    (SELECT max(seq) FROM document_updates WHERE document = NEW.document)::text || ':' || NEW.document);
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER document_updates_notify
  AFTER INSERT ON document_updates
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION pledgepad_notify_committed_updates();
