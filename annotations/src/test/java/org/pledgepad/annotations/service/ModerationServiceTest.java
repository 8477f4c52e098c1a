package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;
import static org.pledgepad.annotations.Fixtures.GUEST;
import static org.pledgepad.annotations.Fixtures.MODERATOR;
import static org.pledgepad.annotations.service.CommentServiceTest.assertProblem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.ModerationAction;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Stage;
import org.pledgepad.crdt.Doc;

class ModerationServiceTest {
  private final Fixtures f = new Fixtures();
  private final Doc doc = Fixtures.tiptap(1, "Open Data als Standard für alle Ämter.");
  private final Anchor words = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 0, 9);

  private Post comment(Principal who, String body) {
    AnnotationThread t = f.annotations.comments.createComment(who, CONSULTATION, doc, words.start(), words.end(),
        body).value();
    return f.repo.posts(t.id()).get(0);
  }

  private List<Map<String, Object>> threads(Principal viewer) {
    return f.annotations.views.list(viewer, CONSULTATION, doc);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> firstPost(Principal viewer) {
    return ((List<Map<String, Object>>) threads(viewer).get(0).get("posts")).get(0);
  }

  @Test
  void signedInReadersReportGuestsCannot() {
    Post p = comment(CITIZEN, "Beleidigung");
    assertProblem(() -> f.annotations.moderation.report(GUEST, CONSULTATION, p.id(), "beleidigend"),
        Problem.NOT_SIGNED_IN);
    var out = f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "beleidigend");
    assertThat(out.events()).singleElement().satisfies(e ->
        assertThat(e.audience()).isEqualTo(AnnotationEvent.Audience.MODERATORS));
    // reporting twice does not flood the queue
    Report again = f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "nochmal").value();
    assertThat(again.id()).isEqualTo(out.value().id());
  }

  @Test
  void theQueueIsForModeratorsOnly() {
    Post p = comment(CITIZEN, "x");
    f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "Spam");
    assertProblem(() -> f.annotations.moderation.queue(EDITOR, CONSULTATION), Problem.FORBIDDEN);
    ModerationQueue q = f.annotations.moderation.queue(MODERATOR, CONSULTATION);
    assertThat(q.reports()).singleElement().satisfies(r -> {
      assertThat(r.report().reason()).isEqualTo("Spam");
      assertThat(r.post().id()).isEqualTo(p.id());
    });
  }

  @Test
  void aHiddenReportedPostIsRestoredAndItsHistoryKeepsBothDecisions() {
    Principal secondModerator = Fixtures.person("moderator-2", "Zweite Moderatorin", org.pledgepad.auth.Role.MODERATOR,
        java.util.Set.of());
    Post p = comment(CITIZEN, "strittiger Text");
    Report report = f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "Beleidigung").value();
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, p.id(), "Netiquette 2");
    java.time.Instant hiddenAt = f.clock.instant();

    ModerationQueue whileHidden = f.annotations.moderation.queue(MODERATOR, CONSULTATION);
    assertThat(whileHidden.reports()).isEmpty();
    assertThat(whileHidden.hidden()).singleElement().satisfies(c -> {
      assertThat(c.post().id()).isEqualTo(p.id());
      assertThat(c.reports()).extracting(Report::id, Report::open).containsExactly(org.assertj.core.groups.Tuple.tuple(report.id(), false));
      assertThat(c.history()).extracting(AuditEntry::action).containsExactly(ModerationAction.HIDE);
    });

    f.clock.advanceSeconds(60);
    var out = f.annotations.moderation.restore(secondModerator, CONSULTATION, p.id(), "doch sachlich");
    assertThat(out.events()).extracting(AnnotationEvent::type).containsExactly("post.restored");
    ModerationQueue after = f.annotations.moderation.queue(MODERATOR, CONSULTATION);
    assertThat(after.hidden()).isEmpty();
    assertThat(after.restored()).singleElement().satisfies(c -> {
      assertThat(c.reports()).extracting(Report::reason).containsExactly("Beleidigung");
      assertThat(c.history()).extracting(AuditEntry::action, AuditEntry::actorId, AuditEntry::at, AuditEntry::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ModerationAction.HIDE, MODERATOR.subject(), hiddenAt, "Netiquette 2"),
              org.assertj.core.groups.Tuple.tuple(ModerationAction.RESTORE, secondModerator.subject(),
                  hiddenAt.plusSeconds(60), "doch sachlich"));
    });
    // The author's view says that the post was restored; others just read the post again.
    assertThat(firstPost(CITIZEN).get("state")).isEqualTo("visible");
    assertThat(firstPost(CITIZEN).get("restoredAt")).isEqualTo(hiddenAt.plusSeconds(60).toString());
    assertThat(firstPost(CITIZEN_2).get("html")).isEqualTo("<p>strittiger Text</p>");
    assertThat(firstPost(CITIZEN_2)).doesNotContainKey("restoredAt");
    // Restoring twice is refused: the post is no longer hidden.
    assertProblem(() -> f.annotations.moderation.restore(MODERATOR, CONSULTATION, p.id(), ""), Problem.WRONG_STATE);
    assertProblem(() -> f.annotations.moderation.restore(CITIZEN, CONSULTATION, p.id(), ""), Problem.FORBIDDEN);
  }

  @Test
  void hiddenPostsReadAusgeblendetExceptForAuthorAndModerators() {
    Post p = comment(CITIZEN, "böser Text");
    f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "Beleidigung");
    var out = f.annotations.moderation.hide(MODERATOR, CONSULTATION, p.id(), "Beleidigung (Netiquette 2)");
    assertThat(out.events()).extracting(AnnotationEvent::type).containsExactly("post.hidden");
    assertThat(firstPost(CITIZEN_2).get("html")).isEqualTo("<p>ausgeblendet</p>");
    assertThat(firstPost(CITIZEN_2)).doesNotContainKey("hiddenReason");
    assertThat(firstPost(GUEST).get("html")).isEqualTo("<p>ausgeblendet</p>");
    assertThat(firstPost(CITIZEN).get("html")).isEqualTo("<p>böser Text</p>");
    assertThat(firstPost(CITIZEN).get("hiddenReason")).isEqualTo("Beleidigung (Netiquette 2)");
    assertThat(firstPost(MODERATOR).get("html")).isEqualTo("<p>böser Text</p>");
    // hiding closes the reports about the post
    assertThat(f.annotations.moderation.queue(MODERATOR, CONSULTATION).reports()).isEmpty();
  }

  @Test
  void restoringShowsThePostAgain() {
    Post p = comment(CITIZEN, "doch okay");
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, p.id(), "vorsorglich");
    f.annotations.moderation.restore(MODERATOR, CONSULTATION, p.id(), "Irrtum");
    assertThat(firstPost(CITIZEN_2).get("html")).isEqualTo("<p>doch okay</p>");
    assertProblem(() -> f.annotations.moderation.restore(MODERATOR, CONSULTATION, p.id(), ""), Problem.WRONG_STATE);
  }

  @Test
  void citizensCannotModerate() {
    Post p = comment(CITIZEN, "x");
    assertProblem(() -> f.annotations.moderation.hide(CITIZEN_2, CONSULTATION, p.id(), "weg"), Problem.FORBIDDEN);
    assertProblem(() -> f.annotations.moderation.hide(EDITOR, CONSULTATION, p.id(), "weg"), Problem.FORBIDDEN);
  }

  @Test
  void moderatorsStillHideInPublishedDocuments() {
    Post p = comment(CITIZEN, "x");
    var published = CONSULTATION.withStage(Stage.PUBLISHED);
    f.annotations.moderation.hide(MODERATOR, published, p.id(), "rechtswidrig");
    assertThat(f.repo.post(p.id()).orElseThrow().hiddenReason()).isEqualTo("rechtswidrig");
  }

  @Test
  void premoderatedCitizenCommentsAppearAfterApproval() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "Wahlkampf");
    Post p = comment(CITIZEN, "Meine Meinung");
    assertThat(threads(CITIZEN_2)).isEmpty();
    assertThat(threads(EDITOR)).isEmpty();
    assertThat(threads(CITIZEN)).hasSize(1);
    assertThat(firstPost(CITIZEN).get("state")).isEqualTo("pending");
    assertThat(f.annotations.moderation.queue(MODERATOR, CONSULTATION).pending()).extracting(Post::id)
        .containsExactly(p.id());
    f.annotations.moderation.approve(MODERATOR, CONSULTATION, p.id());
    assertThat(threads(CITIZEN_2)).hasSize(1);
    assertThat(firstPost(CITIZEN_2).get("state")).isEqualTo("visible");
  }

  @Test
  void pendingPostsAreAnnouncedToTheirAuthorAndModeratorsOnly() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    var out = f.annotations.comments.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), "x");
    assertThat(out.events()).singleElement().satisfies(e -> {
      assertThat(e.audience()).isEqualTo(AnnotationEvent.Audience.AUTHOR_AND_MODERATORS);
      assertThat(e.user()).isEqualTo(CITIZEN.subject());
      assertThat(e.toJson()).doesNotContainKey("user");
    });
  }

  @Test
  void editorsAreNotPremoderated() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    comment(EDITOR, "Antwort der Fraktion");
    assertThat(threads(CITIZEN)).hasSize(1);
  }

  @Test
  void pendingThreadsAreInvisibleToOthersEvenByDirectId() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    Post p = comment(CITIZEN, "x");
    assertProblem(() -> f.annotations.views.thread(CITIZEN_2, CONSULTATION, doc, p.threadId()), Problem.NOT_FOUND);
    assertProblem(() -> f.annotations.comments.reply(CITIZEN_2, CONSULTATION, p.threadId(), "y"), Problem.NOT_FOUND);
    assertProblem(() -> f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "y"), Problem.NOT_FOUND);
  }

  @Test
  void aPendingThreadCannotBeDecidedByThoseWhoCannotSeeIt() {
    // An editor who is no moderator does not see a thread awaiting approval; acting on it by id
    // was stored while the answer said 404.
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    Post c = comment(CITIZEN, "x");
    AnnotationThread s = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, words.start(),
        words.end(), "Offene Daten", "").value();
    assertProblem(() -> f.annotations.comments.resolve(EDITOR, CONSULTATION, c.threadId()), Problem.NOT_FOUND);
    assertProblem(() -> f.annotations.suggestions.reject(EDITOR, CONSULTATION, s.id(), "nein"), Problem.NOT_FOUND);
    assertThat(f.repo.thread(c.threadId()).orElseThrow().status()).isEqualTo(org.pledgepad.annotations.model.ThreadStatus.OPEN);
    assertThat(f.repo.thread(s.id()).orElseThrow().suggestion().state())
        .isEqualTo(org.pledgepad.annotations.model.SuggestionState.OPEN);
  }

  @Test
  void changesToAPendingThreadAreAnnouncedToItsAuthorAndModeratorsOnly() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    AnnotationThread s = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, words.start(),
        words.end(), "Offene Daten", "").value();
    var updated = f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, doc, s.id(), "Freie Daten", null, null);
    var locked = f.annotations.moderation.lock(MODERATOR, CONSULTATION, s.id(), "Ruhe");
    for (AnnotationEvent e : List.of(updated.events().get(0), locked.events().get(0))) {
      assertThat(e.audience()).as(e.type()).isEqualTo(AnnotationEvent.Audience.AUTHOR_AND_MODERATORS);
      assertThat(e.user()).isEqualTo(CITIZEN.subject());
    }
    // Once approved, everyone hears of it again.
    Post root = f.repo.posts(s.id()).get(0);
    f.annotations.moderation.approve(MODERATOR, CONSULTATION, root.id());
    assertThat(f.annotations.moderation.unlock(MODERATOR, CONSULTATION, s.id(), "").events())
        .singleElement().satisfies(e -> assertThat(e.audience()).isEqualTo(AnnotationEvent.Audience.ALL));
  }

  @Test
  void everyModerationActionIsAudited() {
    Post p = comment(CITIZEN, "x");
    Report r = f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "Spam").value();
    f.annotations.moderation.dismissReport(MODERATOR, CONSULTATION, r.id(), "kein Spam");
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, p.id(), "doch");
    f.clock.advanceSeconds(5);
    f.annotations.moderation.restore(MODERATOR, CONSULTATION, p.id(), "");
    f.annotations.moderation.lock(MODERATOR, CONSULTATION, p.threadId(), "Ruhe");
    f.annotations.moderation.unlock(MODERATOR, CONSULTATION, p.threadId(), "");
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "Wahl");
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, false, "");
    Post q = comment(CITIZEN_2, "y");
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    Post pending = comment(CITIZEN, "z");
    f.annotations.moderation.approve(MODERATOR, CONSULTATION, pending.id());
    List<AuditEntry> log = f.annotations.moderation.auditLog(MODERATOR, CONSULTATION);
    assertThat(log).extracting(AuditEntry::action).containsExactly(ModerationAction.DISMISS_REPORT,
        ModerationAction.HIDE, ModerationAction.RESTORE, ModerationAction.LOCK, ModerationAction.UNLOCK,
        ModerationAction.PREMODERATION_ON, ModerationAction.PREMODERATION_OFF, ModerationAction.PREMODERATION_ON,
        ModerationAction.APPROVE);
    assertThat(log).allSatisfy(e -> assertThat(e.actorId()).isEqualTo(MODERATOR.subject()));
    assertThat(log.get(1).reason()).isEqualTo("doch");
    assertThat(log.get(2).at()).isAfter(log.get(1).at());
    assertThat(log).extracting(AuditEntry::seq).isSorted().doesNotHaveDuplicates();
    assertThat(q).isNotNull();
    assertProblem(() -> f.annotations.moderation.auditLog(CITIZEN, CONSULTATION), Problem.FORBIDDEN);
  }

  @Test
  void anApprovedCommentEditedUnderPremoderationWaitsForApprovalAgain() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    Post p = comment(CITIZEN, "Sachlicher Text");
    f.annotations.moderation.approve(MODERATOR, CONSULTATION, p.id());
    assertThat(threads(GUEST)).hasSize(1);

    var out = f.annotations.comments.edit(CITIZEN, CONSULTATION, p.id(), "ganz anderer Text");

    assertThat(threads(GUEST)).isEmpty();
    assertThat(threads(CITIZEN_2)).isEmpty();
    assertThat(firstPost(CITIZEN).get("state")).isEqualTo("pending");
    assertThat(f.annotations.moderation.queue(MODERATOR, CONSULTATION).pending()).extracting(Post::id)
        .containsExactly(p.id());
    // everyone's sidebar must drop it, so the (id-only) event goes to all
    assertThat(out.events()).singleElement().satisfies(e ->
        assertThat(e.audience()).isEqualTo(AnnotationEvent.Audience.ALL));
  }

  @Test
  void aReportedPostWrittenBeforePremoderationWaitsAfterAnEditAndKeepsItsReport() {
    Post p = comment(CITIZEN, "Beleidigung");
    Report r = f.annotations.moderation.report(CITIZEN_2, CONSULTATION, p.id(), "beleidigend").value();
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");

    f.annotations.comments.edit(CITIZEN, CONSULTATION, p.id(), "harmlos");

    assertThat(threads(GUEST)).isEmpty();
    ModerationQueue q = f.annotations.moderation.queue(MODERATOR, CONSULTATION);
    assertThat(q.pending()).extracting(Post::id).containsExactly(p.id());
    assertThat(q.reports()).extracting(x -> x.report().id()).containsExactly(r.id());
  }

  @Test
  void editorsEditsUnderPremoderationStayVisible() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    Post p = comment(EDITOR, "Antwort der Fraktion");
    f.annotations.comments.edit(EDITOR, CONSULTATION, p.id(), "Antwort der Fraktion, ergänzt");
    assertThat(firstPost(GUEST).get("state")).isEqualTo("visible");
  }
}
