package org.pledgepad.annotations.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.pledgepad.annotations.limit.Limits;
import org.pledgepad.annotations.limit.Quotas;
import org.pledgepad.annotations.limit.RateLimiter;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Author;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.render.DisplayNames;
import org.pledgepad.annotations.render.TextCleaner;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.Decision;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;

/**
 * What the annotation services share: storage, time, id source, rate limiter, and the checks
 * every request passes. Permission questions go to {@link Authorizer#authorize} and nowhere
 * else; this class only adds what the table cannot know (authorship, "signed in").
 */
public final class AnnotationContext {
  final AnnotationRepository repo;
  final Clock clock;
  final Supplier<String> ids;
  final RateLimiter limiter;
  final Quotas quotas;

  public AnnotationContext(AnnotationRepository repo, Clock clock, Supplier<String> ids, RateLimiter limiter) {
    this(repo, clock, ids, limiter, Quotas.DEFAULTS);
  }

  public AnnotationContext(AnnotationRepository repo, Clock clock, Supplier<String> ids, RateLimiter limiter,
      Quotas quotas) {
    this.repo = Objects.requireNonNull(repo, "repo");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.quotas = Objects.requireNonNull(quotas, "quotas");
  }

  /** Production defaults: system clock, random UUIDs, default rate limits. */
  public static AnnotationContext withDefaults(AnnotationRepository repo) {
    return new AnnotationContext(repo, Clock.systemUTC(), () -> UUID.randomUUID().toString(),
        RateLimiter.withDefaults());
  }

  Instant now() {
    return clock.instant();
  }

  boolean allowed(Principal p, DocumentAccess a, Operation op) {
    return Authorizer.isAllowed(p, a, op);
  }

  void require(Principal p, DocumentAccess a, Operation op) {
    Decision d = Authorizer.authorize(p, a, op);
    if (!d.allowed()) {
      throw new AnnotationException(Problem.FORBIDDEN, d.code());
    }
  }

  void requireSignedIn(Principal p) {
    if (p.isAnonymous()) {
      throw new AnnotationException(Problem.NOT_SIGNED_IN, "sign in first");
    }
  }

  /** One token of the user's write budget. */
  void spend(Principal p) {
    if (!limiter.tryAcquire(p.subject())) {
      throw new AnnotationException(Problem.RATE_LIMITED, "too many annotations, wait a moment");
    }
  }

  /** Editors and moderators of the document answer floods; the per-person quotas are not for them. */
  boolean exemptFromQuotas(Principal p, DocumentAccess a) {
    return allowed(p, a, Operation.SYNC_WRITE) || allowed(p, a, Operation.MODERATE);
  }

  AnnotationThread thread(DocumentAccess a, String id) {
    return repo.thread(id).filter(t -> t.document().equals(a.document()))
        .orElseThrow(() -> new AnnotationException(Problem.NOT_FOUND, "no such thread"));
  }

  /**
   * The thread as {@code p} may act on it. One whose opening post awaits approval exists only for
   * its author and the moderators, as in the views: anyone else gets NOT_FOUND before anything
   * changes (before, an editor could resolve or reject it, and the change was stored while the
   * answer said 404).
   */
  AnnotationThread visibleThread(Principal p, DocumentAccess a, String id) {
    AnnotationThread t = thread(a, id);
    if (pendingOpening(t).filter(root -> !root.author().is(p.subject()) && !allowed(p, a, Operation.MODERATE)).isPresent()) {
      throw new AnnotationException(Problem.NOT_FOUND, "no such thread");
    }
    return t;
  }

  /**
   * An event about a whole thread, for those who may see it: while its opening post awaits
   * approval, its author and the moderators only (the event carries ids only, but the id alone
   * says that a thread exists and when it changed).
   */
  AnnotationEvent threadEvent(String type, AnnotationThread t) {
    Optional<Post> pending = pendingOpening(t);
    return pending.isPresent()
        ? new AnnotationEvent(type, t.document(), t.id(), null, AnnotationEvent.Audience.AUTHOR_AND_MODERATORS,
            pending.get().author().id(), now())
        : event(type, t.document(), t.id(), null);
  }

  private Optional<Post> pendingOpening(AnnotationThread t) {
    return Optional.of(opening(t)).filter(root -> root.moderation() == Moderation.PENDING && !root.deleted());
  }

  /** The thread's opening post, read alone (not the whole thread's posts). */
  Post opening(AnnotationThread t) {
    return repo.firstPosts(List.of(t.id()), 1).stream().findFirst()
        .orElseThrow(() -> new AnnotationException(Problem.NOT_FOUND, "no such thread"));
  }

  Post post(DocumentAccess a, String id) {
    return repo.post(id).filter(p -> p.document().equals(a.document()))
        .orElseThrow(() -> new AnnotationException(Problem.NOT_FOUND, "no such post"));
  }

  static Author author(Principal p) {
    return new Author(p.subject(), DisplayNames.clean(p.displayName()), p.pseudonym());
  }

  /** A cleaned body of 1..max code points. */
  static String text(String raw, int max, boolean mayBeEmpty) {
    String s = TextCleaner.body(raw == null ? "" : raw);
    if (s.isEmpty() && !mayBeEmpty) {
      throw new AnnotationException(Problem.INVALID, "text is empty");
    }
    if (Limits.length(s) > max) {
      throw new AnnotationException(Problem.INVALID, "text longer than " + max + " characters");
    }
    return s;
  }

  static String reason(String raw) {
    return text(raw, Limits.MAX_REASON, false);
  }

  AnnotationEvent event(String type, String document, String thread, String post) {
    return new AnnotationEvent(type, document, thread, post, AnnotationEvent.Audience.ALL, null, now());
  }
}
