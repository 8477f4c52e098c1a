-- Twin of schema/V19: a view reads the audit entries of the posts it shows (their last restore),
-- not the document's whole log.
CREATE INDEX IF NOT EXISTS moderation_audit_target ON moderation_audit (target_id);
