package org.pledgepad.annotations.model;

import java.time.Instant;
import org.pledgepad.annotations.anchor.Anchor;

/**
 * A comment thread or a suggestion, anchored to a passage of one document. Its first post
 * ({@code root}) carries the opening comment or the suggester's rationale; replies follow.
 *
 * @param id         opaque id
 * @param document   document name
 * @param kind       comment or suggestion
 * @param anchor     passage positions and quote
 * @param author     who opened the thread
 * @param createdAt  creation time
 * @param status     open or resolved
 * @param locked     a moderator locked it: no replies or edits
 * @param suggestion the proposed change, for suggestion threads; null for comments
 */
public record AnnotationThread(String id, String document, ThreadKind kind, Anchor anchor, Author author,
    Instant createdAt, ThreadStatus status, boolean locked, Suggestion suggestion) {
  public AnnotationThread withStatus(ThreadStatus s) {
    return new AnnotationThread(id, document, kind, anchor, author, createdAt, s, locked, suggestion);
  }

  public AnnotationThread withLocked(boolean l) {
    return new AnnotationThread(id, document, kind, anchor, author, createdAt, status, l, suggestion);
  }

  public AnnotationThread withSuggestion(Suggestion s) {
    return new AnnotationThread(id, document, kind, anchor, author, createdAt, status, locked, s);
  }

  public AnnotationThread withAnchor(Anchor a) {
    return new AnnotationThread(id, document, kind, a, author, createdAt, status, locked, suggestion);
  }

  public AnnotationThread withAuthor(Author a) {
    return new AnnotationThread(id, document, kind, anchor, a, createdAt, status, locked, suggestion);
  }
}
