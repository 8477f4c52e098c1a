package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RevisionsTest {
  static TestHistory aliceAndBob() {
    TestHistory h = new TestHistory();
    h.person("alice", 1);
    h.person("bob", 2);
    return h;
  }

  static TestHistory session() {
    TestHistory h = aliceAndBob();
    h.edit("alice", 1000, t -> t.insert(0, "Hallo Welt"));        // 1
    h.edit("alice", 2000, t -> t.insert(10, " und"));             // 2
    h.edit("bob", 2000, t -> t.insert(14, "!"));                  // 3
    h.edit("bob", 10 * 60_000, t -> t.delete(0, 5));              // 4: after a pause
    h.edit("bob", 2000, t -> t.insert(0, "X"));                   // 5
    h.edit("bob", 2000, t -> t.insert(1, "yz"));                  // 6
    h.edit("bob", 2000, t -> t.delete(1, 2));                     // 7: typed and removed again
    return h;
  }

  @Test
  void runsBreakAtAnotherActorAndAtPauses() {
    List<Revision> revs = Revisions.compute(session().rows, Duration.ofMinutes(5), List.of(), List.of(), ContentKind.TEXT);
    assertThat(revs).extracting(Revision::fromSeq, Revision::toSeq, Revision::actors, Revision::inserted, Revision::deleted)
        .containsExactly(
            Tuple.tuple(1L, 2L, List.of("alice"), 14, 0),
            Tuple.tuple(3L, 3L, List.of("bob"), 1, 0),
            Tuple.tuple(4L, 7L, List.of("bob"), 1, 5));
  }

  @Test
  void namedVersionsAndRestoresCloseRevisions() {
    TestHistory h = session();
    NamedVersion n = new NamedVersion(1, "Erster Satz", "alice", TestHistory.T0);
    RestorePoint r = new RestorePoint(6, 2, "bob", TestHistory.T0);
    List<Revision> revs = Revisions.compute(h.rows, Duration.ofMinutes(5), List.of(n), List.of(r), ContentKind.TEXT);
    assertThat(revs).extracting(Revision::fromSeq, Revision::toSeq)
        .containsExactly(Tuple.tuple(1L, 1L), Tuple.tuple(2L, 2L), Tuple.tuple(3L, 3L), Tuple.tuple(4L, 5L),
            Tuple.tuple(6L, 6L), Tuple.tuple(7L, 7L));
    assertThat(revs.get(0).names()).containsExactly(n);
    assertThat(revs.get(4).restore()).isEqualTo(r);
    assertThat(revs.get(0).toJson()).containsEntry("inserted", 10).containsKey("names")
        .containsEntry("seq", 1L).containsEntry("actor", "alice").containsEntry("note", "Erster Satz").containsEntry("size", 10);
  }

  @Test
  void timeSpanCoversTheRows() {
    TestHistory h = session();
    Revision first = Revisions.compute(h.rows, Revisions.DEFAULT_PAUSE, List.of(), List.of(), ContentKind.TEXT).get(0);
    assertThat(first.fromTimeMillis()).isEqualTo(h.rows.get(0).timeMillis());
    assertThat(first.toTimeMillis()).isEqualTo(h.rows.get(1).timeMillis());
    assertThat(first.rows()).isEqualTo(2);
  }

  /** Alice and Bob typing into the same text at once, a keystroke each in turn, 2 s apart. */
  static TestHistory together(int keystrokes, long every) {
    TestHistory h = aliceAndBob();
    for (int i = 0; i < keystrokes; i++) {
      int at = i;
      String letter = i % 2 == 0 ? "a" : "b";
      h.edit(i % 2 == 0 ? "alice" : "bob", every, t -> t.insert(at, letter));
    }
    return h;
  }

  @Test
  void peopleWritingAtTheSameTimeShareOneRevisionInsteadOfOnePerKeystroke() {
    List<Revision> revs = Revisions.compute(together(40, 2000).rows, Duration.ofMinutes(5), List.of(), List.of(),
        ContentKind.TEXT);
    assertThat(revs).extracting(Revision::fromSeq, Revision::toSeq, Revision::actors, Revision::rows, Revision::inserted)
        .containsExactly(Tuple.tuple(1L, 40L, List.of("alice", "bob"), 40, 40));
    assertThat(revs.get(0).toJson()).containsEntry("actor", "alice").containsEntry("actors", List.of("alice", "bob"));
  }

  @Test
  void aSharedRevisionEndsAPauseAfterItsStartSoTheListKeepsSteps() {
    // 40 keystrokes 20 s apart: 13 minutes of writing together, no pause.
    List<Revision> revs = Revisions.compute(together(40, 20_000).rows, Duration.ofMinutes(5), List.of(), List.of(),
        ContentKind.TEXT);
    assertThat(revs).hasSizeGreaterThanOrEqualTo(3);
    for (Revision r : revs) {
      assertThat(r.toTimeMillis() - r.fromTimeMillis()).isLessThan(Duration.ofMinutes(5).toMillis());
    }
    assertThat(revs).extracting(Revision::rows).allSatisfy(n -> assertThat(n).isGreaterThan(1));
    assertThat(revs.stream().mapToInt(Revision::inserted).sum()).isEqualTo(40);
    assertThat(revs.get(revs.size() - 1).toSeq()).isEqualTo(40L);
  }

  @Test
  void peopleTakingTurnsAMinuteOrMoreApartKeepTheirOwnRevisions() {
    TestHistory h = aliceAndBob();
    h.edit("alice", 1000, t -> t.insert(0, "Wir fordern"));   // 1
    h.edit("alice", 2000, t -> t.insert(11, " Radwege"));      // 2
    h.edit("bob", 2000, t -> t.insert(19, " und Busse"));      // 3
    h.edit("bob", 50_000, t -> t.insert(29, "."));             // 4
    h.edit("alice", 30_000, t -> t.insert(0, "„"));            // 5: 82 s after her last edit
    List<Revision> revs = Revisions.compute(h.rows, Duration.ofMinutes(5), List.of(), List.of(), ContentKind.TEXT);
    assertThat(revs).extracting(Revision::fromSeq, Revision::toSeq, Revision::actors)
        .containsExactly(Tuple.tuple(1L, 2L, List.of("alice")), Tuple.tuple(3L, 4L, List.of("bob")),
            Tuple.tuple(5L, 5L, List.of("alice")));
  }

  @Test
  void aNamedVersionInTheMiddleOfWritingTogetherStaysABoundary() {
    TestHistory h = together(20, 2000);
    NamedVersion n = new NamedVersion(9, "Zwischenstand", "alice", TestHistory.T0);
    List<Revision> revs = Revisions.compute(h.rows, Duration.ofMinutes(5), List.of(n), List.of(), ContentKind.TEXT);
    assertThat(revs).extracting(Revision::fromSeq, Revision::toSeq)
        .containsExactly(Tuple.tuple(1L, 9L), Tuple.tuple(10L, 20L));
    assertThat(revs.get(0).names()).containsExactly(n);
    assertThat(revs).extracting(Revision::inserted).containsExactly(9, 11);
  }

  @Test
  void threeWritingInTurnShareOneRevisionAndTheirTextCountsOnce() {
    TestHistory h = new TestHistory();
    String[] people = {"alice", "bob", "clara"};
    for (int p = 0; p < people.length; p++) {
      h.person(people[p], p + 1);
    }
    for (int i = 0; i < 30; i++) {
      int at = i;
      h.edit(people[i % 3], 1000, t -> t.insert(at, "x"));
    }
    h.edit("bob", 1000, t -> t.delete(0, 3));
    List<Revision> revs = Revisions.compute(h.rows, Duration.ofMinutes(5), List.of(), List.of(), ContentKind.TEXT);
    assertThat(revs).extracting(Revision::fromSeq, Revision::toSeq, Revision::actors, Revision::inserted, Revision::deleted)
        .containsExactly(Tuple.tuple(1L, 31L, List.of("alice", "bob", "clara"), 27, 0));
  }

  /**
   * A server keeps the grouping and feeds it only the rows logged since: whatever row it stopped
   * at and asked for the revisions, the result must be what one pass over the whole log gives.
   */
  @Test
  void resumingAfterAnyRowGivesWhatOnePassGives() {
    NamedVersion n = new NamedVersion(9, "Zwischenstand", "alice", TestHistory.T0);
    RestorePoint r = new RestorePoint(5, 2, "bob", TestHistory.T0);
    for (TestHistory h : List.of(session(), together(20, 2000), together(40, 20_000))) {
      List<Revision> whole = Revisions.compute(h.rows, Duration.ofMinutes(5), List.of(n), List.of(r), ContentKind.TEXT);
      for (int stop = 0; stop <= h.rows.size(); stop++) {
        Revisions.Builder b = new Revisions.Builder(Duration.ofMinutes(5), List.of(n), List.of(r), ContentKind.TEXT);
        for (LogRow row : h.rows.subList(0, stop)) {
          b.add(row);
        }
        assertThat(b.revisions()).isEqualTo(
            Revisions.compute(h.rows.subList(0, stop), Duration.ofMinutes(5), List.of(n), List.of(r), ContentKind.TEXT));
        assertThat(b.seq()).isEqualTo(stop == 0 ? 0 : h.rows.get(stop - 1).seq());
        for (LogRow row : h.rows.subList(stop, h.rows.size())) {
          b.add(row);
        }
        assertThat(b.revisions()).as("stopped after %d rows", stop).isEqualTo(whole);
      }
    }
    Revisions.Builder b = new Revisions.Builder(Duration.ofMinutes(5), List.of(n), List.of(), ContentKind.TEXT);
    assertThat(b.madeWith(Duration.ofMinutes(5), List.of(n), List.of(), ContentKind.TEXT)).isTrue();
    assertThat(b.madeWith(Duration.ofMinutes(5), List.of(), List.of(), ContentKind.TEXT)).isFalse();
    assertThat(b.madeWith(Duration.ofMinutes(5), List.of(n), List.of(r), ContentKind.TEXT)).isFalse();
  }
}
