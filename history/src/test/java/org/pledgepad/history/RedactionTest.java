package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

class RedactionTest {
  TestHistory h = TestHistory.small();

  List<LogRow> erasedBob() {
    List<LogRow> rows = new ArrayList<>(h.rows);
    rows.set(1, rows.get(1).eraseRedacted());
    return rows;
  }

  static String text(List<LogRow> rows, long seq) {
    return VersionReader.view(null, rows, seq, ContentKind.TEXT).text();
  }

  @Test
  void redactedRowKeepsLaterRowsReplayable() {
    String p = String.valueOf(Redaction.PLACEHOLDER).repeat(" und freie Software".length());
    assertThat(text(erasedBob(), 3)).isEqualTo("Die fördert offene Daten" + p + ".");
  }

  @Test
  void redactedBytesHoldNoneOfTheText() {
    LogRow r = erasedBob().get(1);
    assertThat(new String(r.update(), StandardCharsets.ISO_8859_1)).doesNotContain("freie");
    assertThat(r.salt()).isNull();
    assertThat(r.erased()).isTrue();
  }

  @Test
  void chainAndRebuiltSnapshotsVerifyAfterErasure() {
    List<LogRow> rows = erasedBob();
    Doc rebuilt = VersionReader.docAt(null, rows, 3);
    VerificationReport r = new Verifier(TestHistory.DOC)
        .snapshots(List.of(new StoredSnapshot(3, Y.encodeStateAsUpdate(rebuilt))))
        .erasures(List.of(TestErasures.recordOfErased(rows)), TestErasures.trusted()).verify(rows);
    assertThat(r.problems()).isEmpty();
    assertThat(r.snapshotsChecked()).isEqualTo(1);
    assertThat(r.erasedRows()).isEqualTo(1);
  }

  @Test
  void snapshotsNotRebuiltAfterErasureNoLongerMatch() {
    VerificationReport r = new Verifier(TestHistory.DOC)
        .snapshots(List.of(new StoredSnapshot(3, h.stateAt(3))))
        .erasures(List.of(TestErasures.recordOfErased(erasedBob())), TestErasures.trusted()).verify(erasedBob());
    assertThat(r.first().orElseThrow().kind()).isEqualTo(Problem.Kind.SNAPSHOT_MISMATCH);
  }

  @Test
  void exportCarriesTheRedactedStandIn() throws IOException {
    List<LogRow> rows = erasedBob();
    ExportedHistory e = HistoryExport.read(new ByteArrayInputStream(
        HistoryExport.toBytes(TestHistory.DOC, rows, List.of(), Map.of(), List.of())));
    assertThat(e.rows().get(1).erased()).isTrue();
    assertThat(e.rows().get(1).update()).isEqualTo(rows.get(1).update());
    assertThat(e.rows().get(0).salt()).isEqualTo(rows.get(0).salt());
    assertThat(text(e.rows(), 3)).isEqualTo(text(rows, 3));
  }

  @Test
  void authorshipAttributesPlaceholdersToTheErasedRowsActor() {
    List<LogRow> rows = erasedBob();
    TextProjection p = TextProjection.of(VersionReader.docAt(null, rows, 3), ContentKind.TEXT);
    assertThat(Authorship.of(p, ClockIndex.of(rows), Map.of())).extracting(AuthorSpan::actor)
        .containsExactly("alice", "bob", "alice");
  }
}
