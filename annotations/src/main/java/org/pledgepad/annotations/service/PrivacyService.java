package org.pledgepad.annotations.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Author;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;
import org.pledgepad.annotations.model.SuggestionState;

/**
 * Data-subject rights for annotations (GDPR Art. 15/20 export, Art. 17 erasure). The caller
 * (the server) decides who may ask: the person themselves or an admin. Erasure keeps threads
 * intact for the other participants — bodies become "entfernt", the author link is cut — and
 * keeps the moderation audit log, whose entries name moderators, not the erased author.
 */
public final class PrivacyService {
  private final AnnotationContext ctx;

  public PrivacyService(AnnotationContext ctx) {
    this.ctx = ctx;
  }

  /** Everything {@code subject} wrote or reported, as JSON-ready records. */
  public Map<String, Object> exportFor(String subject) {
    List<Map<String, Object>> threads = new ArrayList<>();
    for (AnnotationThread t : ctx.repo.threadsByAuthor(subject)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("document", t.document());
      m.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("createdAt", t.createdAt().toString());
      m.put("quote", t.anchor().quote());
      if (!t.onPassage()) {
        m.put("target", t.target());
      }
      m.put("authorName", t.author().name());
      if (t.suggestion() != null) {
        m.put("replacement", t.suggestion().replacement());
        m.put("suggestionState", t.suggestion().state().name().toLowerCase(java.util.Locale.ROOT));
      }
      threads.add(m);
    }
    List<Map<String, Object>> posts = new ArrayList<>();
    for (Post p : ctx.repo.postsByAuthor(subject)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("document", p.document());
      m.put("thread", p.threadId());
      m.put("body", p.body());
      m.put("createdAt", p.createdAt().toString());
      m.put("editedAt", p.editedAt() == null ? null : p.editedAt().toString());
      m.put("deleted", p.deleted());
      m.put("moderation", p.moderation().name().toLowerCase(java.util.Locale.ROOT));
      m.put("hiddenReason", p.hiddenReason());
      posts.add(m);
    }
    List<Map<String, Object>> reports = new ArrayList<>();
    for (Report r : ctx.repo.reportsBy(subject)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("document", r.document());
      m.put("post", r.postId());
      m.put("reason", r.reason());
      m.put("createdAt", r.createdAt().toString());
      m.put("open", r.open());
      reports.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", subject);
    out.put("threads", threads);
    out.put("posts", posts);
    out.put("reports", reports);
    return out;
  }

  /**
   * The account subject of whoever made suggestion {@code suggestionId}, when the thread is still
   * stored with its author (empty: unknown, or the author already erased). The history's oldest
   * notes name suggesters by display name, which two people can share; this tells them apart.
   */
  public java.util.Optional<String> suggesterOf(String suggestionId) {
    return ctx.repo.thread(suggestionId).filter(t -> t.suggestion() != null)
        .map(t -> t.author().id());
  }

  /**
   * Replaces every body {@code subject} wrote by "entfernt", withdraws their open suggestions,
   * clears their replacement texts and report reasons, and unlinks their identity — also as the
   * "decider" of a suggestion they withdrew themselves. Returns the
   * number of records changed.
   */
  public Outcome<Integer> eraseFor(String subject) {
    int changed = 0;
    List<AnnotationEvent> events = new ArrayList<>();
    for (Post p : ctx.repo.postsByAuthor(subject)) {
      Post erased = p.removed().withAuthor(Author.ERASED);
      ctx.repo.updatePost(erased);
      events.add(ctx.event("post.erased", p.document(), p.threadId(), p.id()));
      changed++;
    }
    for (AnnotationThread t : ctx.repo.threadsByAuthor(subject)) {
      // Erasure runs outside the document queues: an editor (any node) may decide the suggestion
      // between this read and the write; then erase the decided thread instead of withdrawing it.
      AnnotationThread read = t;
      while (!ctx.repo.updateThreadIf(read, erased(read, subject))) {
        read = ctx.repo.thread(t.id()).orElseThrow();
      }
      events.add(ctx.event("thread.updated", t.document(), t.id(), null));
      changed++;
    }
    for (Report r : ctx.repo.reportsBy(subject)) {
      ctx.repo.updateReport(r.erased());
      changed++;
    }
    return new Outcome<>(changed, events);
  }

  private AnnotationThread erased(AnnotationThread t, String subject) {
    AnnotationThread erased = t.withAuthor(Author.ERASED);
    if (t.suggestion() == null) {
      return erased;
    }
    var s = t.suggestion().withReplacement("");
    if (s.state() == SuggestionState.OPEN) {
      s = s.decided(SuggestionState.WITHDRAWN, null, null, ctx.now());
    } else if (s.state() == SuggestionState.WITHDRAWN && subject.equals(s.decidedBy())) {
      // Withdrawing one's own suggestion is no official act: it must not outlive the person.
      s = s.decided(SuggestionState.WITHDRAWN, null, null, s.decidedAt());
    }
    return erased.withSuggestion(s);
  }
}
