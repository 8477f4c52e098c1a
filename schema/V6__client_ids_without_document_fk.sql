-- A clientID is bound to its user when the connection's first update is admitted, which can be
-- before that update's transaction has created the document row (a document's first edits).
-- The foreign key made those bindings fail under load and with them the whole commit batch, so
-- the binding table refers to the document by name only, like the update log's readers do.
ALTER TABLE client_ids DROP CONSTRAINT IF EXISTS client_ids_document_fkey;
