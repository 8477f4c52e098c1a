package org.pledgepad.annotations.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.ModerationAction;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;

/**
 * Reports, the moderators' queue, hiding and restoring posts, approving pre-moderated posts,
 * locking threads, and switching pre-moderation per document. Every moderator action appends
 * one entry to the audit log (who, what, when, why) before its events are returned. Moderator
 * actions need MODERATE; reporting needs an account and READ.
 */
public final class ModerationService {
  /** How many restored posts the queue still shows (newest restore first), with their history. */
  static final int RECENTLY_RESTORED = 20;

  private final AnnotationContext ctx;

  public ModerationService(AnnotationContext ctx) {
    this.ctx = ctx;
  }

  /** A signed-in reader reports a post. Reporting the same post twice returns the open report. */
  public Outcome<Report> report(Principal p, DocumentAccess a, String postId, String reason) {
    ctx.requireSignedIn(p);
    ctx.require(p, a, Operation.READ);
    String why = AnnotationContext.reason(reason);
    Post post = ctx.post(a, postId);
    if (post.moderation() == Moderation.PENDING && !post.author().is(p.subject())) {
      throw new AnnotationException(Problem.NOT_FOUND, "no such post");
    }
    Optional<Report> existing = ctx.repo.openReportsOn(postId).stream()
        .filter(r -> p.subject().equals(r.reporterId())).findFirst();
    if (existing.isPresent()) {
      return new Outcome<>(existing.get(), List.of());
    }
    ctx.spend(p);
    Report r = new Report(ctx.ids.get(), a.document(), postId, p.subject(), why, ctx.now(), true, null, null, null);
    ctx.repo.insertReport(r);
    return new Outcome<>(r, List.of(toModerators("report.created", post)));
  }

  public ModerationQueue queue(Principal p, DocumentAccess a) {
    ctx.require(p, a, Operation.MODERATE);
    DecisionHistory decisions = new DecisionHistory(ctx.repo.audit(a.document()));
    List<ModerationQueue.ReportedPost> reports = new ArrayList<>();
    for (Report r : ctx.repo.openReports(a.document())) {
      ctx.repo.post(r.postId()).ifPresent(post -> reports.add(
          new ModerationQueue.ReportedPost(r, post, decisions.of(post.id(), ctx.repo.reportsOn(post.id())))));
    }
    List<ModerationQueue.Case> hidden = new ArrayList<>();
    for (Post post : ctx.repo.hiddenPosts(a.document())) {
      hidden.add(caseOf(post, decisions));
    }
    List<ModerationQueue.Case> restored = new ArrayList<>();
    for (String postId : decisions.recentlyRestored(RECENTLY_RESTORED)) {
      ctx.repo.post(postId).filter(post -> post.moderation() == Moderation.VISIBLE && !post.deleted())
          .ifPresent(post -> restored.add(caseOf(post, decisions)));
    }
    return new ModerationQueue(reports, ctx.repo.pendingPosts(a.document()), hidden, restored);
  }

  private ModerationQueue.Case caseOf(Post post, DecisionHistory decisions) {
    List<Report> about = ctx.repo.reportsOn(post.id());
    return new ModerationQueue.Case(post, about, decisions.of(post.id(), about));
  }

  /** Hides a post: others see "ausgeblendet"; its author and moderators see text and reason. */
  public Outcome<Post> hide(Principal p, DocumentAccess a, String postId, String reason) {
    ctx.require(p, a, Operation.MODERATE);
    String why = AnnotationContext.reason(reason);
    Post post = ctx.post(a, postId);
    Post hidden = post.withModeration(Moderation.HIDDEN, why);
    ctx.repo.updatePost(hidden);
    closeReports(p, postId, "hidden");
    audit(p, a, ModerationAction.HIDE, postId, why);
    return new Outcome<>(hidden, List.of(ctx.event("post.hidden", a.document(), post.threadId(), postId)));
  }

  public Outcome<Post> restore(Principal p, DocumentAccess a, String postId, String reason) {
    ctx.require(p, a, Operation.MODERATE);
    String why = optionalReason(reason);
    Post post = ctx.post(a, postId);
    if (post.moderation() != Moderation.HIDDEN) {
      throw new AnnotationException(Problem.WRONG_STATE, "post is not hidden");
    }
    Post restored = post.withModeration(Moderation.VISIBLE, null);
    // Its author's quotas already count a hidden post; the shared caps do not, and a moderator is
    // not exempt from those (as for a new post): meanwhile others may have taken the room it freed.
    boolean opening = ctx.opening(ctx.thread(a, post.threadId())).id().equals(postId);
    ctx.repo.updatePost(restored, () -> {
      if (ctx.repo.countLivePosts(post.threadId()) >= ctx.quotas.postsPerThread()) {
        throw new AnnotationException(Problem.TOO_MANY, "too many posts in this thread");
      }
      if (opening && ctx.repo.countThreads(a.document()) >= ctx.quotas.threadsPerDocument()) {
        throw new AnnotationException(Problem.TOO_MANY, "too many threads in this document");
      }
    });
    audit(p, a, ModerationAction.RESTORE, postId, why);
    return new Outcome<>(restored, List.of(ctx.event("post.restored", a.document(), post.threadId(), postId)));
  }

  /** Publishes a post held back by pre-moderation. */
  public Outcome<Post> approve(Principal p, DocumentAccess a, String postId) {
    ctx.require(p, a, Operation.MODERATE);
    Post post = ctx.post(a, postId);
    if (post.moderation() != Moderation.PENDING) {
      throw new AnnotationException(Problem.WRONG_STATE, "post is not waiting for approval");
    }
    Post approved = post.withModeration(Moderation.VISIBLE, null);
    ctx.repo.updatePost(approved);
    audit(p, a, ModerationAction.APPROVE, postId, "");
    return new Outcome<>(approved, List.of(ctx.event("post.approved", a.document(), post.threadId(), postId)));
  }

  /** Closes a report without acting on the post. */
  public Outcome<Report> dismissReport(Principal p, DocumentAccess a, String reportId, String reason) {
    ctx.require(p, a, Operation.MODERATE);
    String why = optionalReason(reason);
    Report r = ctx.repo.report(reportId).filter(x -> x.document().equals(a.document()))
        .orElseThrow(() -> new AnnotationException(Problem.NOT_FOUND, "no such report"));
    if (!r.open()) {
      return new Outcome<>(r, List.of());
    }
    Report closed = r.closed(p.subject(), ctx.now(), "dismissed");
    ctx.repo.updateReport(closed);
    audit(p, a, ModerationAction.DISMISS_REPORT, reportId, why);
    return new Outcome<>(closed, List.of(new AnnotationEvent("report.closed", a.document(), null, null,
        AnnotationEvent.Audience.MODERATORS, null, ctx.now())));
  }

  /** Locks a thread: no replies or edits except by moderators. */
  public Outcome<AnnotationThread> lock(Principal p, DocumentAccess a, String threadId, String reason) {
    return setLocked(p, a, threadId, true, reason);
  }

  public Outcome<AnnotationThread> unlock(Principal p, DocumentAccess a, String threadId, String reason) {
    return setLocked(p, a, threadId, false, reason);
  }

  /** With pre-moderation on, contributions from outside the editors wait for approval. */
  public Outcome<Boolean> setPremoderation(Principal p, DocumentAccess a, boolean on, String reason) {
    ctx.require(p, a, Operation.MODERATE);
    String why = optionalReason(reason);
    ctx.repo.setPremoderated(a.document(), on);
    audit(p, a, on ? ModerationAction.PREMODERATION_ON : ModerationAction.PREMODERATION_OFF, a.document(), why);
    return new Outcome<>(on, List.of(ctx.event("document.premoderation", a.document(), null, null)));
  }

  public List<AuditEntry> auditLog(Principal p, DocumentAccess a) {
    ctx.require(p, a, Operation.MODERATE);
    return ctx.repo.audit(a.document());
  }

  private Outcome<AnnotationThread> setLocked(Principal p, DocumentAccess a, String threadId, boolean locked,
      String reason) {
    ctx.require(p, a, Operation.MODERATE);
    String why = optionalReason(reason);
    AnnotationThread t = ctx.thread(a, threadId);
    AnnotationThread changed = t.withLocked(locked);
    ctx.repo.updateThread(changed);
    audit(p, a, locked ? ModerationAction.LOCK : ModerationAction.UNLOCK, threadId, why);
    return new Outcome<>(changed,
        List.of(ctx.threadEvent(locked ? "thread.locked" : "thread.unlocked", t)));
  }

  private void closeReports(Principal p, String postId, String note) {
    for (Report r : ctx.repo.openReportsOn(postId)) {
      ctx.repo.updateReport(r.closed(p.subject(), ctx.now(), note));
    }
  }

  private void audit(Principal p, DocumentAccess a, ModerationAction action, String target, String reason) {
    ctx.repo.appendAudit(new AuditEntry(0, a.document(), p.subject(), action, target, reason, ctx.now()));
  }

  private static String optionalReason(String reason) {
    return reason == null || reason.isBlank() ? "" : AnnotationContext.reason(reason);
  }

  private AnnotationEvent toModerators(String type, Post post) {
    return new AnnotationEvent(type, post.document(), post.threadId(), post.id(),
        AnnotationEvent.Audience.MODERATORS, null, ctx.now());
  }
}
