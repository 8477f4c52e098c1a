-- Comment threads about something of a document other than a passage of its text (first: an
-- entry of a pledge's status history, "pledge-status/<pledge id>/<entry index>"). NULL for the
-- threads anchored to a passage. Such threads keep an empty anchor and are listed by target.
-- Embedded twin: server/src/main/resources/embedded/annotations-v2.sql.
ALTER TABLE annotation_threads ADD COLUMN target text;
CREATE INDEX annotation_threads_target ON annotation_threads (document, target) WHERE target IS NOT NULL;
