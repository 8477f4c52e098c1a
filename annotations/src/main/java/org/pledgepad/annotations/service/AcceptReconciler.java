package org.pledgepad.annotations.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Suggestion;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.model.ThreadStatus;

/**
 * Puts back accepted suggestions whose edit never reached the document's log.
 *
 * <p>Accepting marks the thread accepted first and stores the edit second, so that the loser of
 * a race between two nodes leaves the text alone. A server that dies between the two leaves a
 * suggestion that says accepted while its text is not in the document, and nobody would look at
 * it again. The log is the truth: every accepted edit is logged with a note naming the
 * suggestion ({@link SuggestionOrigin#logNote()}), in the same transaction as the edit. A
 * suggestion accepted longer than {@code grace} ago without such a note is opened again, so that
 * an editor decides anew against the text as it is now; re-applying it unseen could land on a
 * passage that has changed since.
 *
 * <p>The grace covers an accept still in flight, on this node or another: the request waits at
 * most 30 s, and a session stores or refuses an edit in well under a minute. Decisions are
 * compared and set, so two nodes reconciling at once reopen a suggestion once. Called from a
 * worker thread (blocking store reads).
 */
public final class AcceptReconciler {
  /** Which accepted suggestions of a document have their edit in the document's log. */
  @FunctionalInterface
  public interface LoggedEdits {
    /** Of {@code suggestionIds}, those whose edit the log of {@code document} holds. */
    Set<String> logged(String document, Set<String> suggestionIds);
  }

  /** Accepts younger than this may still be storing their edit. */
  public static final Duration GRACE = Duration.ofMinutes(10);
  /** Accepts older than this are not looked at again (a crash is noticed at the next start). */
  public static final Duration WINDOW = Duration.ofDays(30);

  private final AnnotationContext ctx;
  private final LoggedEdits log;
  /** Suggestions whose edit was found in the log, with their decision time (forgotten after WINDOW). */
  private final Map<String, Instant> confirmed = new LinkedHashMap<>();

  AcceptReconciler(AnnotationContext ctx, LoggedEdits log) {
    this.ctx = ctx;
    this.log = Objects.requireNonNull(log, "log");
  }

  /** One round: the events of the suggestions it opened again (thread ids only, for the push). */
  public synchronized List<AnnotationEvent> run() {
    Instant now = ctx.now();
    Instant from = now.minus(WINDOW);
    confirmed.values().removeIf(at -> at.isBefore(from));
    Map<String, Map<String, AnnotationThread>> byDocument = new LinkedHashMap<>();
    for (AnnotationThread t : ctx.repo.acceptedSuggestions(from, now.minus(GRACE))) {
      if (!confirmed.containsKey(t.id())) {
        byDocument.computeIfAbsent(t.document(), d -> new LinkedHashMap<>()).put(t.id(), t);
      }
    }
    List<AnnotationEvent> events = new ArrayList<>();
    byDocument.forEach((document, threads) -> {
      Set<String> logged = log.logged(document, threads.keySet());
      for (AnnotationThread t : threads.values()) {
        if (logged.contains(t.id())) {
          confirmed.put(t.id(), t.suggestion().decidedAt());
        } else if (ctx.repo.updateThreadIf(t, reopened(t))) {
          events.add(ctx.threadEvent("thread.updated", reopened(t)));
        }
      }
    });
    return events;
  }

  private static AnnotationThread reopened(AnnotationThread t) {
    Suggestion s = t.suggestion();
    return t.withStatus(ThreadStatus.OPEN)
        .withSuggestion(new Suggestion(s.replacement(), SuggestionState.OPEN, null, null, null));
  }
}
