package org.pledgepad.annotations.service;

import java.util.List;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.anchor.Resolution;
import org.pledgepad.annotations.limit.Limits;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Suggestion;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.model.ThreadKind;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.annotations.render.TextCleaner;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.YXmlText;

/**
 * Änderungsvorschläge: replacement text for an anchored passage. Anyone with SUGGEST proposes;
 * the editors of the text (SYNC_WRITE) accept — which writes the change into the document — or
 * reject with a reason. Replies go through {@link CommentService#reply} like for any thread.
 *
 * <p>Collision rule: a suggestion is accepted only while its passage still reads exactly as it
 * did when the suggestion was made (or last updated). Otherwise the editor would silently undo
 * someone's later edit; the suggester updates the suggestion against the new text instead.
 */
public final class SuggestionService {
  private final AnnotationContext ctx;

  public SuggestionService(AnnotationContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param replacement the proposed text (may be empty to propose deleting the passage)
   * @param rationale   why; the thread's opening post (may be empty)
   */
  public Outcome<AnnotationThread> createSuggestion(Principal p, DocumentAccess a, Doc doc, byte[] start,
      byte[] end, String replacement, String rationale) {
    ctx.require(p, a, Operation.SUGGEST);
    Anchor anchor = ThreadOpener.anchor(doc, start, end);
    String text = cleanReplacement(doc, anchor, replacement);
    if (text.equals(anchor.quote())) {
      throw new AnnotationException(Problem.INVALID, "replacement equals the passage");
    }
    String why = AnnotationContext.text(rationale, Limits.MAX_BODY, true);
    return ThreadOpener.open(ctx, p, a, ThreadKind.SUGGESTION, anchor, why, Suggestion.open(text));
  }

  /**
   * The suggester revises an open suggestion against the current text: new replacement, and the
   * quote taken again from the passage as it reads now (clearing a collision). With new
   * positions, the suggestion moves to another passage (needed when the old one was deleted).
   * Under pre-moderation the suggestion waits for approval again, as an edited post does.
   */
  public Outcome<AnnotationThread> updateSuggestion(Principal p, DocumentAccess a, Doc doc, String threadId,
      String replacement, byte[] newStart, byte[] newEnd) {
    ctx.require(p, a, Operation.SUGGEST);
    AnnotationThread t = openSuggestion(p, a, threadId);
    if (!t.author().is(p.subject())) {
      throw new AnnotationException(Problem.NOT_AUTHOR, "only the suggester may update a suggestion");
    }
    if (t.locked()) {
      throw new AnnotationException(Problem.LOCKED, "thread is locked");
    }
    // A passage is both ends: keeping the old position when one is missing would answer 200 for
    // a move that never happened.
    if ((newStart == null) != (newEnd == null)) {
      throw new AnnotationException(Problem.INVALID, "give both start and end, or neither");
    }
    Anchor anchor;
    if (newStart != null) {
      anchor = ThreadOpener.anchor(doc, newStart, newEnd);
    } else {
      Resolution now = AnchorResolver.resolve(doc, t.anchor());
      if (!now.attached()) {
        throw new AnnotationException(Problem.WRONG_STATE, "passage was deleted; choose a new one");
      }
      anchor = new Anchor(t.anchor().start(), t.anchor().end(), now.text());
    }
    String text = cleanReplacement(doc, anchor, replacement);
    AnnotationThread changed = t.withAnchor(anchor).withSuggestion(t.suggestion().withReplacement(text));
    // The approval of the opening post covered this replacement and passage, not the new ones.
    Post root = ctx.opening(t);
    Post waiting = ThreadOpener.backToApproval(ctx, p, a, root);
    if (waiting != root) {
      // Before the thread: the pending quota may refuse the update, and then nothing is stored;
      // a failure in between leaves the old replacement waiting, never the new one unapproved.
      ThreadOpener.storeChanged(ctx, p, root, waiting);
    } else {
      ctx.spend(p);
    }
    ctx.repo.updateThread(changed);
    // Back to approval: everyone who saw it must hear of it, so that their sidebars drop it.
    return new Outcome<>(changed, List.of(waiting != root && root.moderation() == Moderation.VISIBLE
        ? ctx.event("suggestion.updated", a.document(), t.id(), null)
        : ctx.threadEvent("suggestion.updated", changed)));
  }

  /**
   * An editor accepts: on success the document has changed (one transaction whose origin is a
   * {@link SuggestionOrigin}) and the server must log and broadcast {@code update}.
   *
   * @param doc the live document the update is applied to
   * @param seen the suggestion as the editor reviewed it; an accept without it is refused, since
   *             applying whatever is stored now would let the suggester change the text unseen
   *             and have the editor logged as its author
   */
  public AcceptResult accept(Principal p, DocumentAccess a, Doc doc, String threadId, Reviewed seen) {
    ctx.require(p, a, Operation.SYNC_WRITE);
    if (seen == null) {
      throw new AnnotationException(Problem.INVALID, "name the suggestion as reviewed: replacement, start, end, quote");
    }
    AnnotationThread t = openSuggestion(p, a, threadId);
    Post root = ctx.opening(t);
    if (root.moderation() != Moderation.VISIBLE || root.deleted()) {
      throw new AnnotationException(Problem.WRONG_STATE, "suggestion is hidden, pending or withdrawn");
    }
    if (!seen.matches(t)) {
      throw new AnnotationException(Problem.SUGGESTION_CHANGED, "suggestion changed since it was read; review it again");
    }
    Resolution passage = AnchorResolver.resolve(doc, t.anchor());
    if (!passage.attached() || !passage.text().equals(t.anchor().quote())) {
      return new AcceptResult.Collision(passage.state(), t.anchor().quote(), passage.text());
    }
    SuggestionOrigin origin = new SuggestionOrigin(t.id(), t.author().id(), p.subject());
    AnnotationThread accepted = t.withStatus(ThreadStatus.RESOLVED).withSuggestion(
        t.suggestion().decided(SuggestionState.ACCEPTED, p.subject(), null, ctx.now()));
    // Decided first, edited second: the loser of a race (another node) leaves the document alone.
    decide(t, accepted);
    byte[] update;
    try {
      update = SuggestionApplier.apply(doc, passage, t.suggestion().replacement(), origin);
    } catch (RuntimeException e) {
      ctx.repo.updateThread(t);
      throw e;
    }
    return new AcceptResult.Accepted(update, origin, accepted,
        List.of(ctx.event("suggestion.accepted", a.document(), t.id(), null)));
  }

  public Outcome<AnnotationThread> reject(Principal p, DocumentAccess a, String threadId, String reason) {
    ctx.require(p, a, Operation.SYNC_WRITE);
    String why = AnnotationContext.reason(reason);
    AnnotationThread t = openSuggestion(p, a, threadId);
    AnnotationThread rejected = t.withStatus(ThreadStatus.RESOLVED).withSuggestion(
        t.suggestion().decided(SuggestionState.REJECTED, p.subject(), why, ctx.now()));
    decide(t, rejected);
    return new Outcome<>(rejected, List.of(ctx.threadEvent("suggestion.rejected", rejected)));
  }

  /**
   * Stores a decision only while the suggestion is still as {@code read} (open): the document
   * queue orders one process's writes, not those of other server nodes.
   */
  private void decide(AnnotationThread read, AnnotationThread decided) {
    if (!ctx.repo.updateThreadIf(read, decided)) {
      // Lost to another writer (perhaps on another node): decided meanwhile, or changed by the
      // suggester after the read, which the editor has not seen.
      boolean stillOpen = ctx.repo.thread(read.id()).map(t -> t.suggestion() != null
          && t.suggestion().state() == SuggestionState.OPEN).orElse(false);
      throw stillOpen
          ? new AnnotationException(Problem.SUGGESTION_CHANGED, "suggestion changed since it was read; review it again")
          : new AnnotationException(Problem.WRONG_STATE, "suggestion is no longer open");
    }
  }

  private AnnotationThread openSuggestion(Principal p, DocumentAccess a, String threadId) {
    AnnotationThread t = ctx.visibleThread(p, a, threadId);
    if (t.kind() != ThreadKind.SUGGESTION) {
      throw new AnnotationException(Problem.WRONG_STATE, "not a suggestion");
    }
    if (t.suggestion().state() != SuggestionState.OPEN) {
      throw new AnnotationException(Problem.WRONG_STATE, "suggestion is no longer open");
    }
    return t;
  }

  /** Paragraphs of the rich-text editor hold no line breaks; a plain Y.Text may. */
  private static String cleanReplacement(Doc doc, Anchor anchor, String replacement) {
    Resolution r = AnchorResolver.resolve(doc, anchor);
    boolean paragraph = r.type() instanceof YXmlText;
    String text = TextCleaner.replacement(replacement == null ? "" : replacement, !paragraph);
    if (Limits.length(text) > Limits.MAX_REPLACEMENT) {
      throw new AnnotationException(Problem.INVALID, "replacement longer than " + Limits.MAX_REPLACEMENT
          + " characters");
    }
    return text;
  }
}
