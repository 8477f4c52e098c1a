package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;
import static org.pledgepad.annotations.Fixtures.GUEST;
import static org.pledgepad.annotations.Fixtures.MODERATOR;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.auth.Stage;
import org.pledgepad.crdt.Doc;

class CommentServiceTest {
  private final Fixtures f = new Fixtures();
  private final Doc doc = Fixtures.tiptap(1, "Wir digitalisieren die Verwaltung bis 2026.");
  private final Anchor words = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 4, 14);

  private AnnotationThread comment(String body) {
    return f.annotations.comments.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), body).value();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> posts(org.pledgepad.auth.Principal viewer) {
    return (List<Map<String, Object>>) f.annotations.views.list(viewer, CONSULTATION, doc).get(0).get("posts");
  }

  static void assertProblem(ThrowingCallable call, Problem problem) {
    assertThatThrownBy(call).isInstanceOfSatisfying(AnnotationException.class,
        e -> assertThat(e.problem()).isEqualTo(problem));
  }

  @Test
  void aCommentKeepsItsQuoteAndIsListedForReaders() {
    AnnotationThread t = comment("Bis wann genau?");
    assertThat(t.anchor().quote()).isEqualTo("digitalisieren");
    Map<String, Object> view = f.annotations.views.list(GUEST, CONSULTATION, doc).get(0);
    assertThat(view.get("kind")).isEqualTo("comment");
    assertThat(((Map<?, ?>) view.get("anchor")).get("current")).isEqualTo("digitalisieren");
    assertThat(posts(GUEST).get(0).get("html")).isEqualTo("<p>Bis wann genau?</p>");
    assertThat(((Map<?, ?>) posts(GUEST).get(0).get("author")).get("name")).isEqualTo("Clara Bürger");
  }

  @Test
  void creatingReturnsAnEventForEveryone() {
    var out = f.annotations.comments.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), "x");
    assertThat(out.events()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo("thread.created");
      assertThat(e.audience()).isEqualTo(AnnotationEvent.Audience.ALL);
      assertThat(e.toJson()).containsOnlyKeys("kind", "type", "document", "thread", "post", "at");
    });
  }

  @Test
  void guestsCannotComment() {
    assertProblem(() -> f.annotations.comments.createComment(GUEST, CONSULTATION, doc, words.start(), words.end(),
        "x"), Problem.FORBIDDEN);
  }

  @Test
  void citizensCannotCommentOnPublishedDocuments() {
    assertProblem(() -> f.annotations.comments.createComment(CITIZEN, CONSULTATION.withStage(Stage.PUBLISHED), doc,
        words.start(), words.end(), "x"), Problem.FORBIDDEN);
  }

  @Test
  void bodiesAreLimitedToTenThousandCharacters() {
    comment("a".repeat(10_000));
    assertProblem(() -> comment("a".repeat(10_001)), Problem.INVALID);
    assertProblem(() -> comment("  \n "), Problem.INVALID);
  }

  @Test
  void writingIsRateLimitedPerUser() {
    Fixtures small = new Fixtures(2);
    var c = small.annotations.comments;
    c.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), "1");
    c.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), "2");
    assertProblem(() -> c.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), "3"),
        Problem.RATE_LIMITED);
    c.createComment(CITIZEN_2, CONSULTATION, doc, words.start(), words.end(), "other user");
    small.nanos.addAndGet(6_000_000_000L);
    c.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), "later");
  }

  @Test
  void repliesFollowTheOpeningPost() {
    AnnotationThread t = comment("Frage");
    f.annotations.comments.reply(EDITOR, CONSULTATION, t.id(), "Antwort");
    assertThat(posts(CITIZEN)).extracting(p -> p.get("html")).containsExactly("<p>Frage</p>", "<p>Antwort</p>");
  }

  @Test
  void onlyTheAuthorEditsAndTheEditIsMarked() {
    AnnotationThread t = comment("Tippfeler");
    Post root = f.repo.posts(t.id()).get(0);
    assertProblem(() -> f.annotations.comments.edit(CITIZEN_2, CONSULTATION, root.id(), "x"), Problem.NOT_AUTHOR);
    f.clock.advanceSeconds(60);
    Post edited = f.annotations.comments.edit(CITIZEN, CONSULTATION, root.id(), "Tippfehler").value();
    assertThat(edited.body()).isEqualTo("Tippfehler");
    assertThat(edited.editedAt()).isAfter(edited.createdAt());
  }

  @Test
  void aDeletedPostStaysInTheThreadAsEntfernt() {
    AnnotationThread t = comment("Frage");
    Post reply = f.annotations.comments.reply(CITIZEN_2, CONSULTATION, t.id(), "meine Antwort").value();
    assertProblem(() -> f.annotations.comments.delete(CITIZEN, CONSULTATION, reply.id()), Problem.NOT_AUTHOR);
    f.annotations.comments.delete(CITIZEN_2, CONSULTATION, reply.id());
    List<Map<String, Object>> posts = posts(CITIZEN);
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).get("state")).isEqualTo("deleted");
    assertThat(posts.get(1).get("html")).isEqualTo("<p>entfernt</p>");
    assertThat(f.repo.post(reply.id()).orElseThrow().body()).isEqualTo("entfernt");
  }

  @Test
  void editorsResolveAndReopenCitizensCannot() {
    AnnotationThread t = comment("Frage");
    assertProblem(() -> f.annotations.comments.resolve(CITIZEN, CONSULTATION, t.id()), Problem.FORBIDDEN);
    assertThat(f.annotations.comments.resolve(EDITOR, CONSULTATION, t.id()).value().status())
        .isEqualTo(ThreadStatus.RESOLVED);
    assertThat(f.annotations.comments.reopen(EDITOR, CONSULTATION, t.id()).value().status())
        .isEqualTo(ThreadStatus.OPEN);
  }

  @Test
  void threadsOfAnotherDocumentAreNotFound() {
    AnnotationThread t = comment("Frage");
    var other = new org.pledgepad.auth.DocumentAccess("anderes-dokument", Fixtures.COUNCIL, java.util.Set.of(),
        java.util.Set.of(), Stage.CONSULTATION);
    assertProblem(() -> f.annotations.comments.reply(CITIZEN, other, t.id(), "x"), Problem.NOT_FOUND);
  }

  @Test
  void lockedThreadsTakeRepliesOnlyFromModerators() {
    AnnotationThread t = comment("Frage");
    f.annotations.moderation.lock(MODERATOR, CONSULTATION, t.id(), "Streit");
    assertProblem(() -> f.annotations.comments.reply(CITIZEN_2, CONSULTATION, t.id(), "x"), Problem.LOCKED);
    f.annotations.comments.reply(MODERATOR, CONSULTATION, t.id(), "Bitte sachlich bleiben.");
  }

  @Test
  void viewsShowTheAnchorAsDeletedWhenThePassageIsGone() {
    comment("Frage");
    Fixtures.paragraph(doc, 0).delete(4, 14);
    Map<?, ?> anchor = (Map<?, ?>) f.annotations.views.list(CITIZEN, CONSULTATION, doc).get(0).get("anchor");
    assertThat(anchor.get("state")).isEqualTo("passage-deleted");
    assertThat(anchor.get("quote")).isEqualTo("digitalisieren");
  }

  @Test
  void malformedAnchorsAreInvalid() {
    assertProblem(() -> f.annotations.comments.createComment(CITIZEN, CONSULTATION, doc, new byte[] {9},
        words.end(), "x"), Problem.INVALID);
  }
}
