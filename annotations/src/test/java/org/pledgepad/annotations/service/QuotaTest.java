package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;
import static org.pledgepad.annotations.Fixtures.MODERATOR;
import static org.pledgepad.annotations.service.CommentServiceTest.assertProblem;

import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.limit.Limits;
import org.pledgepad.annotations.limit.Quotas;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Stage;
import org.pledgepad.crdt.Doc;

/**
 * One person cannot shut others out: per-person quotas stop a flood before the shared caps, and
 * the caps count only what readers see or may see, so a deleted or hidden flood frees its room.
 */
class QuotaTest {
  /** Small numbers, so that every limit is reached in a few calls; a generous rate limit. */
  private static final Quotas SMALL = new Quotas(4, 4, 2, 2, 2);
  private final Doc doc = Fixtures.tiptap(1, "Wir digitalisieren die Verwaltung bis 2026.");
  private final Anchor words = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 4, 14);

  private static AnnotationThread comment(Fixtures f, Principal p, DocumentAccess a, Anchor at, Doc doc) {
    return f.annotations.comments.createComment(p, a, doc, at.start(), at.end(), "Frage").value();
  }

  private AnnotationThread comment(Fixtures f, Principal p) {
    return comment(f, p, CONSULTATION, words, doc);
  }

  private static Post opening(Fixtures f, AnnotationThread t) {
    return f.repo.posts(t.id()).get(0);
  }

  @Test
  void aFloodOfThreadsByOnePersonStopsAtTheirQuotaAndNotAtOthers() {
    Fixtures f = new Fixtures(1_000);
    for (int i = 0; i < Limits.MAX_OPEN_THREADS_PER_PERSON; i++) {
      comment(f, CITIZEN);
    }
    assertProblem(() -> comment(f, CITIZEN), Problem.QUOTA_OPEN_THREADS);
    assertThat(Problem.QUOTA_OPEN_THREADS.httpStatus()).isEqualTo(429);
    assertThat(Problem.QUOTA_OPEN_THREADS.code()).isEqualTo("quota-open-threads");
    comment(f, CITIZEN_2); // someone else still has their whole quota
    var other = new DocumentAccess("anderes-dokument", Fixtures.COUNCIL, java.util.Set.of(), java.util.Set.of(),
        Stage.CONSULTATION);
    Doc otherDoc = Fixtures.tiptap(2, "Ein anderer Text.");
    comment(f, CITIZEN, other, AnchorResolver.fromIndex(Fixtures.paragraph(otherDoc, 0), 4, 7), otherDoc);
  }

  @Test
  void aRefusedRequestCostsNoRateToken() {
    Fixtures f = new Fixtures(3, SMALL);
    comment(f, CITIZEN);
    comment(f, CITIZEN);
    assertProblem(() -> comment(f, CITIZEN), Problem.QUOTA_OPEN_THREADS);
    assertProblem(() -> comment(f, CITIZEN), Problem.QUOTA_OPEN_THREADS);
    // the third token is still there for a reply
    f.annotations.comments.reply(CITIZEN, CONSULTATION, comment(f, CITIZEN_2).id(), "Antwort");
  }

  @Test
  void resolvedAndWithdrawnThreadsGiveTheirAuthorRoomAgainHiddenOnesDoNot() {
    Fixtures f = new Fixtures(1_000, SMALL);
    AnnotationThread a = comment(f, CITIZEN);
    AnnotationThread b = comment(f, CITIZEN);
    f.annotations.comments.resolve(EDITOR, CONSULTATION, a.id());
    AnnotationThread c = comment(f, CITIZEN);
    f.annotations.comments.delete(CITIZEN, CONSULTATION, opening(f, c).id());
    AnnotationThread d = comment(f, CITIZEN);
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, opening(f, d).id(), "Spam");
    assertProblem(() -> comment(f, CITIZEN), Problem.QUOTA_OPEN_THREADS);
    assertThat(b.id()).isNotEqualTo(d.id());
  }

  @Test
  void aDeletedFloodDoesNotLockTheDocumentOrAThread() {
    Quotas caps = new Quotas(3, 3, 100, 100, 100);
    Fixtures f = new Fixtures(1_000, caps);
    for (int i = 0; i < 10; i++) { // far more than the cap, each deleted again
      f.annotations.comments.delete(CITIZEN, CONSULTATION, opening(f, comment(f, CITIZEN)).id());
    }
    AnnotationThread t = comment(f, CITIZEN_2);
    for (int i = 0; i < 10; i++) {
      Post reply = f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "x").value();
      f.annotations.comments.delete(CITIZEN, CONSULTATION, reply.id());
    }
    f.annotations.comments.reply(CITIZEN_2, CONSULTATION, t.id(), "noch Platz");
    comment(f, CITIZEN_2);
  }

  @Test
  void theCapsCountVisibleAndPendingItemsAndAModeratorsHideFreesRoom() {
    Fixtures f = new Fixtures(1_000, new Quotas(2, 2, 100, 100, 100));
    AnnotationThread a = comment(f, CITIZEN);
    f.repo.setPremoderated(CONSULTATION.document(), true);
    comment(f, CITIZEN); // pending, and counted
    assertProblem(() -> comment(f, CITIZEN_2), Problem.TOO_MANY);
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, opening(f, a).id(), "Spam");
    comment(f, CITIZEN_2);
  }

  @Test
  void repliesOfOnePersonInAThreadAreLimitedOthersStillReply() {
    Fixtures f = new Fixtures(1_000, SMALL);
    AnnotationThread t = comment(f, EDITOR);
    f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "1");
    Post second = f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "2").value();
    assertProblem(() -> f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "3"), Problem.QUOTA_THREAD_POSTS);
    f.annotations.comments.reply(CITIZEN_2, CONSULTATION, t.id(), "ich auch");
    f.annotations.comments.delete(CITIZEN, CONSULTATION, second.id());
    f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "3"); // a deleted post gives its author room back
  }

  @Test
  void pendingPostsOfOnePersonAreLimitedAcrossDocumentsOthersStillWrite() {
    Fixtures f = new Fixtures(1_000, SMALL);
    f.repo.setPremoderated(CONSULTATION.document(), true);
    AnnotationThread t = comment(f, CITIZEN);
    f.annotations.comments.reply(CITIZEN, CONSULTATION, comment(f, EDITOR).id(), "wartet");
    assertProblem(() -> f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "noch eins"), Problem.QUOTA_PENDING);
    var other = new DocumentAccess("anderes-dokument", Fixtures.COUNCIL, java.util.Set.of(), java.util.Set.of(),
        Stage.CONSULTATION);
    f.repo.setPremoderated(other.document(), true);
    Doc otherDoc = Fixtures.tiptap(2, "Ein anderer Text.");
    assertProblem(() -> comment(f, CITIZEN, other, AnchorResolver.fromIndex(Fixtures.paragraph(otherDoc, 0), 4, 7),
        otherDoc), Problem.QUOTA_PENDING);
    comment(f, CITIZEN_2);
    f.annotations.moderation.approve(MODERATOR, CONSULTATION, opening(f, t).id());
    f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "jetzt wieder");
  }

  @Test
  void editorsAndModeratorsHaveNoPersonalQuota() {
    Fixtures f = new Fixtures(1_000, new Quotas(100, 100, 2, 2, 2));
    for (int i = 0; i < 3; i++) {
      comment(f, EDITOR);
      comment(f, MODERATOR);
    }
    AnnotationThread t = f.repo.threads(CONSULTATION.document()).get(0);
    for (int i = 0; i < 3; i++) {
      f.annotations.comments.reply(MODERATOR, CONSULTATION, t.id(), "Bitte sachlich.");
    }
  }
}
