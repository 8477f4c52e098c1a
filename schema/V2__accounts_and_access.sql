-- Pledgepad schema v2: local accounts, council bodies, per-document access and the owners of
-- Yjs clientIDs. Read by server/.../access (AccessDb); the embedded store keeps the same tables
-- in DATA_DIR/access.sqlite (resources/embedded/access-v1.sql).

CREATE TABLE users (
  id                   text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
  login                text NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
  display_name         text NOT NULL,
  pseudonym            boolean NOT NULL DEFAULT false,
  role                 text NOT NULL CHECK (role IN ('GUEST', 'CITIZEN', 'COUNCILLOR', 'MODERATOR', 'ADMIN')),
  disabled             boolean NOT NULL DEFAULT false,
  -- Argon2id PHC string; null for accounts that sign in through OIDC only.
  password_hash        text,
  must_change_password boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now()
);

-- Council groups and committees (slug + display name). Memberships may name a body before it
-- is described here (the operator CLI accepts any valid slug).
CREATE TABLE bodies (
  id   text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  name text NOT NULL
);

CREATE TABLE user_bodies (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body_id text NOT NULL,
  PRIMARY KEY (user_id, body_id)
);

-- Who owns a document; its stage stays in documents.stage.
CREATE TABLE document_access (
  document   text PRIMARY KEY REFERENCES documents (name),
  owner_body text NOT NULL
);

-- Subjects invited to a document: editors write like members, commenters comment on drafts.
CREATE TABLE document_members (
  document text NOT NULL REFERENCES documents (name),
  subject  text NOT NULL,
  relation text NOT NULL CHECK (relation IN ('editor', 'commenter')),
  PRIMARY KEY (document, subject, relation)
);

-- Which user created each Yjs clientID of a document (ClientIdRegistry), kept across loads.
CREATE TABLE client_ids (
  document   text NOT NULL REFERENCES documents (name),
  client_id  bigint NOT NULL CHECK (client_id >= 0),
  actor      text NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document, client_id)
);
