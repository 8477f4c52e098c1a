package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.crdt.Doc;

/** A suggestion accepted without its edit in the log is opened again once the grace is over. */
class AcceptReconcilerTest {
  private final Fixtures f = new Fixtures();
  private final Doc doc = Fixtures.tiptap(1, "Kostenloses WLAN in allen Bussen bis 2025.");
  /** The suggestion ids the fake log holds, and how often it was asked per document. */
  private final Set<String> inLog = new HashSet<>();
  private final List<Set<String>> asked = new ArrayList<>();
  private final AcceptReconciler reconciler = f.annotations.acceptReconciler((document, ids) -> {
    assertThat(document).isEqualTo(CONSULTATION.document());
    asked.add(Set.copyOf(ids));
    Set<String> out = new HashSet<>(ids);
    out.retainAll(inLog);
    return out;
  });

  private AnnotationThread accepted(String replacement) {
    Anchor year = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 37, 4);
    AnnotationThread s = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, year.start(),
        year.end(), replacement, "realistischer").value();
    // A scratch replica: the edit is made but, as after a crash, never reaches the log.
    Doc replica = Replicas.of(org.pledgepad.crdt.Y.encodeStateAsUpdate(doc));
    assertThat(f.annotations.suggestions.accept(EDITOR, CONSULTATION, replica, s.id(), Reviewed.of(s)))
        .isInstanceOf(AcceptResult.Accepted.class);
    return f.repo.thread(s.id()).orElseThrow();
  }

  @Test
  void anAcceptWithoutItsEditInTheLogIsOpenedAgainAfterTheGrace() {
    AnnotationThread lost = accepted("2027");
    assertThat(reconciler.run()).as("within the grace the edit may still be on its way").isEmpty();
    assertThat(f.repo.thread(lost.id()).orElseThrow().suggestion().state()).isEqualTo(SuggestionState.ACCEPTED);

    f.clock.advanceSeconds(AcceptReconciler.GRACE.toSeconds() + 1);
    List<AnnotationEvent> events = reconciler.run();

    AnnotationThread now = f.repo.thread(lost.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(ThreadStatus.OPEN);
    assertThat(now.suggestion().state()).isEqualTo(SuggestionState.OPEN);
    assertThat(now.suggestion().decidedBy()).isNull();
    assertThat(now.suggestion().decidedAt()).isNull();
    assertThat(now.suggestion().replacement()).isEqualTo("2027");
    assertThat(events).extracting(AnnotationEvent::type, AnnotationEvent::thread)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("thread.updated", lost.id()));
    // Open again, it can be decided anew.
    assertThat(f.annotations.suggestions.accept(EDITOR, CONSULTATION, doc, lost.id(), Reviewed.of(now)))
        .isInstanceOf(AcceptResult.Accepted.class);
  }

  @Test
  void anAcceptWhoseEditIsLoggedStaysAndIsNotAskedAboutAgain() {
    AnnotationThread stored = accepted("2027");
    inLog.add(stored.id());
    f.clock.advanceSeconds(AcceptReconciler.GRACE.toSeconds() + 1);
    assertThat(reconciler.run()).isEmpty();
    assertThat(reconciler.run()).isEmpty();
    assertThat(f.repo.thread(stored.id()).orElseThrow().suggestion().state()).isEqualTo(SuggestionState.ACCEPTED);
    assertThat(asked).as("the log is read once for a confirmed accept").containsExactly(Set.of(stored.id()));
  }

  @Test
  void anAcceptOlderThanTheWindowIsLeftAlone() {
    AnnotationThread old = accepted("2027");
    f.clock.advanceSeconds(AcceptReconciler.WINDOW.toSeconds() + 1);
    assertThat(reconciler.run()).isEmpty();
    assertThat(f.repo.thread(old.id()).orElseThrow().suggestion().state()).isEqualTo(SuggestionState.ACCEPTED);
    assertThat(asked).isEmpty();
  }

  @Test
  void twoNodesReconcilingAtOnceReopenASuggestionOnce() {
    AnnotationThread lost = accepted("2027");
    f.clock.advanceSeconds(AcceptReconciler.GRACE.toSeconds() + 1);
    AcceptReconciler other = f.annotations.acceptReconciler((document, ids) -> Set.of());
    // This node has read the accepted thread when the other node reopens it.
    AcceptReconciler slow = f.annotations.acceptReconciler((document, ids) -> {
      assertThat(other.run()).hasSize(1);
      return Set.of();
    });
    assertThat(slow.run()).as("the slower node finds it changed and leaves it").isEmpty();
    assertThat(f.repo.thread(lost.id()).orElseThrow().suggestion().state()).isEqualTo(SuggestionState.OPEN);
  }
}
