package org.pledgepad.annotations.repo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;

/**
 * Storage of threads, posts, reports, the moderation audit log and per-document settings. The
 * services hold all rules; an implementation only stores and finds. Synchronous: the server
 * implements it over SQL and calls the services off the event loop (see README.md).
 *
 * <p>Lists come in creation order (posts of a thread: oldest first). {@code insert*} of an
 * existing id and {@code update*} of a missing id throw {@link IllegalStateException}.
 */
public interface AnnotationRepository {
  void insertThread(AnnotationThread thread);

  /**
   * Stores a new thread together with its opening post: both or neither. A thread without posts
   * would count as readable by everyone (its pending opening post is what hides it).
   */
  default void insertThreadWithPost(AnnotationThread thread, Post opening) {
    insertThreadWithPost(thread, opening, Admission.ALWAYS);
  }

  /**
   * As {@link #insertThreadWithPost(AnnotationThread, Post)}, after {@code admission} passed in the
   * same transaction. Openings of threads in the same document, and inserts by the opening post's
   * author, wait for each other there — across server nodes too — so the counts the admission reads
   * stay true until the thread is stored.
   */
  void insertThreadWithPost(AnnotationThread thread, Post opening, Admission admission);

  void updateThread(AnnotationThread thread);

  /**
   * As {@link #updateThread(AnnotationThread)}, after {@code admission} passed in the same
   * transaction: for a change that can raise a counted quantity (a thread opened again counts
   * toward its author's open threads). It waits, and is waited for, like
   * {@link #insertThreadWithPost(AnnotationThread, Post, Admission)} in the thread's document and
   * for the thread's author.
   */
  void updateThread(AnnotationThread thread, Admission admission);

  /**
   * Stores {@code changed} only if the stored thread's status, suggestion state, replacement,
   * passage (anchor and quote) and decision time are still those of {@code read}, the copy the
   * caller decided on. The per-document queue orders writes within one server process only; with
   * several nodes this is what lets one suggestion be decided once. The decision time tells a
   * suggestion decided again apart from the decision that was read (reopened and accepted anew
   * by the time {@code AcceptReconciler} writes).
   *
   * @return false if another writer changed the state first (or the thread is gone)
   */
  boolean updateThreadIf(AnnotationThread read, AnnotationThread changed);

  Optional<AnnotationThread> thread(String id);

  List<AnnotationThread> threads(String document);

  /**
   * Threads of a document that take room: those whose opening post is neither deleted nor hidden
   * (a thread without posts counts). A deleted or hidden flood does not keep the document full.
   */
  int countThreads(String document);

  /**
   * Up to {@code limit} threads on the document's text (no target), in creation order, after the
   * thread {@code afterId} (null: from the first). Keyset paging: threads opened meanwhile are
   * appended, none is skipped or repeated. {@code afterId} must name a thread of the document.
   */
  default List<AnnotationThread> threadsAfter(String document, String afterId, int limit) {
    return threadsAfter(document, null, afterId, limit);
  }

  /**
   * As {@link #threadsAfter(String, String, int)}, for the threads about {@code target} (null: the
   * threads on the text); {@code afterId} must name a thread of that list.
   */
  List<AnnotationThread> threadsAfter(String document, String target, String afterId, int limit);

  /**
   * Up to {@code limit} posts of a thread, oldest first, after the post {@code afterId} (null: from
   * the opening post) — keyset paging as above; {@code afterId} must name a post of the thread.
   */
  List<Post> postsAfter(String threadId, String afterId, int limit);

  /** Of each named thread its first {@code perThread} posts, oldest first (a list page's posts). */
  List<Post> firstPosts(List<String> threadIds, int perThread);

  /** Posts of a thread neither deleted nor hidden. */
  int countLivePosts(String threadId);

  /**
   * Open threads of {@code subject} in {@code document} whose opening post is not deleted
   * (hidden ones count: a moderator's hide must not give a flooder room back).
   */
  int countOpenThreadsBy(String document, String subject);

  /** Posts of {@code subject} in a thread, not deleted. */
  int countPostsBy(String threadId, String subject);

  /** Posts of {@code subject} awaiting approval (not deleted), in every document. */
  int countPendingBy(String subject);

  void insertPost(Post post);

  /**
   * Stores {@code post} after {@code admission} passed, in one transaction. Inserts into the same
   * thread, and inserts by the same author, wait for each other there (across server nodes too),
   * so a quota counted by the admission holds: no two writers both take its last place.
   */
  void insertPost(Post post, Admission admission);

  void updatePost(Post post);

  /**
   * As {@link #updatePost(Post)}, after {@code admission} passed in the same transaction: for a
   * change that can raise a counted quantity (an edit that sends the post back to the moderators,
   * a hidden post shown again). It waits, and is waited for, like the inserts into the post's
   * document, its thread and by its author, since such a change can count toward each of them.
   */
  void updatePost(Post post, Admission admission);

  Optional<Post> post(String id);

  /** Posts of one thread, oldest first; the first is the thread's opening post. */
  List<Post> posts(String threadId);

  /** All posts of a document, oldest first (one query for listing every thread). */
  List<Post> postsOfDocument(String document);

  /** Posts of a document waiting for approval, oldest first. */
  List<Post> pendingPosts(String document);

  /** Posts of a document hidden by moderators (not deleted), oldest first. */
  List<Post> hiddenPosts(String document);

  void insertReport(Report report);

  void updateReport(Report report);

  Optional<Report> report(String id);

  /** Open reports of a document, oldest first. */
  List<Report> openReports(String document);

  /** Open reports about one post. */
  List<Report> openReportsOn(String postId);

  /** Every report about one post, open or closed, oldest first (a moderation case's history). */
  List<Report> reportsOn(String postId);

  /** Appends to the audit log; returns the entry with its sequence number. Never updated or deleted. */
  AuditEntry appendAudit(AuditEntry entry);

  List<AuditEntry> audit(String document);

  /**
   * The document's audit entries naming one of {@code targetIds} (posts, reports, threads), in log
   * order: what one view needs, without reading the whole log (indexed by target).
   */
  List<AuditEntry> auditOf(String document, Collection<String> targetIds);

  boolean premoderated(String document);

  void setPremoderated(String document, boolean on);

  /** Everything one person wrote or reported (for export and erasure). */
  List<AnnotationThread> threadsByAuthor(String subject);

  /**
   * Suggestions in state accepted decided at or after {@code from} and before {@code before},
   * across documents (for {@code AcceptReconciler}).
   */
  List<AnnotationThread> acceptedSuggestions(Instant from, Instant before);

  List<Post> postsByAuthor(String subject);

  List<Report> reportsBy(String subject);
}
