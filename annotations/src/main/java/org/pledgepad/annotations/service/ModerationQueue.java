package org.pledgepad.annotations.service;

import java.util.List;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;

/**
 * What waits for a document's moderators: open reports (with the reported posts) and posts held
 * back by pre-moderation, oldest first.
 */
public record ModerationQueue(List<ReportedPost> reports, List<Post> pending) {
  public record ReportedPost(Report report, Post post) {}
}
