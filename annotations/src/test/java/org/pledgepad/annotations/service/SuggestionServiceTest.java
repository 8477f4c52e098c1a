package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;
import static org.pledgepad.annotations.Fixtures.MODERATOR;
import static org.pledgepad.annotations.Fixtures.OTHER_COUNCILLOR;
import static org.pledgepad.annotations.service.CommentServiceTest.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.anchor.AnchorState;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlText;

class SuggestionServiceTest {
  private final Fixtures f = new Fixtures();
  private final Doc doc = Fixtures.tiptap(1, "Kostenloses WLAN in allen Bussen bis 2025.");
  private final YXmlText para = Fixtures.paragraph(doc, 0);
  private final Anchor year = AnchorResolver.fromIndex(para, 37, 4);

  private AnnotationThread suggest(String replacement) {
    return f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, year.start(), year.end(),
        replacement, "realistischer").value();
  }

  @Test
  void acceptingReplacesThePassageInOneTransaction() {
    AnnotationThread s = suggest("2027");
    Doc before = new Doc(new DocOptions().clientID(50));
    Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
    AcceptResult r = f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s));
    assertThat(r).isInstanceOf(AcceptResult.Accepted.class);
    AcceptResult.Accepted ok = (AcceptResult.Accepted) r;
    assertThat(Fixtures.paragraph(doc, 0).toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis 2027.");
    // the returned update alone brings another replica to the same text
    Y.applyUpdate(before, ok.update());
    assertThat(Fixtures.paragraph(before, 0).toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis 2027.");
    // The log names the suggester by subject (erasable identity), never by display name.
    assertThat(ok.origin().logNote()).isEqualTo("accepted suggestion " + s.id() + " by " + CITIZEN.subject())
        .doesNotContain("Clara");
    assertThat(SuggestionOrigin.parse(ok.origin().logNote()))
        .contains(new SuggestionOrigin.Note(s.id(), CITIZEN.subject()));
    assertThat(SuggestionOrigin.parse("c-1234")).isEmpty();
    assertThat(ok.thread().suggestion().state()).isEqualTo(SuggestionState.ACCEPTED);
    assertThat(ok.thread().status()).isEqualTo(ThreadStatus.RESOLVED);
    assertThat(ok.events()).extracting(AnnotationEvent::type).containsExactly("suggestion.accepted");
  }

  @Test
  void theTransactionOriginNamesTheSuggestion() {
    AnnotationThread s = suggest("2027");
    Object[] seen = new Object[1];
    doc.onUpdate((u, origin, d, tr) -> seen[0] = origin);
    f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s));
    assertThat(seen[0]).isEqualTo(new SuggestionOrigin(s.id(), CITIZEN.subject(), EDITOR.subject()));
  }

  @Test
  void theReplacementKeepsThePassagesFormatting() {
    para.format(37, 4, Map.of("bold", Map.of()));
    AnnotationThread s = suggest("2027");
    f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s));
    assertThat(para.toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis <bold>2027</bold>.");
  }

  @Test
  void onlyEditorsAccept() {
    AnnotationThread s = suggest("2027");
    assertProblem(() -> f.annotations.suggestions.accept(CITIZEN, CONSULTATION, doc, s.id(), Reviewed.of(s)), Problem.FORBIDDEN);
    assertProblem(() -> f.annotations.suggestions.accept(OTHER_COUNCILLOR, CONSULTATION, doc, s.id(), Reviewed.of(s)),
        Problem.FORBIDDEN);
    assertProblem(() -> f.annotations.suggestions.accept(MODERATOR, CONSULTATION, doc, s.id(), Reviewed.of(s)), Problem.FORBIDDEN);
  }

  @Test
  void aPassageChangedSinceTheSuggestionCollides() {
    AnnotationThread s = suggest("2027");
    para.insert(39, "X");
    AcceptResult r = f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s));
    assertThat(r).isEqualTo(new AcceptResult.Collision(AnchorState.ATTACHED, "2025", "20X25"));
    assertThat(para.toString()).contains("20X25");
    assertThat(f.repo.thread(s.id()).orElseThrow().suggestion().state()).isEqualTo(SuggestionState.OPEN);
  }

  @Test
  void aDeletedPassageCollides() {
    AnnotationThread s = suggest("2027");
    para.delete(33, 8);
    AcceptResult r = f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s));
    assertThat(r).isEqualTo(new AcceptResult.Collision(AnchorState.PASSAGE_DELETED, "2025", ""));
  }

  @Test
  void updatingTheSuggestionAgainstTheNewTextClearsTheCollision() {
    AnnotationThread s = suggest("2027");
    para.insert(39, "X");
    assertProblem(() -> f.annotations.suggestions.updateSuggestion(CITIZEN_2, CONSULTATION, doc, s.id(), "2028",
        null, null), Problem.NOT_AUTHOR);
    AnnotationThread updated = f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, doc, s.id(),
        "2028", null, null).value();
    assertThat(updated.anchor().quote()).isEqualTo("20X25");
    assertThat(f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(updated)))
        .isInstanceOf(AcceptResult.Accepted.class);
    assertThat(para.toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis 2028.");
  }

  /** The editor's read, as the browser sends it back: the view's replacement and anchor. */
  @SuppressWarnings("unchecked")
  private Reviewed readByEditor(String threadId) {
    Map<String, Object> view = f.annotations.views.thread(EDITOR, CONSULTATION, doc, threadId);
    Map<String, Object> anchor = (Map<String, Object>) view.get("anchor");
    Map<String, Object> suggestion = (Map<String, Object>) view.get("suggestion");
    return new Reviewed((String) suggestion.get("replacement"), Anchor.positionFromBase64((String) anchor.get("start")),
        Anchor.positionFromBase64((String) anchor.get("end")), (String) anchor.get("quote"));
  }

  @Test
  void aReplacementChangedAfterTheEditorReadItIsNotAccepted() {
    AnnotationThread s = suggest("2027");
    Reviewed seen = readByEditor(s.id());
    f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, doc, s.id(), "2099", null, null);
    assertProblem(() -> f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), seen),
        Problem.SUGGESTION_CHANGED);
    assertThat(para.toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis 2025.");
    assertThat(f.repo.thread(s.id()).orElseThrow().suggestion().state()).isEqualTo(SuggestionState.OPEN);
    // Read again, the new version can be accepted.
    assertThat(f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), readByEditor(s.id())))
        .isInstanceOf(AcceptResult.Accepted.class);
    assertThat(para.toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis 2099.");
  }

  @Test
  void aSuggestionMovedToAnotherPassageAfterTheEditorReadItIsNotAccepted() {
    AnnotationThread s = suggest("2027");
    Reviewed seen = readByEditor(s.id());
    Anchor other = AnchorResolver.fromIndex(para, 0, 11);
    f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, doc, s.id(), "2027", other.start(), other.end());
    assertProblem(() -> f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), seen),
        Problem.SUGGESTION_CHANGED);
    assertThat(para.toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis 2025.");
    assertThat(f.repo.thread(s.id()).orElseThrow().status()).isEqualTo(ThreadStatus.OPEN);
  }

  @Test
  void anUpdateWithOnlyOneEndOfANewPassageIsRefusedAndChangesNothing() {
    AnnotationThread s = suggest("2027");
    Anchor other = AnchorResolver.fromIndex(para, 0, 11);
    assertProblem(() -> f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, doc, s.id(), "2099",
        other.start(), null), Problem.INVALID);
    assertProblem(() -> f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, doc, s.id(), "2099",
        null, other.end()), Problem.INVALID);
    AnnotationThread stored = f.repo.thread(s.id()).orElseThrow();
    assertThat(stored.suggestion().replacement()).isEqualTo("2027");
    assertThat(stored.anchor().quote()).isEqualTo("2025");
  }

  @Test
  void anAcceptThatNamesNoReviewedVersionIsRefused() {
    AnnotationThread s = suggest("2027");
    assertProblem(() -> f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), null), Problem.INVALID);
    assertThat(para.toString()).isEqualTo("Kostenloses WLAN in allen Bussen bis 2025.");
  }

  @Test
  void rejectingNeedsAReasonAndClosesTheSuggestion() {
    AnnotationThread s = suggest("2027");
    assertProblem(() -> f.annotations.suggestions.reject(EDITOR, CONSULTATION, s.id(), " "), Problem.INVALID);
    AnnotationThread r = f.annotations.suggestions.reject(EDITOR, CONSULTATION, s.id(), "Haushalt 2025 steht").value();
    assertThat(r.suggestion().state()).isEqualTo(SuggestionState.REJECTED);
    assertThat(r.suggestion().decisionReason()).isEqualTo("Haushalt 2025 steht");
    assertProblem(() -> f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s)), Problem.WRONG_STATE);
  }

  @Test
  void suggestionsCanBeCommented() {
    AnnotationThread s = suggest("2027");
    f.annotations.comments.reply(EDITOR, CONSULTATION, s.id(), "Wir prüfen das.");
    assertThat(f.repo.posts(s.id())).hasSize(2);
  }

  @Test
  void anEmptyReplacementProposesDeletingThePassage() {
    AnnotationThread s = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc,
        AnchorResolver.fromIndex(para, 0, 12).start(), AnchorResolver.fromIndex(para, 0, 12).end(), "", "").value();
    f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s));
    assertThat(para.toString()).isEqualTo("WLAN in allen Bussen bis 2025.");
  }

  @Test
  void lineBreaksInAParagraphReplacementBecomeSpaces() {
    AnnotationThread s = suggest("20\n27");
    assertThat(s.suggestion().replacement()).isEqualTo("20 27");
  }

  @Test
  void withdrawingTheOpeningPostWithdrawsTheSuggestion() {
    AnnotationThread s = suggest("2027");
    f.annotations.comments.delete(CITIZEN, CONSULTATION, f.repo.posts(s.id()).get(0).id());
    assertThat(f.repo.thread(s.id()).orElseThrow().suggestion().state()).isEqualTo(SuggestionState.WITHDRAWN);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWithdrawnSuggestionsReplacementIsShownToNoOne() {
    AnnotationThread s = suggest("2099, Geheimtext");
    f.annotations.comments.delete(CITIZEN, CONSULTATION, f.repo.posts(s.id()).get(0).id());
    for (var viewer : java.util.List.of(Fixtures.GUEST, CITIZEN_2, MODERATOR, CITIZEN)) {
      Map<String, Object> one = f.annotations.views.thread(viewer, CONSULTATION, doc, s.id());
      assertThat((Map<String, Object>) one.get("suggestion"))
          .containsEntry("state", "withdrawn").containsEntry("replacement", null);
      assertThat(f.annotations.views.list(viewer, CONSULTATION, doc).toString()).doesNotContain("Geheimtext");
    }
  }

  @Test
  void aHiddenSuggestionCannotBeAccepted() {
    AnnotationThread s = suggest("2027");
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, f.repo.posts(s.id()).get(0).id(), "Spam");
    assertProblem(() -> f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s)), Problem.WRONG_STATE);
  }

  @Test
  void acceptingOnAReplicaGivesAnUpdateTheLiveDocumentMergesWithConcurrentTyping() {
    AnnotationThread s = suggest("2027");
    Doc replica = Replicas.of(Y.encodeStateAsUpdate(doc));
    assertThat(replica.clientID).isNotEqualTo(doc.clientID);
    para.insert(0, "Neu: ");
    AcceptResult.Accepted ok = (AcceptResult.Accepted) f.annotations.suggestions.accept(EDITOR, CONSULTATION,
        replica, s.id(), Reviewed.of(s));
    Y.applyUpdate(doc, ok.update());
    assertThat(para.toString()).isEqualTo("Neu: Kostenloses WLAN in allen Bussen bis 2027.");
    assertThat(Y.parseUpdateMeta(ok.update()).from).containsOnlyKeys(replica.clientID);
  }

  @Test
  void collisionsDescribeThemselvesForThe409Answer() {
    AnnotationThread s = suggest("2027");
    para.delete(37, 4);
    AcceptResult.Collision c = (AcceptResult.Collision) f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc,
        s.id(), Reviewed.of(s));
    assertThat(c.toJson()).containsExactly(Map.entry("result", "collision"), Map.entry("state", "passage-deleted"),
        Map.entry("quote", "2025"), Map.entry("current", ""));
  }

  @Test
  void aPlainTextKeepsLineBreaksInTheReplacement() {
    Doc plain = new Doc(new DocOptions().clientID(7));
    plain.getText("t").insert(0, "eins zwei");
    Anchor two = AnchorResolver.fromIndex(plain.getText("t"), 5, 4);
    AnnotationThread s = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, plain, two.start(),
        two.end(), "zwei\ndrei", "").value();
    assertThat(s.suggestion().replacement()).isEqualTo("zwei\ndrei");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aHiddenSuggestionsReplacementIsWithheldFromOthers() {
    AnnotationThread s = suggest("<b>Werbung</b>");
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, f.repo.posts(s.id()).get(0).id(), "Werbung");
    Map<String, Object> forOthers = (Map<String, Object>) f.annotations.views.thread(CITIZEN_2, CONSULTATION, doc,
        s.id()).get("suggestion");
    assertThat(forOthers.get("replacement")).isNull();
    Map<String, Object> forAuthor = (Map<String, Object>) f.annotations.views.thread(CITIZEN, CONSULTATION, doc,
        s.id()).get("suggestion");
    assertThat(forAuthor.get("replacement")).isEqualTo("<b>Werbung</b>");
  }

  @Test
  void anApprovedSuggestionUpdatedUnderPremoderationWaitsForApprovalAgain() {
    f.annotations.moderation.setPremoderation(MODERATOR, CONSULTATION, true, "");
    AnnotationThread s = suggest("2027");
    String root = f.repo.posts(s.id()).get(0).id();
    f.annotations.moderation.approve(MODERATOR, CONSULTATION, root);
    assertThat(f.annotations.views.list(Fixtures.GUEST, CONSULTATION, doc)).hasSize(1);

    var updated = f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, doc, s.id(), "irgendetwas anderes", null, null);

    // Told to everyone, whose sidebars showed it: they refetch and drop it.
    assertThat(updated.events()).singleElement().satisfies(e -> assertThat(e.audience()).isEqualTo(AnnotationEvent.Audience.ALL));
    assertThat(f.annotations.views.list(Fixtures.GUEST, CONSULTATION, doc)).isEmpty();
    assertThat(f.annotations.moderation.queue(MODERATOR, CONSULTATION).pending())
        .extracting(org.pledgepad.annotations.model.Post::id).containsExactly(root);
    // Waiting for approval, it exists only for its author and the moderators.
    assertProblem(() -> f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, s.id(), Reviewed.of(s)), Problem.NOT_FOUND);
  }
}
