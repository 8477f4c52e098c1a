package org.pledgepad.annotations.service;

import java.util.List;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;

/**
 * What a document's moderators work on, oldest first: open reports (with the reported posts),
 * posts held back by pre-moderation, posts that are hidden now (to be restored), and posts that
 * were restored recently. Each reported, hidden or restored post comes with its decision history
 * from the audit log (hide, restore, approve of the post; dismissal of its reports): who decided
 * what, when and why — a restore never erases the hide it reverses.
 */
public record ModerationQueue(List<ReportedPost> reports, List<Post> pending, List<Case> hidden, List<Case> restored) {
  /** An open report, its post, and what moderators decided about that post so far. */
  public record ReportedPost(Report report, Post post, List<AuditEntry> history) {}

  /** A post moderators acted on, with every report about it (open or closed) and the decisions. */
  public record Case(Post post, List<Report> reports, List<AuditEntry> history) {}
}
