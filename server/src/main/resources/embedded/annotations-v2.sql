-- Twin of schema/V13: comment threads about a target other than a passage (a pledge's status entry).
ALTER TABLE annotation_threads ADD COLUMN target text;
CREATE INDEX annotation_threads_target ON annotation_threads (document, target) WHERE target IS NOT NULL;
