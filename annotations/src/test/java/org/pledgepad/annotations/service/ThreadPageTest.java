package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;
import static org.pledgepad.annotations.Fixtures.GUEST;
import static org.pledgepad.annotations.Fixtures.MODERATOR;
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
import org.pledgepad.annotations.model.ThreadTargets;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Stage;
import org.pledgepad.crdt.Doc;

/**
 * A document's thread list, a thread's posts and a status entry's comments come in pages (keyset
 * cursor), each listed thread with its first posts.
 */
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
  private static List<Object> postIds(Map<String, Object> thread) {
    return ((List<?>) thread.get("posts")).stream().map(post -> (Object) ((Map<?, ?>) post).get("id")).toList();
  }

  @Test
  void aThreadsPostsComeInPagesAndFollowingNextListsEachOnceInOrder() {
    AnnotationThread t = comment("Frage");
    for (int i = 1; i <= 6; i++) {
      f.annotations.comments.reply(CITIZEN, CONSULTATION, t.id(), "Antwort " + i);
    }
    f.annotations.comments.delete(CITIZEN, CONSULTATION, f.repo.posts(t.id()).get(2).id());
    List<Object> made = f.repo.posts(t.id()).stream().map(post -> (Object) post.id()).toList();
    List<Object> seen = new ArrayList<>();
    Map<String, Object> page = f.annotations.views.thread(GUEST, CONSULTATION, doc, t.id(), null, 3);
    assertThat(postIds(page)).hasSize(3);
    seen.addAll(postIds(page));
    int pages = 1;
    while (page.get("next") != null) {
      page = f.annotations.views.thread(GUEST, CONSULTATION, doc, t.id(), (String) page.get("next"), 3);
      assertThat(page.get("id")).isEqualTo(t.id());
      seen.addAll(postIds(page));
      pages++;
    }
    // The deleted post stays listed ("entfernt"): the replies after it may answer it.
    assertThat(seen).isEqualTo(made);
    assertThat(pages).isEqualTo(3);
    assertThat(f.annotations.views.thread(GUEST, CONSULTATION, doc, t.id(), null, 7)).doesNotContainKey("next");
  }

  @Test
  void aLaterPageOfASuggestionStillWithholdsTheReplacementOfAHiddenOpeningPost() {
    AnnotationThread s = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, words.start(), words.end(),
        "Wir modernisieren", "klarer").value();
    f.annotations.comments.reply(CITIZEN_2, CONSULTATION, s.id(), "Dafür");
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, f.repo.posts(s.id()).get(0).id(), "Beleidigung");
    Map<String, Object> first = f.annotations.views.thread(GUEST, CONSULTATION, doc, s.id(), null, 1);
    Map<String, Object> second = f.annotations.views.thread(GUEST, CONSULTATION, doc, s.id(), (String) first.get("next"), 1);
    assertThat(postIds(second)).hasSize(1);
    assertThat(((Map<?, ?>) second.get("suggestion")).get("replacement")).isNull();
    assertThat(((Map<?, ?>) f.annotations.views.thread(MODERATOR, CONSULTATION, doc, s.id(), (String) first.get("next"), 1)
        .get("suggestion")).get("replacement")).isEqualTo("Wir modernisieren");
  }

  @Test
  void aThreadsPostPagesRefuseBadLimitsAndCursorsAndHidePendingThreadsFirst() {
    AnnotationThread t = comment("Frage");
    AnnotationThread other = comment("andere");
    assertProblem(() -> f.annotations.views.thread(GUEST, CONSULTATION, doc, t.id(), null, 0), Problem.INVALID);
    assertProblem(() -> f.annotations.views.thread(GUEST, CONSULTATION, doc, t.id(), null, Limits.MAX_PAGE_POSTS + 1),
        Problem.INVALID);
    String otherPost = f.repo.posts(other.id()).get(0).id();
    for (String bad : List.of("", "%%%", ListCursor.encode(t.id()), ListCursor.encodePost(otherPost),
        ListCursor.encodePost("no-such-post"))) {
      assertProblem(() -> f.annotations.views.thread(GUEST, CONSULTATION, doc, t.id(), bad, 10), Problem.INVALID);
    }
    f.repo.setPremoderated(CONSULTATION.document(), true);
    AnnotationThread waiting = f.annotations.comments.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(),
        "wartet").value();
    String cursor = ListCursor.encodePost(f.repo.posts(waiting.id()).get(0).id());
    assertProblem(() -> f.annotations.views.thread(CITIZEN_2, CONSULTATION, doc, waiting.id(), cursor, 0), Problem.NOT_FOUND);
  }

  @Test
  void aStatusEntrysCommentsComeInPagesOfThatEntryOnly() {
    String entry = ThreadTargets.pledgeStatus("ausbau-glasfaser-k3m9xp", 1);
    List<Object> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(f.annotations.comments.commentOn(CITIZEN, CONSULTATION, entry, "Kommentar " + i).value().id());
      f.annotations.comments.commentOn(CITIZEN, CONSULTATION, ThreadTargets.pledgeStatus("ausbau-glasfaser-k3m9xp", 2),
          "anderer Eintrag " + i);
    }
    comment("am Text");
    List<Object> seen = new ArrayList<>();
    ThreadPage page = f.annotations.views.pageTarget(GUEST, CONSULTATION, entry, null, 2);
    seen.addAll(ids(page));
    while (page.next() != null) {
      page = f.annotations.views.pageTarget(GUEST, CONSULTATION, entry, page.next(), 2);
      seen.addAll(ids(page));
    }
    assertThat(seen).isEqualTo(made);
    // A cursor of the text's list, or of another entry, is not one of this list.
    AnnotationThread onText = f.repo.threads(CONSULTATION.document()).stream().filter(AnnotationThread::onPassage)
        .findFirst().orElseThrow();
    assertProblem(() -> f.annotations.views.pageTarget(GUEST, CONSULTATION, entry, ListCursor.encode(onText.id()), 2),
        Problem.INVALID);
    assertProblem(() -> f.annotations.views.pageTarget(GUEST, CONSULTATION, entry, null, Limits.MAX_PAGE_THREADS + 1),
        Problem.INVALID);
  }
}
