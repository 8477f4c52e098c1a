package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erased rows against the signed erasure log, and what someone with write access to the
 * database but without the server's private key can do to it: each attack must be named.
 */
class ErasureLogTest {
  TestHistory h;
  List<LogRow> rows;
  List<ErasureRecord> records;

  @BeforeEach
  void erase() {
    h = TestHistory.random(9090, 30);
    rows = new ArrayList<>(h.rows);
    // Two runs: rows 5 and 12, then row 20 (each record written before its rows were redacted).
    erase(5);
    erase(12);
    ErasureRecord first = TestErasures.record(TestHistory.DOC, null, List.of(row(5), row(12)));
    erase(20);
    ErasureRecord second = TestErasures.record(TestHistory.DOC, first, List.of(row(20)));
    records = new ArrayList<>(List.of(first, second));
  }

  LogRow row(long seq) {
    return rows.get((int) seq - 1);
  }

  void erase(long seq) {
    rows.set((int) seq - 1, row(seq).eraseRedacted());
  }

  /** What plain SQL can do: drop the salt and put any bytes in as the "stand-in". */
  void forgeErased(long seq, byte[] update) {
    LogRow r = row(seq);
    rows.set((int) seq - 1, new LogRow(r.doc(), r.seq(), r.timeMillis(), r.actor(), r.connectionId(), null, update,
        r.commitment(), r.hash()));
  }

  /** An original update that holds text (not every random edit inserts some). */
  byte[] withText() {
    return h.rows.stream().map(LogRow::update).filter(u -> !Redaction.onlyMarks(u)).findFirst().orElseThrow();
  }

  VerificationReport verify() {
    return new Verifier(TestHistory.DOC).erasures(records, TestErasures.trusted()).verify(rows);
  }

  @Test
  void genuineErasuresVerify() {
    VerificationReport r = verify();
    assertThat(r.problems()).isEmpty();
    assertThat(r.erasedRows()).isEqualTo(3);
    assertThat(r.backfilledErasures()).isZero();
    assertThat(r.rowsChecked()).isEqualTo(30);
  }

  @Test
  void rowsUnderABackfilledRecordAreCountedApart() {
    erase(25);
    records.add(TestErasures.SIGNER.signErasure(TestHistory.DOC, records.get(1), 9, true,
        List.of(ErasureRecord.Entry.of(row(25)))));
    VerificationReport r = verify();
    assertThat(r.problems()).isEmpty();
    assertThat(r.backfilledErasures()).isEqualTo(1);
    assertThat(r.summary()).contains("4 erased rows (1 under a backfilled record)");
  }

  @Test
  void aRowWhoseSaltWasDroppedAndUpdateReplacedIsUnrecorded() {
    forgeErased(25, withText());
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(tuple(Problem.Kind.ERASURE_UNRECORDED, 25L));
  }

  @Test
  void withoutAnyRecordsEveryErasedRowIsUnrecorded() {
    VerificationReport r = new Verifier(TestHistory.DOC).verify(rows);
    assertThat(r.problems()).extracting(Problem::kind, Problem::seq).containsExactly(
        tuple(Problem.Kind.ERASURE_UNRECORDED, 5L), tuple(Problem.Kind.ERASURE_UNRECORDED, 12L),
        tuple(Problem.Kind.ERASURE_UNRECORDED, 20L));
  }

  @Test
  void aRecordedRowWhoseStandInWasReplacedByTextIsNamed() {
    forgeErased(12, withText());
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(tuple(Problem.Kind.ERASURE_STANDIN_CONTENT, 12L));
  }

  @Test
  void aRecordedRowWhoseStandInWasReplacedByOtherMarksIsNamed() {
    // Only placeholders, but not the stand-in the record fixed (here: another row's redaction).
    forgeErased(12, Redaction.redact(h.rows.get(2).update()));
    assertThat(Redaction.onlyMarks(row(12).update())).isTrue();
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(tuple(Problem.Kind.ERASURE_STANDIN_CONTENT, 12L));
  }

  @Test
  void aStandInWithTextIsNamedEvenWhenASignedRecordNamesIt() {
    // A record that fixed an unredacted update (a faulty writer, or a backfill over rows that
    // were already forged): the stand-in still has to be nothing but marks.
    forgeErased(25, withText());
    records.add(TestErasures.record(TestHistory.DOC, records.get(1), List.of(row(25))));
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(tuple(Problem.Kind.ERASURE_STANDIN_CONTENT, 25L));
  }

  @Test
  void aDeletedRecordLeavesItsRowsUnrecordedAndBreaksTheChain() {
    records.remove(0);
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq).containsExactlyInAnyOrder(
        tuple(Problem.Kind.ERASURE_RECORD_INVALID, 20L), tuple(Problem.Kind.ERASURE_UNRECORDED, 5L),
        tuple(Problem.Kind.ERASURE_UNRECORDED, 12L), tuple(Problem.Kind.ERASURE_UNRECORDED, 20L));
  }

  @Test
  void aTruncatedRecordChainLeavesTheLastRunsRowsUnrecorded() {
    records.remove(1);
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(tuple(Problem.Kind.ERASURE_UNRECORDED, 20L));
  }

  @Test
  void aSeqMovedIntoARecordBreaksItsSignature() {
    forgeErased(25, Redaction.redact(h.rows.get(24).update()));
    ErasureRecord r = records.get(1);
    List<ErasureRecord.Entry> more = new ArrayList<>(r.entries());
    more.add(ErasureRecord.Entry.of(row(25)));
    records.set(1, new ErasureRecord(r.doc(), r.index(), r.prev(), r.timeMillis(), r.keyId(), r.backfilled(), more,
        r.signature()));
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq).containsExactlyInAnyOrder(
        tuple(Problem.Kind.ERASURE_RECORD_INVALID, 20L), tuple(Problem.Kind.ERASURE_UNRECORDED, 20L),
        tuple(Problem.Kind.ERASURE_UNRECORDED, 25L));
  }

  @Test
  void aRecordOfAnotherDocumentDoesNotCoverThisOne() {
    // Another document's genuine record for its seq 25, copied over (name and all, or renamed).
    forgeErased(25, Redaction.redact(h.rows.get(24).update()));
    ErasureRecord foreign = TestErasures.SIGNER.signErasure("other-doc", null, 7, false,
        List.of(ErasureRecord.Entry.of(row(25))));
    records.add(foreign);
    VerificationReport asIs = verify();
    records.set(2, new ErasureRecord(TestHistory.DOC, foreign.index(), foreign.prev(), foreign.timeMillis(),
        foreign.keyId(), false, foreign.entries(), foreign.signature()));
    VerificationReport renamed = verify();
    for (VerificationReport r : List.of(asIs, renamed)) {
      assertThat(r.problems()).extracting(Problem::kind, Problem::seq).containsExactlyInAnyOrder(
          tuple(Problem.Kind.ERASURE_RECORD_INVALID, 25L), tuple(Problem.Kind.ERASURE_UNRECORDED, 25L));
    }
  }

  @Test
  void aRecordReplayedAtAnotherPlaceInTheChainIsNamed() {
    // Record 1 stored again after record 2: its signed index and prev do not fit there.
    records.add(records.get(0));
    assertThat(verify().problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(tuple(Problem.Kind.ERASURE_RECORD_INVALID, 5L));
  }

  @Test
  void aJunkRecordIsNamedButAGenuineRecordChainedPastItVouchesForItsRows() {
    // Junk stored by SQL as record 3; the server then chains its next record from record 2
    // (the last that verifies) at index 4, the next index the junk does not hold.
    ErasureRecord junk = new ErasureRecord(TestHistory.DOC, 3, records.get(1).hash(), 1L, "e1", false,
        List.of(new ErasureRecord.Entry(28, new byte[32])), new byte[64]);
    records.add(junk);
    assertThat(ErasureLog.check(TestHistory.DOC, records, TestErasures.trusted()).last()).isSameAs(records.get(1));
    erase(25);
    records.add(TestErasures.SIGNER.signErasure(TestHistory.DOC, records.get(1), 4, 9, false,
        List.of(ErasureRecord.Entry.of(row(25)))));
    VerificationReport r = verify();
    assertThat(r.problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(tuple(Problem.Kind.ERASURE_RECORD_INVALID, 28L));
    assertThat(r.erasedRows()).isEqualTo(4);
    assertThat(ErasureLog.check(TestHistory.DOC, records, TestErasures.trusted()).last().index()).isEqualTo(4);
  }

  @Test
  void aRecordSignedWithAnotherKeyIsNamed() {
    forgeErased(25, Redaction.redact(h.rows.get(24).update()));
    KeyPair own = CheckpointSigner.generateKeyPair();
    // Under the trusted key's id and under an id of its own.
    for (String id : List.of("e1", "mallory")) {
      List<ErasureRecord> forged = new ArrayList<>(records);
      forged.add(new CheckpointSigner(id, own.getPrivate()).signErasure(TestHistory.DOC, records.get(1), 8, false,
          List.of(ErasureRecord.Entry.of(row(25)))));
      VerificationReport r = new Verifier(TestHistory.DOC).erasures(forged, TestErasures.trusted()).verify(rows);
      assertThat(r.problems()).extracting(Problem::kind, Problem::seq).containsExactlyInAnyOrder(
          tuple(Problem.Kind.ERASURE_RECORD_INVALID, 25L), tuple(Problem.Kind.ERASURE_UNRECORDED, 25L));
    }
  }

  @Test
  void rowsListedButNotYetErasedVerifyAndARepeatedRunCoversTheRest() {
    // The server wrote record 3 for rows 25 and 26 and stopped after redacting row 25 only ...
    ErasureRecord third = TestErasures.record(TestHistory.DOC, records.get(1),
        List.of(row(25).eraseRedacted(), row(26).eraseRedacted()));
    records.add(third);
    erase(25);
    assertThat(verify().problems()).isEmpty();
    // ... and the run repeated records what it erases itself.
    records.add(TestErasures.record(TestHistory.DOC, third, List.of(row(26).eraseRedacted())));
    erase(26);
    VerificationReport r = verify();
    assertThat(r.problems()).isEmpty();
    assertThat(r.erasedRows()).isEqualTo(5);
  }

  @Test
  void manyUnrecordedRowsAreListedUpToALimitAndCountedBeyond() {
    TestHistory big = TestHistory.random(77, 130);
    List<LogRow> erased = new ArrayList<>();
    for (LogRow r : big.rows) {
      erased.add(r.seq() <= 120 ? r.eraseRedacted() : r);
    }
    VerificationReport r = new Verifier(TestHistory.DOC).replay(false).verify(erased);
    assertThat(r.problems()).hasSize(Verifier.ERASURE_PROBLEMS_LISTED + 1);
    Problem last = r.problems().get(Verifier.ERASURE_PROBLEMS_LISTED);
    assertThat(last.seq()).isEqualTo(Verifier.ERASURE_PROBLEMS_LISTED + 1);
    assertThat(last.detail()).startsWith("and 20 more erased rows");
    assertThat(r.first().orElseThrow().seq()).isEqualTo(1);
    assertThat(r.erasedRows()).isEqualTo(120);
  }

  @Test
  void theChainAloneCanBeCheckedWithoutTheErasureLog() {
    forgeErased(25, h.rows.get(2).update());
    assertThat(new Verifier(TestHistory.DOC).checkErasures(false).replay(false).verify(rows).problems()).isEmpty();
  }

  @Test
  void redactedUpdatesHoldOnlyMarksAndOriginalsDoNot() {
    for (LogRow r : h.rows) {
      assertThat(Redaction.onlyMarks(Redaction.redact(r.update()))).as("seq %d redacted", r.seq()).isTrue();
    }
    assertThat(h.rows).filteredOn(r -> !Redaction.onlyMarks(r.update())).isNotEmpty();
    assertThat(Redaction.onlyMarks(new byte[] {(byte) 0xff, 1, 2})).isFalse();
  }

  @Test
  void aRedactedRichTextUpdateHoldsOnlyMarks() {
    // Element names and attributes, formatting and a link's href, as the web client writes them.
    org.pledgepad.crdt.Doc d = new org.pledgepad.crdt.Doc();
    XmlFixture.fill(d);
    d.getMap("meta").set("title", "Radwege in Kassel");
    byte[] update = org.pledgepad.crdt.Y.encodeStateAsUpdate(d);
    assertThat(Redaction.onlyMarks(update)).isFalse();
    assertThat(Redaction.onlyMarks(Redaction.redact(update))).isTrue();
  }
}
