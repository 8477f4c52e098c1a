package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;
import static org.pledgepad.annotations.Fixtures.GUEST;
import static org.pledgepad.annotations.service.CommentServiceTest.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.limit.Limits;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Stage;
import org.pledgepad.crdt.Doc;

/** A document's thread list comes in pages (keyset cursor), each thread with its first posts. */
class ThreadPageTest {
  private final Fixtures f = new Fixtures(10_000);
  private final Doc doc = Fixtures.tiptap(1, "Wir digitalisieren die Verwaltung bis 2026.");
  private final Anchor words = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 4, 14);

  private AnnotationThread comment(String body) {
    return f.annotations.comments.createComment(EDITOR, CONSULTATION, doc, words.start(), words.end(), body).value();
  }

  private static List<Object> ids(ThreadPage page) {
    return page.threads().stream().map(t -> t.get("id")).toList();
  }

  @Test
  void followingNextListsEveryThreadOnceInCreationOrder() {
    List<Object> made = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      made.add(comment("Frage " + i).id());
    }
    List<Object> seen = new ArrayList<>();
    ThreadPage page = f.annotations.views.page(GUEST, CONSULTATION, doc, null, 3);
    seen.addAll(ids(page));
    assertThat(page.threads()).hasSize(3);
    comment("neu, während gelesen wird"); // appended at the end, nothing skipped or repeated
    made.add(f.repo.threads(CONSULTATION.document()).get(7).id());
    while (page.next() != null) {
      page = f.annotations.views.page(GUEST, CONSULTATION, doc, page.next(), 3);
      seen.addAll(ids(page));
    }
    assertThat(seen).isEqualTo(made);
  }

  @Test
  void aPageExactlyAtTheEndHasNoNext() {
    comment("a");
    comment("b");
    assertThat(f.annotations.views.page(GUEST, CONSULTATION, doc, null, 2).next()).isNull();
    assertThat(f.annotations.views.page(GUEST, CONSULTATION, doc, null, 1).next()).isNotNull();
  }

  @Test
  void aThreadInTheListShowsItsFirstPostsAndSaysThatThereAreMore() {
    AnnotationThread t = comment("Frage");
    for (int i = 1; i <= Limits.POSTS_PER_THREAD_IN_LIST; i++) {
      f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "Antwort " + i);
    }
    Map<String, Object> listed = f.annotations.views.page(GUEST, CONSULTATION, doc, null, 10).threads().get(0);
    assertThat((List<?>) listed.get("posts")).hasSize(Limits.POSTS_PER_THREAD_IN_LIST);
    assertThat(listed.get("morePosts")).isEqualTo(true);
    assertThat((List<?>) f.annotations.views.thread(GUEST, CONSULTATION, doc, t.id()).get("posts"))
        .hasSize(Limits.POSTS_PER_THREAD_IN_LIST + 1);
    AnnotationThread short_ = comment("kurz");
    Map<String, Object> shortView = f.annotations.views.page(GUEST, CONSULTATION, doc, null, 10).threads().get(1);
    assertThat(shortView.get("id")).isEqualTo(short_.id());
    assertThat(shortView).doesNotContainKey("morePosts");
  }

  @Test
  void threadsTheViewerMayNotSeeAreLeftOutButTheNextPageIsStillOffered() {
    f.repo.setPremoderated(CONSULTATION.document(), true);
    f.annotations.comments.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(), "wartet");
    comment("sichtbar");
    ThreadPage first = f.annotations.views.page(CITIZEN_2, CONSULTATION, doc, null, 1);
    assertThat(first.threads()).isEmpty();
    assertThat(first.next()).isNotNull();
    assertThat(f.annotations.views.page(CITIZEN_2, CONSULTATION, doc, first.next(), 1).threads()).hasSize(1);
  }

  @Test
  void limitsOutOfRangeAndBadCursorsAreInvalid() {
    AnnotationThread t = comment("a");
    assertProblem(() -> f.annotations.views.page(GUEST, CONSULTATION, doc, null, 0), Problem.INVALID);
    assertProblem(() -> f.annotations.views.page(GUEST, CONSULTATION, doc, null, Limits.MAX_PAGE_THREADS + 1),
        Problem.INVALID);
    f.annotations.views.page(GUEST, CONSULTATION, doc, null, Limits.MAX_PAGE_THREADS);
    for (String bad : List.of("", "%%%", "bm90LWEtY3Vyc29y", ListCursor.encode("no-such-thread"), "x".repeat(200))) {
      assertProblem(() -> f.annotations.views.page(GUEST, CONSULTATION, doc, bad, 10), Problem.INVALID);
    }
    var other = new DocumentAccess("anderes-dokument", Fixtures.COUNCIL, java.util.Set.of(), java.util.Set.of(),
        Stage.CONSULTATION);
    assertProblem(() -> f.annotations.views.page(GUEST, other, doc, ListCursor.encode(t.id()), 10), Problem.INVALID);
    assertThat(f.annotations.views.page(GUEST, CONSULTATION, doc, ListCursor.encode(t.id()), 10).threads()).isEmpty();
  }
}
