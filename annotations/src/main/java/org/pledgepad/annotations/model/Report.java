package org.pledgepad.annotations.model;

import java.time.Instant;

/**
 * A signed-in reader's report that a post breaks the rules; it waits in the moderators' queue
 * until a moderator acts on the post or dismisses the report.
 *
 * @param reporterId subject of the reporter; null after erasure
 * @param closedBy   moderator who closed it; null while open
 * @param closeNote  what was done ("hidden", "dismissed: …")
 */
public record Report(String id, String document, String postId, String reporterId, String reason,
    Instant createdAt, boolean open, String closedBy, Instant closedAt, String closeNote) {
  public Report closed(String by, Instant at, String note) {
    return new Report(id, document, postId, reporterId, reason, createdAt, false, by, at, note);
  }

  public Report erased() {
    return new Report(id, document, postId, null, Post.REMOVED, createdAt, open, closedBy, closedAt, closeNote);
  }
}
