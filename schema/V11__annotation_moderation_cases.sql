-- The moderators' queue also lists hidden posts (to restore them) and every report about a post
-- (open or closed: a case's history). Both were scans without these indexes.
CREATE INDEX annotation_posts_hidden ON annotation_posts (document, seq) WHERE moderation = 'hidden' AND NOT deleted;
CREATE INDEX annotation_reports_post_all ON annotation_reports (post_id, seq);
