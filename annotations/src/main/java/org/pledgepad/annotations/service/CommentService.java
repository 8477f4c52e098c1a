package org.pledgepad.annotations.service;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.annotations.limit.Limits;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.model.ThreadKind;
import org.pledgepad.annotations.model.ThreadTargets;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.crdt.Doc;

/**
 * Comment threads: open one on a passage, reply, edit or delete one's own posts, and resolve or
 * reopen threads (editors). Who may do what: COMMENT to write, SYNC_WRITE (the editors of the
 * text) to resolve, MODERATE to write into locked threads — all through the one authorize.
 */
public final class CommentService {
  private final AnnotationContext ctx;

  public CommentService(AnnotationContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Opens a comment thread on the passage between two encoded relative positions.
   *
   * @param doc the document's current state; only read
   */
  public Outcome<AnnotationThread> createComment(Principal p, DocumentAccess a, Doc doc, byte[] start, byte[] end,
      String body) {
    ctx.require(p, a, Operation.COMMENT);
    String text = AnnotationContext.text(body, Limits.MAX_BODY, false);
    return ThreadOpener.open(ctx, p, a, ThreadKind.COMMENT, ThreadOpener.anchor(doc, start, end), text, null);
  }

  /**
   * Opens a comment thread about something of the document other than a passage (its
   * {@link ThreadTargets target}, e.g. a pledge's status entry): same permission, limits,
   * pre-moderation and moderation as a comment on the text. The caller checks that the target
   * exists; the thread carries an empty anchor.
   */
  public Outcome<AnnotationThread> commentOn(Principal p, DocumentAccess a, String target, String body) {
    ctx.require(p, a, Operation.COMMENT);
    if (!ThreadTargets.valid(target)) {
      throw new AnnotationException(Problem.INVALID, "target is malformed");
    }
    String text = AnnotationContext.text(body, Limits.MAX_BODY, false);
    return ThreadOpener.open(ctx, p, a, ThreadKind.COMMENT, NO_PASSAGE, text, null, target);
  }

  /** The anchor of threads that are not about a passage. */
  private static final Anchor NO_PASSAGE = new Anchor(new byte[0], new byte[0], "");

  public Outcome<Post> reply(Principal p, DocumentAccess a, String threadId, String body) {
    ctx.require(p, a, Operation.COMMENT);
    String text = AnnotationContext.text(body, Limits.MAX_BODY, false);
    AnnotationThread t = ctx.visibleThread(p, a, threadId);
    requireUnlocked(t, ctx.allowed(p, a, Operation.MODERATE));
    boolean waits = ThreadOpener.needsApproval(ctx, p, a);
    Post post = ThreadOpener.newPost(ctx, p, a, t.id(), text, ctx.now(), waits);
    // Room is counted inside the insert (see ThreadOpener.open), before the token is spent.
    ctx.repo.insertPost(post, () -> {
      if (ctx.repo.countLivePosts(t.id()) >= ctx.quotas.postsPerThread()) {
        throw new AnnotationException(Problem.TOO_MANY, "too many replies in this thread");
      }
      if (!ctx.exemptFromQuotas(p, a)
          && ctx.repo.countPostsBy(t.id(), p.subject()) >= ctx.quotas.postsPerPersonPerThread()) {
        throw new AnnotationException(Problem.QUOTA_THREAD_POSTS, "too many posts of yours in this thread");
      }
      ThreadOpener.requirePendingRoom(ctx, p, waits);
      ctx.spend(p);
    });
    return new Outcome<>(post, List.of(ThreadOpener.postEvent(ctx, "post.created", post)));
  }

  /**
   * The author edits their post; hidden posts stay as the moderator left them. Under
   * pre-moderation an approval covers the text the moderator read, so an edit by someone whose
   * new posts would wait waits again (see {@link ThreadOpener#backToApproval}).
   */
  public Outcome<Post> edit(Principal p, DocumentAccess a, String postId, String body) {
    ctx.require(p, a, Operation.COMMENT);
    String text = AnnotationContext.text(body, Limits.MAX_BODY, false);
    Post post = ownPost(p, a, postId);
    if (post.moderation() == Moderation.HIDDEN) {
      throw new AnnotationException(Problem.WRONG_STATE, "hidden posts cannot be edited");
    }
    requireUnlocked(ctx.thread(a, post.threadId()), ctx.allowed(p, a, Operation.MODERATE));
    Post edited = ThreadOpener.backToApproval(ctx, p, a, post.edited(text, ctx.now()));
    ThreadOpener.storeChanged(ctx, p, post, edited);
    return new Outcome<>(edited, List.of(ThreadOpener.changedPostEvent(ctx, "post.updated", post, edited)));
  }

  /**
   * The author withdraws their post. It stays in the thread as "entfernt" so that replies keep
   * their context; deleting the opening post of an open suggestion withdraws the suggestion.
   * Allowed in every stage (READ suffices): taking back one's own words is not a privilege.
   */
  public Outcome<Post> delete(Principal p, DocumentAccess a, String postId) {
    ctx.require(p, a, Operation.READ);
    Post post = ownPost(p, a, postId);
    Post removed = post.removed();
    ctx.repo.updatePost(removed);
    List<AnnotationEvent> events = new ArrayList<>();
    events.add(ThreadOpener.postEvent(ctx, "post.deleted", removed));
    AnnotationThread t = ctx.thread(a, post.threadId());
    boolean root = ctx.opening(t).id().equals(post.id());
    // Only while still open: an editor (perhaps on another node) may have decided it meanwhile.
    if (root && t.kind() == ThreadKind.SUGGESTION && t.suggestion().state() == SuggestionState.OPEN
        && ctx.repo.updateThreadIf(t, t.withSuggestion(
            t.suggestion().decided(SuggestionState.WITHDRAWN, p.subject(), null, ctx.now())))) {
      events.add(ctx.threadEvent("suggestion.withdrawn", t));
    }
    return new Outcome<>(removed, events);
  }

  /** Editors mark a thread as dealt with. */
  public Outcome<AnnotationThread> resolve(Principal p, DocumentAccess a, String threadId) {
    return setStatus(p, a, threadId, ThreadStatus.RESOLVED, "thread.resolved");
  }

  public Outcome<AnnotationThread> reopen(Principal p, DocumentAccess a, String threadId) {
    return setStatus(p, a, threadId, ThreadStatus.OPEN, "thread.reopened");
  }

  private Outcome<AnnotationThread> setStatus(Principal p, DocumentAccess a, String threadId, ThreadStatus s,
      String eventType) {
    ctx.require(p, a, Operation.SYNC_WRITE);
    AnnotationThread t = ctx.visibleThread(p, a, threadId);
    if (t.status() == s) {
      return new Outcome<>(t, List.of());
    }
    AnnotationThread changed = t.withStatus(s);
    if (s == ThreadStatus.OPEN) {
      ctx.repo.updateThread(changed, () -> requireOpenThreadRoom(p, t));
    } else {
      ctx.repo.updateThread(changed);
    }
    return new Outcome<>(changed, List.of(ctx.threadEvent(eventType, changed)));
  }

  /**
   * A thread opened again counts toward its author's open threads, so the author's quota decides,
   * whoever reopens it: the reopening editor's exemption is for their own threads. The service
   * knows the reopener's roles only, so an author counts as exempt when they reopen their own
   * thread (reopening needs SYNC_WRITE); an editor over the quota reopens their threads themselves.
   * A withdrawn thread (opening post deleted) is not counted open, so reopening it takes no room.
   */
  private void requireOpenThreadRoom(Principal p, AnnotationThread t) {
    String author = t.author().id();
    if (author == null || author.equals(p.subject()) || ctx.opening(t).deleted()) {
      return;
    }
    if (ctx.repo.countOpenThreadsBy(t.document(), author) >= ctx.quotas.openThreadsPerPerson()) {
      throw new AnnotationException(Problem.QUOTA_OPEN_THREADS, "its author has too many open threads in this document");
    }
  }

  private Post ownPost(Principal p, DocumentAccess a, String postId) {
    Post post = ctx.post(a, postId);
    if (!post.author().is(p.subject()) || p.isAnonymous()) {
      throw new AnnotationException(Problem.NOT_AUTHOR, "only the author may change a post");
    }
    if (post.deleted()) {
      throw new AnnotationException(Problem.WRONG_STATE, "post was deleted");
    }
    return post;
  }

  private static void requireUnlocked(AnnotationThread t, boolean moderator) {
    if (t.locked() && !moderator) {
      throw new AnnotationException(Problem.LOCKED, "thread is locked");
    }
  }
}
