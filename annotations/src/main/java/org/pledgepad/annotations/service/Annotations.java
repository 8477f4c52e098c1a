package org.pledgepad.annotations.service;

import org.pledgepad.annotations.repo.AnnotationRepository;

/**
 * The annotation services over one repository, built once at server start.
 */
public final class Annotations {
  public final CommentService comments;
  public final SuggestionService suggestions;
  public final ModerationService moderation;
  public final PrivacyService privacy;
  public final ThreadViews views;
  private final AnnotationContext ctx;

  public Annotations(AnnotationContext ctx) {
    this.ctx = ctx;
    this.comments = new CommentService(ctx);
    this.suggestions = new SuggestionService(ctx);
    this.moderation = new ModerationService(ctx);
    this.privacy = new PrivacyService(ctx);
    this.views = new ThreadViews(ctx);
  }

  /** The reconciler of accepted suggestions against the log that {@code log} reads (one per node). */
  public AcceptReconciler acceptReconciler(AcceptReconciler.LoggedEdits log) {
    return new AcceptReconciler(ctx, log);
  }

  public static Annotations withDefaults(AnnotationRepository repo) {
    return new Annotations(AnnotationContext.withDefaults(repo));
  }
}
