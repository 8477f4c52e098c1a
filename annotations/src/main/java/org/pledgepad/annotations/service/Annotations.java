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

  public Annotations(AnnotationContext ctx) {
    this.comments = new CommentService(ctx);
    this.suggestions = new SuggestionService(ctx);
    this.moderation = new ModerationService(ctx);
    this.privacy = new PrivacyService(ctx);
    this.views = new ThreadViews(ctx);
  }

  public static Annotations withDefaults(AnnotationRepository repo) {
    return new Annotations(AnnotationContext.withDefaults(repo));
  }
}
