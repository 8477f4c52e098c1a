package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureTest {
  /** bob types a private remark and deletes it again, then types a sentence that stays. */
  static TestHistory history() {
    TestHistory h = new TestHistory();
    h.person("alice", 1);
    h.person("bob", 2);
    h.edit("alice", 1000, t -> t.insert(0, "Die Stadt fördert offene Daten."));
    h.edit("bob", 1000, t -> t.insert(t.length(), " Meine Adresse: Hauptstr. 5"));      // 2, later deleted
    h.edit("bob", 1000, t -> t.delete(t.length() - " Meine Adresse: Hauptstr. 5".length(),
        " Meine Adresse: Hauptstr. 5".length()));                                        // 3, delete only
    h.edit("bob", 1000, t -> t.insert(t.length(), " Auch Radwege."));                   // 4, stands
    h.edit("alice", 1000, t -> t.insert(0, ">"));                                       // 5
    return h;
  }

  @Test
  void onlyRowsWhoseContentIsGoneAreRedactable() {
    TestHistory h = history();
    assertThat(Erasure.standingRows(h.rows)).containsExactlyInAnyOrder(1L, 4L, 5L);
    assertThat(Erasure.redactable(h.rows, "bob")).extracting(LogRow::seq).containsExactly(2L, 3L);
    assertThat(Erasure.redactable(h.rows, "alice")).isEmpty();
  }

  @Test
  void redactingThemKeepsTheDocumentAndTheChainAndRebuildsSnapshots() {
    TestHistory h = history();
    List<LogRow> rows = new ArrayList<>(h.rows);
    for (LogRow r : Erasure.redactable(h.rows, "bob")) {
      rows.set((int) r.seq() - 1, r.eraseRedacted());
    }
    // The document as it stands is unchanged; the deleted remark is gone from the log's bytes.
    assertThat(RedactionTest.text(rows, 5)).isEqualTo(h.textAt(5));
    assertThat(new String(rows.get(1).update(), StandardCharsets.UTF_8)).doesNotContain("Hauptstr");
    // The version in which the remark was visible now shows placeholders.
    assertThat(RedactionTest.text(rows, 2)).doesNotContain("Hauptstr").contains(String.valueOf(Redaction.PLACEHOLDER));

    List<StoredSnapshot> old = List.of(new StoredSnapshot(2, h.stateAt(2)), new StoredSnapshot(5, h.stateAt(5)));
    List<ErasureRecord> records = List.of(TestErasures.recordOfErased(rows));
    assertThat(new Verifier(TestHistory.DOC).snapshots(old).erasures(records, TestErasures.trusted()).verify(rows)
        .first().orElseThrow().kind()).isEqualTo(Problem.Kind.SNAPSHOT_MISMATCH);
    List<StoredSnapshot> rebuilt = Erasure.rebuildSnapshots(rows, List.of(2L, 5L));
    assertThat(rebuilt).extracting(StoredSnapshot::seq).containsExactly(2L, 5L);
    VerificationReport r = new Verifier(TestHistory.DOC).snapshots(rebuilt).erasures(records, TestErasures.trusted())
        .verify(rows);
    assertThat(r.problems()).isEmpty();
    assertThat(r.erasedRows()).isEqualTo(2);
    assertThat(r.snapshotsChecked()).isEqualTo(2);
    // Erasing again finds nothing left to do.
    assertThat(Erasure.redactable(rows, "bob")).isEmpty();
  }
}
