-- A thread view reads the audit entries naming the posts it shows (when each was last restored),
-- no longer the document's whole audit log: looked up by target.
CREATE INDEX moderation_audit_target ON moderation_audit (target_id);
