-- Annotations: anchored comment and suggestion threads, their posts, reports, the moderation
-- audit log and the per-document pre-moderation switch (module annotations/, server package
-- org.pledgepad.server.annotations). Embedded twin: server/src/main/resources/embedded/annotations-v1.sql.
-- Reports carry no foreign key to posts: a report names the post it was about even if that
-- post row is ever removed by an operator, and erasure never deletes rows (it blanks them).

CREATE TABLE annotation_threads (
  id                text PRIMARY KEY,
  document          text NOT NULL REFERENCES documents (name),
  seq               bigserial,                 -- creation order
  kind              text NOT NULL CHECK (kind IN ('comment', 'suggestion')),
  anchor_start      bytea NOT NULL,            -- encoded Yjs relative position
  anchor_end        bytea NOT NULL,
  quote             text NOT NULL,
  author_id         text,                      -- NULL after erasure
  author_name       text NOT NULL,
  author_pseudonym  boolean NOT NULL,
  created_at        timestamptz NOT NULL,
  status            text NOT NULL CHECK (status IN ('open', 'resolved')),
  locked            boolean NOT NULL DEFAULT false,
  replacement       text,                      -- suggestion columns, NULL for comments
  suggestion_state  text CHECK (suggestion_state IN ('open', 'accepted', 'rejected', 'withdrawn')),
  decided_by        text,
  decision_reason   text,
  decided_at        timestamptz
);
CREATE INDEX annotation_threads_document ON annotation_threads (document, seq);
CREATE INDEX annotation_threads_author ON annotation_threads (author_id);

CREATE TABLE annotation_posts (
  id               text PRIMARY KEY,
  thread_id        text NOT NULL REFERENCES annotation_threads (id),
  document         text NOT NULL REFERENCES documents (name),
  seq              bigserial,                  -- creation order (posts of a thread oldest first)
  author_id        text,                       -- NULL after erasure
  author_name      text NOT NULL,
  author_pseudonym boolean NOT NULL,
  body             text NOT NULL,
  created_at       timestamptz NOT NULL,
  edited_at        timestamptz,
  deleted          boolean NOT NULL DEFAULT false,
  moderation       text NOT NULL CHECK (moderation IN ('visible', 'pending', 'hidden')),
  hidden_reason    text
);
CREATE INDEX annotation_posts_thread ON annotation_posts (thread_id, seq);
CREATE INDEX annotation_posts_document ON annotation_posts (document, seq);
CREATE INDEX annotation_posts_pending ON annotation_posts (document, seq) WHERE moderation = 'pending' AND NOT deleted;
CREATE INDEX annotation_posts_author ON annotation_posts (author_id);

CREATE TABLE annotation_reports (
  id           text PRIMARY KEY,
  document     text NOT NULL REFERENCES documents (name),
  post_id      text NOT NULL,
  seq          bigserial,
  reporter_id  text,                           -- NULL after erasure
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL,
  open         boolean NOT NULL,
  closed_by    text,
  closed_at    timestamptz,
  close_note   text
);
CREATE INDEX annotation_reports_open ON annotation_reports (document, seq) WHERE open;
CREATE INDEX annotation_reports_post ON annotation_reports (post_id) WHERE open;
CREATE INDEX annotation_reports_reporter ON annotation_reports (reporter_id);

CREATE TABLE moderation_audit (               -- append-only: the server never updates or deletes
  seq        bigserial PRIMARY KEY,
  document   text NOT NULL REFERENCES documents (name),
  actor_id   text NOT NULL,
  action     text NOT NULL CHECK (action IN ('hide', 'restore', 'approve', 'lock', 'unlock',
               'dismiss-report', 'premoderation-on', 'premoderation-off')),
  target_id  text NOT NULL,
  reason     text NOT NULL,
  at         timestamptz NOT NULL
);
CREATE INDEX moderation_audit_document ON moderation_audit (document, seq);

CREATE TABLE annotation_settings (
  document      text PRIMARY KEY REFERENCES documents (name),
  premoderated  boolean NOT NULL DEFAULT false
);
