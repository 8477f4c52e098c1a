package org.pledgepad.annotations.service;

import java.time.Instant;
import java.util.List;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.anchor.InvalidAnchorException;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Suggestion;
import org.pledgepad.annotations.model.ThreadKind;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.crdt.Doc;

/**
 * The steps shared by opening a comment thread and a suggestion thread, and by every new post:
 * anchoring, pre-moderation and the event's audience.
 */
final class ThreadOpener {
  private ThreadOpener() {}

  static Anchor anchor(Doc doc, byte[] start, byte[] end) {
    try {
      return AnchorResolver.create(doc, start, end);
    } catch (InvalidAnchorException e) {
      throw new AnnotationException(Problem.INVALID, "anchor: " + e.getMessage());
    }
  }

  static Outcome<AnnotationThread> open(AnnotationContext ctx, Principal p, DocumentAccess a, ThreadKind kind,
      Anchor anchor, String body, Suggestion suggestion) {
    return open(ctx, p, a, kind, anchor, body, suggestion, null);
  }

  static Outcome<AnnotationThread> open(AnnotationContext ctx, Principal p, DocumentAccess a, ThreadKind kind,
      Anchor anchor, String body, Suggestion suggestion, String target) {
    boolean waits = needsApproval(ctx, p, a);
    Instant now = ctx.now();
    AnnotationThread t = new AnnotationThread(ctx.ids.get(), a.document(), kind, anchor,
        AnnotationContext.author(p), now, ThreadStatus.OPEN, false, suggestion, target);
    Post root = newPost(ctx, p, a, t.id(), body, now, waits);
    // The store runs the room check inside the insert (Admission): with several server nodes no
    // two writers both take the last place. Counted before the token is spent: a refusal costs nothing.
    ctx.repo.insertThreadWithPost(t, root, () -> {
      if (ctx.repo.countThreads(a.document()) >= ctx.quotas.threadsPerDocument()) {
        throw new AnnotationException(Problem.TOO_MANY, "too many threads in this document");
      }
      if (!ctx.exemptFromQuotas(p, a)
          && ctx.repo.countOpenThreadsBy(a.document(), p.subject()) >= ctx.quotas.openThreadsPerPerson()) {
        throw new AnnotationException(Problem.QUOTA_OPEN_THREADS, "too many open threads of yours in this document");
      }
      requirePendingRoom(ctx, p, waits);
      ctx.spend(p);
    });
    return new Outcome<>(t, List.of(postEvent(ctx, "thread.created", root)));
  }

  static Post newPost(AnnotationContext ctx, Principal p, DocumentAccess a, String threadId, String body,
      Instant now, boolean waits) {
    return new Post(ctx.ids.get(), threadId, a.document(), AnnotationContext.author(p), body, now, null, false,
        waits ? Moderation.PENDING : Moderation.VISIBLE, null);
  }

  /**
   * A post that would wait for approval needs room in its author's pending quota: pre-moderation
   * must not become a way to fill the moderators' queue (and, as pending items count toward the
   * caps, the document).
   */
  static void requirePendingRoom(AnnotationContext ctx, Principal p, boolean waits) {
    if (waits && ctx.repo.countPendingBy(p.subject()) >= ctx.quotas.pendingPerPerson()) {
      throw new AnnotationException(Problem.QUOTA_PENDING, "too many of your posts await moderation");
    }
  }

  /**
   * Under pre-moderation, contributions from people who neither write the text nor moderate
   * (citizens, councillors of other bodies) wait for approval.
   */
  static boolean needsApproval(AnnotationContext ctx, Principal p, DocumentAccess a) {
    return ctx.repo.premoderated(a.document()) && !ctx.allowed(p, a, Operation.SYNC_WRITE)
        && !ctx.allowed(p, a, Operation.MODERATE);
  }

  /**
   * A visible post changed by its author goes back to the moderators when new posts of that
   * author would wait; otherwise an approved (or pre-switch) post could be turned into any text.
   * Its open reports stay open: they do not store the reported text, so the moderator judges the
   * text as it reads now.
   */
  static Post backToApproval(AnnotationContext ctx, Principal p, DocumentAccess a, Post changed) {
    if (changed.moderation() != Moderation.VISIBLE || !needsApproval(ctx, p, a)) {
      return changed;
    }
    return changed.withModeration(Moderation.PENDING, null);
  }

  /**
   * Stores a post its author changed, spending their token. One that {@link #backToApproval went
   * back to approval} joins the moderators' queue like a new pending post, so it needs room in the
   * author's pending quota, counted in the update's transaction; a refusal stores nothing and
   * costs no token.
   */
  static void storeChanged(AnnotationContext ctx, Principal p, Post before, Post after) {
    boolean queued = after.moderation() == Moderation.PENDING && before.moderation() != Moderation.PENDING;
    ctx.repo.updatePost(after, () -> {
      requirePendingRoom(ctx, p, queued);
      ctx.spend(p);
    });
  }

  /**
   * Like {@link #postEvent}, except that a visible post that became pending is announced to
   * everyone: their sidebars must refetch to drop it (the event carries ids only).
   */
  static AnnotationEvent changedPostEvent(AnnotationContext ctx, String type, Post before, Post after) {
    if (before.moderation() == Moderation.VISIBLE && after.moderation() == Moderation.PENDING) {
      return new AnnotationEvent(type, after.document(), after.threadId(), after.id(),
          AnnotationEvent.Audience.ALL, null, ctx.now());
    }
    return postEvent(ctx, type, after);
  }

  /** Pending posts are announced to their author and the moderators only. */
  static AnnotationEvent postEvent(AnnotationContext ctx, String type, Post post) {
    boolean pending = post.moderation() == Moderation.PENDING;
    return new AnnotationEvent(type, post.document(), post.threadId(), post.id(),
        pending ? AnnotationEvent.Audience.AUTHOR_AND_MODERATORS : AnnotationEvent.Audience.ALL,
        pending ? post.author().id() : null, ctx.now());
  }
}
