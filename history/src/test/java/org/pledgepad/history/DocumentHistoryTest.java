package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;

class DocumentHistoryTest {
  static final long SEED = 99;
  TestHistory h = TestHistory.random(SEED, 80);
  DocumentHistory history = new DocumentHistory(ContentKind.TEXT, RowSource.of(h.rows),
      List.of(new StoredSnapshot(25, h.stateAt(25)), new StoredSnapshot(50, h.stateAt(50))), h.clientActors);

  @Test
  void everyVersionReadsAsAFullReplayWould() {
    System.out.println("seed " + SEED);
    for (long seq = 0; seq <= 80; seq += 7) {
      assertThat(history.version(seq).text()).as("seq " + seq).isEqualTo(h.textAt(seq));
    }
  }

  @Test
  void authorshipCoversTheWholeText() {
    List<AuthorSpan> spans = history.authorship(80);
    StringBuilder sb = new StringBuilder();
    spans.forEach(s -> sb.append(s.text()));
    assertThat(sb.toString()).isEqualTo(h.textAt(80));
    assertThat(spans).allSatisfy(s -> assertThat(s.actor()).isIn("alice", "bob"));
  }

  @Test
  void diffRebuildsBothVersions() {
    List<VersionDiff.Change> changes = history.diff(30, 70);
    StringBuilder older = new StringBuilder();
    StringBuilder newer = new StringBuilder();
    for (VersionDiff.Change c : changes) {
      if (c.kind() != TextDiff.Kind.INSERT) {
        older.append(c.text());
      }
      if (c.kind() != TextDiff.Kind.DELETE) {
        newer.append(c.text());
      }
      if (c.kind() == TextDiff.Kind.INSERT) {
        assertThat(c.actor()).isIn("alice", "bob");
      }
    }
    assertThat(older.toString()).isEqualTo(h.textAt(30));
    assertThat(newer.toString()).isEqualTo(h.textAt(70));
    assertThatThrownBy(() -> history.diff(70, 30)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void diffsBetweenRandomVersionsRebuildBothTexts() {
    for (long seed = 1; seed <= 15; seed++) {
      TestHistory t = TestHistory.random(seed, 60);
      DocumentHistory dh = new DocumentHistory(ContentKind.TEXT, RowSource.of(t.rows), List.of(), t.clientActors);
      java.util.Random rnd = new java.util.Random(seed);
      long a = rnd.nextInt(61);
      long b = a + rnd.nextInt((int) (61 - a));
      StringBuilder older = new StringBuilder();
      StringBuilder newer = new StringBuilder();
      for (VersionDiff.Change c : dh.diff(a, b)) {
        if (c.kind() != TextDiff.Kind.INSERT) {
          older.append(c.text());
        }
        if (c.kind() != TextDiff.Kind.DELETE) {
          newer.append(c.text());
        }
      }
      assertThat(older.toString()).as("seed " + seed + " " + a + "→" + b).isEqualTo(t.textAt(a));
      assertThat(newer.toString()).as("seed " + seed + " " + a + "→" + b).isEqualTo(t.textAt(b));
    }
  }

  @Test
  void restoreBringsBackTheVersion() {
    Doc live = history.docAt(80);
    byte[] update = history.restore(live, 40, "restore");
    assertThat(update).isNotEmpty();
    assertThat(new VersionView(live, ContentKind.TEXT).text()).isEqualTo(h.textAt(40));
  }

  @Test
  void verifyingCanResumeFromATrustedHead() {
    LogRow at50 = h.rows.get(49);
    VerificationReport r = new Verifier(TestHistory.DOC)
        .resumeFrom(50, at50.hash(), new StoredSnapshot(50, h.stateAt(50)))
        .snapshots(List.of(new StoredSnapshot(70, h.stateAt(70))))
        .verify(h.rows.subList(50, 80));
    assertThat(r.problems()).isEmpty();
    assertThat(r.rowsChecked()).isEqualTo(30);
    assertThat(r.snapshotsChecked()).isEqualTo(1);
  }
}
