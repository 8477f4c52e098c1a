-- Pledgepad schema v22: the names of deleted documents, kept as hashes.
--
-- Why: an empty draft started by mistake can be deleted (DELETE /api/documents/{name}). Opening
-- a name that does not exist is how an admin creates a document over the socket, so an admin
-- still connected to the deleted draft, or a provider reconnecting to it, would create it again,
-- without an owner. A name listed here is opened by nobody (Authorizer: document-deleted).
-- Only the SHA-256 of the name is kept (base64url, no padding): a draft's name is made from its
-- title, which someone typed, and the deleted draft held nothing else.
CREATE TABLE deleted_documents (
  name_hash  TEXT PRIMARY KEY CHECK (length(name_hash) = 43),
  deleted_ms BIGINT NOT NULL
);
