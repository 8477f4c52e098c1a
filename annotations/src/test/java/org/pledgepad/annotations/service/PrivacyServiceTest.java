package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.repo.Interleaving;
import org.pledgepad.crdt.Doc;

class PrivacyServiceTest {
  private final Fixtures f = new Fixtures();
  private final Doc doc = Fixtures.tiptap(1, "Digitale Sitzungen des Rates werden gestreamt.");
  private final Anchor words = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 9, 9);
  private AnnotationThread comment;
  private AnnotationThread suggestion;

  private void write() {
    comment = f.annotations.comments.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(),
        "Auch Ausschüsse?").value();
    f.annotations.comments.reply(CITIZEN_2, CONSULTATION, comment.id(), "Gute Frage");
    f.annotations.comments.reply(CITIZEN, CONSULTATION, comment.id(), "Danke");
    suggestion = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, words.start(), words.end(),
        "Sitzungen und Ausschüsse", "vollständiger").value();
    f.annotations.moderation.report(CITIZEN, CONSULTATION, f.repo.posts(comment.id()).get(1).id(), "Spam?");
  }

  @Test
  @SuppressWarnings("unchecked")
  void exportContainsEverythingThePersonWroteAndNothingElse() {
    write();
    Map<String, Object> export = f.annotations.privacy.exportFor(CITIZEN.subject());
    List<Map<String, Object>> posts = (List<Map<String, Object>>) export.get("posts");
    assertThat(posts).extracting(p -> p.get("body")).containsExactly("Auch Ausschüsse?", "Danke", "vollständiger");
    List<Map<String, Object>> threads = (List<Map<String, Object>>) export.get("threads");
    assertThat(threads).extracting(t -> t.get("kind")).containsExactly("comment", "suggestion");
    assertThat(threads.get(1).get("replacement")).isEqualTo("Sitzungen und Ausschüsse");
    assertThat((List<?>) export.get("reports")).hasSize(1);
  }

  @Test
  void erasureKeepsTheThreadButNotThePerson() {
    write();
    var out = f.annotations.privacy.eraseFor(CITIZEN.subject());
    assertThat(out.value()).isEqualTo(3 + 2 + 1);
    var posts = f.repo.posts(comment.id());
    assertThat(posts).hasSize(3);
    assertThat(posts.get(0).body()).isEqualTo("entfernt");
    assertThat(posts.get(0).author().id()).isNull();
    assertThat(posts.get(0).author().name()).isEqualTo("entfernt");
    assertThat(posts.get(1).body()).isEqualTo("Gute Frage");
    assertThat(posts.get(1).author().id()).isEqualTo(CITIZEN_2.subject());
    AnnotationThread s = f.repo.thread(suggestion.id()).orElseThrow();
    assertThat(s.suggestion().state()).isEqualTo(SuggestionState.WITHDRAWN);
    assertThat(s.suggestion().replacement()).isEmpty();
    assertThat(f.repo.reportsBy(CITIZEN.subject())).isEmpty();
    Map<String, Object> export = f.annotations.privacy.exportFor(CITIZEN.subject());
    assertThat((List<?>) export.get("posts")).isEmpty();
    assertThat((List<?>) export.get("threads")).isEmpty();
    String all = f.annotations.views.list(CITIZEN_2, CONSULTATION, doc).toString();
    assertThat(all).doesNotContain("Auch Ausschüsse?", "Clara", CITIZEN.subject());
  }

  /** Another node stores an editor's accept after erasure read the open suggestion. */
  @Test
  void anAcceptStoredWhileErasureRunsStaysAccepted() {
    write();
    AnnotationThread open = f.repo.thread(suggestion.id()).orElseThrow();
    AnnotationThread accepted = open.withStatus(org.pledgepad.annotations.model.ThreadStatus.RESOLVED)
        .withSuggestion(open.suggestion().decided(SuggestionState.ACCEPTED, Fixtures.EDITOR.subject(), null,
            f.clock.instant()));
    Annotations erasing = new Annotations(new AnnotationContext(
        Interleaving.after(f.repo, "threadsByAuthor", () -> f.repo.updateThreadIf(open, accepted)), f.clock,
        () -> "erasing", org.pledgepad.annotations.limit.RateLimiter.withDefaults()));

    erasing.privacy.eraseFor(CITIZEN.subject());

    AnnotationThread after = f.repo.thread(suggestion.id()).orElseThrow();
    assertThat(after.suggestion().state()).isEqualTo(SuggestionState.ACCEPTED);
    assertThat(after.suggestion().decidedBy()).isEqualTo(Fixtures.EDITOR.subject());
    assertThat(after.suggestion().replacement()).isEmpty();
    assertThat(after.author().id()).isNull();
  }
}
