package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.MODERATOR;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.limit.RateLimiter;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.auth.Principal;
import org.pledgepad.crdt.Doc;

/**
 * The restore note of a view ({@code restoredAt}) comes from the audit entries naming the posts
 * the view shows, not from the document's whole audit log, which grows with every moderation.
 */
class RestoreNoteReadsTest {
  private final Fixtures f = new Fixtures();
  private final Doc doc = Fixtures.tiptap(1, "Open Data als Standard für alle Ämter.");
  private final Anchor words = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 0, 9);
  /** Calls of the views' repository: method name, and the targets asked for by auditOf. */
  private final List<String> calls = new ArrayList<>();
  private final List<String> auditTargets = new ArrayList<>();
  private final Annotations viewing = new Annotations(new AnnotationContext(counting(f.repo), f.clock,
      () -> "unused", RateLimiter.withDefaults()));

  private AnnotationRepository counting(AnnotationRepository real) {
    return (AnnotationRepository) Proxy.newProxyInstance(AnnotationRepository.class.getClassLoader(),
        new Class<?>[] {AnnotationRepository.class}, (proxy, m, args) -> {
          calls.add(m.getName());
          if (m.getName().equals("auditOf")) {
            for (Object id : (Collection<?>) args[1]) {
              auditTargets.add((String) id);
            }
          }
          try {
            return m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private AnnotationThread comment(Principal who, String body) {
    return f.annotations.comments.createComment(who, CONSULTATION, doc, words.start(), words.end(), body).value();
  }

  private void hideAndRestore(Post p) {
    f.annotations.moderation.hide(MODERATOR, CONSULTATION, p.id(), "Netiquette");
    f.clock.advanceSeconds(60);
    f.annotations.moderation.restore(MODERATOR, CONSULTATION, p.id(), "doch sachlich");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> posts(Map<String, Object> view) {
    return (List<Map<String, Object>>) view.get("posts");
  }

  @Test
  void aThreadViewReadsTheAuditEntriesOfItsShownPostsOnly() {
    AnnotationThread mine = comment(CITIZEN, "strittiger Text");
    Post myPost = f.repo.posts(mine.id()).get(0);
    Post othersReply = f.annotations.comments.reply(CITIZEN_2, CONSULTATION, mine.id(), "Antwort").value();
    hideAndRestore(myPost);
    // Moderation elsewhere in the document: entries a view of this thread does not need.
    for (int i = 0; i < 5; i++) {
      AnnotationThread other = comment(CITIZEN_2, "anderer Faden " + i);
      hideAndRestore(f.repo.posts(other.id()).get(0));
      f.annotations.moderation.lock(MODERATOR, CONSULTATION, other.id(), "");
    }

    Map<String, Object> view = viewing.views.thread(CITIZEN, CONSULTATION, doc, mine.id());
    assertThat(posts(view).get(0)).containsEntry("restoredAt", f.repo.audit(CONSULTATION.document()).get(1).at().toString());
    assertThat(calls).doesNotContain("audit");
    // Only the viewer's own post carries the note for them: only its entries are asked for.
    assertThat(auditTargets).containsExactly(myPost.id());

    auditTargets.clear();
    viewing.views.thread(MODERATOR, CONSULTATION, doc, mine.id());
    assertThat(auditTargets).containsExactlyInAnyOrder(myPost.id(), othersReply.id());
    assertThat(calls).doesNotContain("audit");
  }

  @Test
  void aListPageAsksForThePostsItShowsAndAReaderWithoutPostsThereAsksForNothing() {
    AnnotationThread first = comment(CITIZEN, "erster");
    hideAndRestore(f.repo.posts(first.id()).get(0));
    AnnotationThread second = comment(CITIZEN_2, "zweiter");
    comment(CITIZEN, "dritter");

    var page = viewing.views.page(MODERATOR, CONSULTATION, doc, null, 2);
    assertThat(page.threads()).hasSize(2);
    assertThat(auditTargets).containsExactlyInAnyOrder(f.repo.posts(first.id()).get(0).id(),
        f.repo.posts(second.id()).get(0).id());
    assertThat(posts(page.threads().get(0)).get(0)).containsKey("restoredAt");

    calls.clear();
    auditTargets.clear();
    viewing.views.thread(CITIZEN_2, CONSULTATION, doc, first.id());
    assertThat(calls).doesNotContain("audit", "auditOf");
  }
}
