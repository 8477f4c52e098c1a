package org.pledgepad.annotations.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.anchor.Resolution;
import org.pledgepad.annotations.limit.Limits;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.Author;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.ModerationAction;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Suggestion;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.render.BodyRenderer;
import org.pledgepad.annotations.render.DisplayNames;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.crdt.Doc;

/**
 * The threads of a document as one viewer may see them, as JSON-ready maps for the REST API.
 * This is where visibility is decided: pending posts exist only for their author and the
 * moderators, hidden posts read "ausgeblendet" for everyone else, deleted ones "entfernt".
 * Bodies leave only as HTML rendered by {@link BodyRenderer} (escaped); names and quotes are
 * plain text that clients must insert as text, never as markup.
 */
public final class ThreadViews {
  /** Shown instead of a hidden post to people other than its author and the moderators. */
  public static final String HIDDEN_TEXT = "ausgeblendet";

  private final AnnotationContext ctx;

  public ThreadViews(AnnotationContext ctx) {
    this.ctx = ctx;
  }

  /**
   * All threads of the document visible to {@code p}, oldest first, anchors resolved against
   * {@code doc} (the current state; null leaves anchors unresolved).
   */
  public List<Map<String, Object>> list(Principal p, DocumentAccess a, Doc doc) {
    return visible(p, a, doc, null);
  }

  /**
   * The threads about {@code target} (see {@link org.pledgepad.annotations.model.ThreadTargets})
   * visible to {@code p}, oldest first. They never appear in {@link #list}: they are not on the text.
   */
  public List<Map<String, Object>> listTarget(Principal p, DocumentAccess a, String target) {
    if (target == null) {
      throw new AnnotationException(Problem.INVALID, "target is malformed");
    }
    return visible(p, a, null, target);
  }

  private List<Map<String, Object>> visible(Principal p, DocumentAccess a, Doc doc, String target) {
    ctx.require(p, a, Operation.READ);
    // Threads before posts: the server runs reads beside the writes, and a thread is stored with
    // its opening post in one transaction, so every thread listed here finds that post below.
    // (Posts first, a thread opened in between would come without posts: visible to everyone.)
    List<AnnotationThread> threads = ctx.repo.threads(a.document()).stream()
        .filter(t -> java.util.Objects.equals(t.target(), target)).toList();
    return views(p, a, doc, threads, ctx.repo.postsOfDocument(a.document()), Integer.MAX_VALUE);
  }

  /**
   * One page of the threads on the document's text, oldest first: up to {@code limit} (1 to
   * {@link Limits#MAX_PAGE_THREADS}) threads after the one {@code cursor} names (null: from the
   * first), each with its first {@link Limits#POSTS_PER_THREAD_IN_LIST} posts and
   * {@code morePosts: true} when it has more ({@link #thread} has them all). A malformed cursor,
   * one naming no thread of this list, or a limit out of range is {@link Problem#INVALID}.
   */
  public ThreadPage page(Principal p, DocumentAccess a, Doc doc, String cursor, int limit) {
    return page(p, a, doc, null, cursor, limit);
  }

  /**
   * One page of the threads about {@code target} (a pledge's status entry), as {@link #page}:
   * the same limits, cursor and {@code morePosts}. A cursor of another list is {@link Problem#INVALID}.
   */
  public ThreadPage pageTarget(Principal p, DocumentAccess a, String target, String cursor, int limit) {
    if (target == null) {
      throw new AnnotationException(Problem.INVALID, "target is malformed");
    }
    return page(p, a, null, target, cursor, limit);
  }

  private ThreadPage page(Principal p, DocumentAccess a, Doc doc, String target, String cursor, int limit) {
    ctx.require(p, a, Operation.READ);
    if (limit < 1 || limit > Limits.MAX_PAGE_THREADS) {
      throw new AnnotationException(Problem.INVALID, "limit must be 1 to " + Limits.MAX_PAGE_THREADS);
    }
    String after = null;
    if (cursor != null) {
      after = ListCursor.decode(cursor);
      boolean listed = ctx.repo.thread(after)
          .filter(t -> t.document().equals(a.document()) && java.util.Objects.equals(t.target(), target)).isPresent();
      if (!listed) {
        throw ListCursor.invalid();
      }
    }
    // One more than asked for tells whether a next page exists. Threads before posts (see visible).
    List<AnnotationThread> threads = ctx.repo.threadsAfter(a.document(), target, after, limit + 1);
    boolean more = threads.size() > limit;
    threads = more ? threads.subList(0, limit) : threads;
    List<Post> posts = ctx.repo.firstPosts(threads.stream().map(AnnotationThread::id).toList(),
        Limits.POSTS_PER_THREAD_IN_LIST + 1);
    List<Map<String, Object>> views = views(p, a, doc, threads, posts, Limits.POSTS_PER_THREAD_IN_LIST);
    return new ThreadPage(views, more ? ListCursor.encode(threads.get(threads.size() - 1).id()) : null);
  }

  /**
   * The views of {@code threads} the viewer may see, with their posts (from {@code posts}, oldest
   * first); a thread with more than {@code postsShown} posts shows that many and
   * {@code morePosts: true}.
   */
  private List<Map<String, Object>> views(Principal p, DocumentAccess a, Doc doc, List<AnnotationThread> threads,
      List<Post> posts, int postsShown) {
    boolean moderator = ctx.allowed(p, a, Operation.MODERATE);
    Map<String, List<Post>> byThread = new HashMap<>();
    for (Post post : posts) {
      byThread.computeIfAbsent(post.threadId(), k -> new ArrayList<>()).add(post);
    }
    List<AnnotationThread> shown = new ArrayList<>();
    List<Post> shownPosts = new ArrayList<>();
    for (AnnotationThread t : threads) {
      List<Post> own = byThread.getOrDefault(t.id(), List.of());
      if (own.isEmpty() || mayRead(p, moderator, own.get(0))) {
        shown.add(t);
        shownPosts.addAll(own.subList(0, Math.min(own.size(), postsShown)));
      }
    }
    Map<String, Instant> restored = restorations(p, a, moderator, shownPosts);
    List<Map<String, Object>> out = new ArrayList<>();
    for (AnnotationThread t : shown) {
      List<Post> own = byThread.getOrDefault(t.id(), List.of());
      boolean cut = own.size() > postsShown;
      Post opening = own.isEmpty() ? null : own.get(0);
      Map<String, Object> view = view(p, moderator, t, opening, cut ? own.subList(0, postsShown) : own, doc, restored);
      if (cut) {
        view.put("morePosts", true);
      }
      out.add(view);
    }
    return out;
  }

  /**
   * One thread with the first page of its posts ({@link Limits#DEFAULT_PAGE_POSTS}); the answer of
   * the write actions. NOT_FOUND if the viewer may not see it.
   */
  public Map<String, Object> thread(Principal p, DocumentAccess a, Doc doc, String threadId) {
    return thread(p, a, doc, threadId, null, Limits.DEFAULT_PAGE_POSTS);
  }

  /**
   * One thread with a page of its posts, oldest first: up to {@code limit} (1 to
   * {@link Limits#MAX_PAGE_POSTS}) after the post {@code cursor} names (null: from the opening
   * post), and {@code next} (the following page's cursor) while more exist. Deleted posts stay in
   * the pages as "entfernt": replies after them may answer what they said, and the gap must show.
   * NOT_FOUND if the viewer may not see the thread (checked before the cursor, so a cursor tells
   * nothing about a thread the viewer may not see); a malformed cursor, one naming no post of this
   * thread, or a limit out of range is {@link Problem#INVALID}.
   */
  public Map<String, Object> thread(Principal p, DocumentAccess a, Doc doc, String threadId, String cursor, int limit) {
    ctx.require(p, a, Operation.READ);
    boolean moderator = ctx.allowed(p, a, Operation.MODERATE);
    AnnotationThread t = ctx.thread(a, threadId);
    // The opening post decides who sees the thread and whether a suggestion's text is shown, on
    // every page: later pages do not contain it.
    Post opening = ctx.repo.firstPosts(List.of(t.id()), 1).stream().findFirst().orElse(null);
    if (opening != null && !mayRead(p, moderator, opening)) {
      throw new AnnotationException(Problem.NOT_FOUND, "no such thread");
    }
    if (limit < 1 || limit > Limits.MAX_PAGE_POSTS) {
      throw new AnnotationException(Problem.INVALID, "limit must be 1 to " + Limits.MAX_PAGE_POSTS);
    }
    String after = null;
    if (cursor != null) {
      after = ListCursor.decodePost(cursor);
      boolean ofThread = ctx.repo.post(after).filter(x -> x.threadId().equals(t.id())).isPresent();
      if (!ofThread) {
        throw ListCursor.invalid();
      }
    }
    // One more than asked for tells whether a next page exists.
    List<Post> posts = ctx.repo.postsAfter(t.id(), after, limit + 1);
    boolean more = posts.size() > limit;
    posts = more ? posts.subList(0, limit) : posts;
    Map<String, Object> view = view(p, moderator, t, opening, posts, doc, restorations(p, a, moderator, posts));
    if (more) {
      view.put("next", ListCursor.encodePost(posts.get(posts.size() - 1).id()));
    }
    return view;
  }

  /**
   * When moderators last restored the posts of {@code posts} that carry the restore note — the
   * viewer's own visible posts, every visible one for moderators — read from the audit entries
   * naming them, not the document's whole log. Guests author nothing and moderate nothing.
   */
  private Map<String, Instant> restorations(Principal p, DocumentAccess a, boolean moderator, List<Post> posts) {
    if (p.isAnonymous()) {
      return Map.of();
    }
    List<String> noted = posts.stream()
        .filter(x -> !x.deleted() && x.moderation() == Moderation.VISIBLE && (moderator || x.author().is(p.subject())))
        .map(Post::id).toList();
    if (noted.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> at = new HashMap<>();
    for (AuditEntry e : ctx.repo.auditOf(a.document(), noted)) {
      if (e.action() == ModerationAction.RESTORE) {
        at.put(e.targetId(), e.at());
      }
    }
    return at;
  }

  private static boolean mayRead(Principal p, boolean moderator, Post post) {
    return post.moderation() != Moderation.PENDING || moderator || post.author().is(p.subject());
  }

  private static boolean seesContent(Principal p, boolean moderator, Post post) {
    return post.moderation() != Moderation.HIDDEN || moderator || post.author().is(p.subject());
  }

  /** {@code opening}: the thread's first post (null if it has none), whether or not in {@code posts}. */
  private Map<String, Object> view(Principal p, boolean moderator, AnnotationThread t, Post opening, List<Post> posts,
      Doc doc, Map<String, Instant> restored) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("kind", lower(t.kind()));
    m.put("status", lower(t.status()));
    m.put("locked", t.locked());
    m.put("createdAt", t.createdAt().toString());
    m.put("author", author(p, moderator, t.author()));
    if (!t.onPassage()) {
      m.put("target", t.target());
    } else {
      m.put("anchor", anchor(t, doc));
    }
    if (t.suggestion() != null) {
      Suggestion s = t.suggestion();
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("state", lower(s.state()));
      sm.put("replacement", replacementShown(p, moderator, s, opening) ? s.replacement() : null);
      sm.put("reason", s.decisionReason());
      sm.put("decidedAt", s.decidedAt() == null ? null : s.decidedAt().toString());
      m.put("suggestion", sm);
    }
    List<Map<String, Object>> pv = new ArrayList<>();
    for (Post post : posts) {
      if (mayRead(p, moderator, post)) {
        pv.add(post(p, moderator, post, restored.get(post.id())));
      }
    }
    m.put("posts", pv);
    return m;
  }

  /**
   * The replacement belongs to the opening post: it goes when the post is hidden from the
   * viewer, and for everyone when its author took the post back (withdrawal) or it was erased —
   * as the post itself then reads "entfernt" for everyone.
   */
  private static boolean replacementShown(Principal p, boolean moderator, Suggestion s, Post opening) {
    if (s.state() == SuggestionState.WITHDRAWN) {
      return false;
    }
    return opening == null || !opening.deleted() && seesContent(p, moderator, opening);
  }

  private static Map<String, Object> anchor(AnnotationThread t, Doc doc) {
    Map<String, Object> anchor = new LinkedHashMap<>();
    anchor.put("start", t.anchor().startBase64());
    anchor.put("end", t.anchor().endBase64());
    anchor.put("quote", t.anchor().quote());
    if (doc != null) {
      Resolution r = AnchorResolver.resolve(doc, t.anchor());
      anchor.put("state", lower(r.state()));
      anchor.put("current", r.text());
      anchor.put("changed", !r.attached() || !r.text().equals(t.anchor().quote()));
    }
    return anchor;
  }

  private static Map<String, Object> post(Principal p, boolean moderator, Post post, Instant restoredAt) {
    boolean mine = post.author().is(p.subject());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", post.id());
    m.put("author", author(p, moderator, post.author()));
    m.put("createdAt", post.createdAt().toString());
    m.put("editedAt", post.editedAt() == null ? null : post.editedAt().toString());
    if (post.deleted()) {
      m.put("state", "deleted");
      m.put("html", BodyRenderer.render(Post.REMOVED));
      return m;
    }
    m.put("state", lower(post.moderation()));
    if (!seesContent(p, moderator, post)) {
      m.put("html", BodyRenderer.render(HIDDEN_TEXT));
      return m;
    }
    m.put("html", BodyRenderer.render(post.body()));
    if (mine) {
      m.put("body", post.body()); // the author's own text, for the edit box (insert as text)
    }
    if (post.moderation() == Moderation.HIDDEN) {
      m.put("hiddenReason", post.hiddenReason());
    } else if (restoredAt != null && post.moderation() == Moderation.VISIBLE && (mine || moderator)) {
      // The author learns that the hiding was reversed (others never saw why it was hidden).
      m.put("restoredAt", restoredAt.toString());
    }
    return m;
  }

  private static Map<String, Object> author(Principal p, boolean moderator, Author a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", DisplayNames.clean(a.name()));
    m.put("pseudonym", a.pseudonym());
    m.put("you", a.is(p.subject()));
    if (moderator && a.id() != null) {
      m.put("id", a.id()); // moderators may need to act on the account
    }
    return m;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
