package org.pledgepad.annotations.model;

import java.time.Instant;

/**
 * One message in a thread: the opening comment (or suggestion rationale) or a reply.
 *
 * @param id           opaque id
 * @param threadId     the thread
 * @param document     document name (denormalised for per-document queries)
 * @param author       who wrote it
 * @param body         plain text / Markdown subset as written (after cleaning); "entfernt" once deleted
 * @param createdAt    creation time
 * @param editedAt     last edit by the author, or null
 * @param deleted      withdrawn by its author or erased: shown as "entfernt", kept for the thread's shape
 * @param moderation   visible, pending approval, or hidden
 * @param hiddenReason moderator's reason when hidden (shown to author and moderators only)
 */
public record Post(String id, String threadId, String document, Author author, String body, Instant createdAt,
    Instant editedAt, boolean deleted, Moderation moderation, String hiddenReason) {
  /** Text that replaces deleted and erased bodies. */
  public static final String REMOVED = "entfernt";

  public Post edited(String newBody, Instant at) {
    return new Post(id, threadId, document, author, newBody, createdAt, at, deleted, moderation, hiddenReason);
  }

  public Post removed() {
    return new Post(id, threadId, document, author, REMOVED, createdAt, editedAt, true, moderation, hiddenReason);
  }

  public Post withModeration(Moderation m, String reason) {
    return new Post(id, threadId, document, author, body, createdAt, editedAt, deleted, m, reason);
  }

  public Post withAuthor(Author a) {
    return new Post(id, threadId, document, a, body, createdAt, editedAt, deleted, moderation, hiddenReason);
  }
}
