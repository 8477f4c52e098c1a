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
 * @param target     null for threads on a passage; otherwise what else of the document the comment
 *                   is about (e.g. a pledge's status entry, see {@link ThreadTargets}); such threads
 *                   carry an empty anchor and are listed only with their target
 */
public record AnnotationThread(String id, String document, ThreadKind kind, Anchor anchor, Author author,
    Instant createdAt, ThreadStatus status, boolean locked, Suggestion suggestion, String target) {
  /** A thread on a passage of the text. */
  public AnnotationThread(String id, String document, ThreadKind kind, Anchor anchor, Author author,
      Instant createdAt, ThreadStatus status, boolean locked, Suggestion suggestion) {
    this(id, document, kind, anchor, author, createdAt, status, locked, suggestion, null);
  }

  public boolean onPassage() {
    return target == null;
  }

  public AnnotationThread withStatus(ThreadStatus s) {
    return new AnnotationThread(id, document, kind, anchor, author, createdAt, s, locked, suggestion, target);
  }

  public AnnotationThread withLocked(boolean l) {
    return new AnnotationThread(id, document, kind, anchor, author, createdAt, status, l, suggestion, target);
  }

  public AnnotationThread withSuggestion(Suggestion s) {
    return new AnnotationThread(id, document, kind, anchor, author, createdAt, status, locked, s, target);
  }

  public AnnotationThread withAnchor(Anchor a) {
    return new AnnotationThread(id, document, kind, a, author, createdAt, status, locked, suggestion, target);
  }

  public AnnotationThread withAuthor(Author a) {
    return new AnnotationThread(id, document, kind, anchor, a, createdAt, status, locked, suggestion, target);
  }
}
