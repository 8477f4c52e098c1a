package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifierTest {
  static final long SEED = 4242;
  static final KeyPair KEYS = CheckpointSigner.generateKeyPair();

  TestHistory h;
  List<LogRow> rows;
  CheckpointSigner signer = new CheckpointSigner("k1", KEYS.getPrivate());

  @BeforeEach
  void build() {
    System.out.println("seed " + SEED);
    h = TestHistory.random(SEED, 40);
    rows = new ArrayList<>(h.rows);
  }

  Verifier verifier() {
    LogRow last = rows.get(rows.size() - 1);
    Checkpoint c20 = signer.sign(TestHistory.DOC, 20, h.rows.get(19).hash(), 1);
    Checkpoint c40 = signer.sign(TestHistory.DOC, 40, h.rows.get(39).hash(), 2);
    return new Verifier(TestHistory.DOC)
        .checkpoints(List.of(c20, c40), Map.of("k1", KEYS.getPublic()))
        .snapshots(List.of(new StoredSnapshot(10, h.stateAt(10)), new StoredSnapshot(30, h.stateAt(30))));
  }

  Problem firstProblem() {
    VerificationReport r = verifier().verify(rows);
    assertThat(r.ok()).as("tampering must be found").isFalse();
    return r.first().orElseThrow();
  }

  @Test
  void untouchedLogVerifies() {
    VerificationReport r = verifier().verify(rows);
    assertThat(r.problems()).isEmpty();
    assertThat(r.rowsChecked()).isEqualTo(40);
    assertThat(r.checkpointsChecked()).isEqualTo(2);
    assertThat(r.snapshotsChecked()).isEqualTo(2);
    assertThat(r.headHash()).isEqualTo(h.chain.headHash());
  }

  @Test
  void snapshotsInOrderAreTakenOneAtATimeAsTheReplayReachesThem() {
    // Rows and snapshots counted as the verifier takes them: a snapshot must not be taken before
    // the replay passed the one before it, so a lazy source (the store's read transaction) holds
    // one at a time instead of all (review 2026-11-30, History item 2: B4's are 162 MB).
    int[] rowsTaken = {0};
    Iterable<LogRow> countedRows = () -> rows.stream().peek(r -> rowsTaken[0]++).iterator();
    List<long[]> taken = new ArrayList<>(); // {snapshot seq, rows taken by then}
    List<StoredSnapshot> stored = List.of(new StoredSnapshot(10, h.stateAt(10)), new StoredSnapshot(20, h.stateAt(20)),
        new StoredSnapshot(30, h.stateAt(30)));
    Iterable<StoredSnapshot> lazy = () -> stored.stream().peek(s -> taken.add(new long[] {s.seq(), rowsTaken[0]})).iterator();
    VerificationReport r = new Verifier(TestHistory.DOC).snapshotsInOrder(lazy).verify(countedRows);
    assertThat(r.problems()).isEmpty();
    assertThat(r.snapshotsChecked()).isEqualTo(3);
    assertThat(taken).hasSize(3);
    // The first before any row; each later one once the replay has reached the previous one.
    assertThat(taken.get(1)[1]).as("snapshot 20 taken after row 10").isGreaterThanOrEqualTo(10);
    assertThat(taken.get(2)[1]).as("snapshot 30 taken after row 20").isGreaterThanOrEqualTo(20);
  }

  @Test
  void aSnapshotBeyondTheLogsEndReadInOrderIsTruncation() {
    Iterable<StoredSnapshot> lazy = List.of(new StoredSnapshot(10, h.stateAt(10)), new StoredSnapshot(45, h.stateAt(40)));
    VerificationReport r = new Verifier(TestHistory.DOC).snapshotsInOrder(lazy).verify(rows);
    assertThat(r.first()).map(Problem::kind).contains(Problem.Kind.TRUNCATED);
    assertThat(r.snapshotsChecked()).isEqualTo(1);
  }

  @Test
  void editedUpdateByteIsAHashMismatchAtItsSeq() {
    byte[] u = rows.get(14).update().clone();
    u[u.length / 2] ^= 1;
    rows.set(14, rows.get(14).withUpdate(u));
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.HASH_MISMATCH, 15L);
  }

  @Test
  void changedActorIsAHashMismatchAtItsSeq() {
    rows.set(6, rows.get(6).withActor("mallory"));
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.HASH_MISMATCH, 7L);
  }

  @Test
  void deletedRowIsASeqGap() {
    rows.remove(11);
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.SEQ_GAP, 12L);
  }

  @Test
  void swappedRowsAreASeqOrderProblem() {
    Collections.swap(rows, 4, 5);
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.SEQ_ORDER, 5L);
  }

  @Test
  void swappedContentUnderKeptSeqsIsAHashMismatch() {
    LogRow a = rows.get(4);
    LogRow b = rows.get(5);
    rows.set(4, b.withSeq(5));
    rows.set(5, a.withSeq(6));
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.HASH_MISMATCH, 5L);
  }

  @Test
  void insertedRowWithADuplicateSeqIsASeqOrderProblem() {
    LogRow forged = new ChainBuilder(TestHistory.DOC, 8, rows.get(7).hash()).next(1, "mallory", "x", rows.get(3).update());
    rows.add(9, forged);
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.SEQ_ORDER, 9L);
  }

  @Test
  void insertedRowWithRenumberedButUnrehashedTailIsAHashMismatch() {
    LogRow forged = new ChainBuilder(TestHistory.DOC, 8, rows.get(7).hash()).next(1, "mallory", "x", rows.get(3).update());
    List<LogRow> tampered = new ArrayList<>(rows.subList(0, 8));
    tampered.add(forged);
    for (LogRow r : rows.subList(8, rows.size())) {
      tampered.add(r.withSeq(r.seq() + 1));
    }
    rows = tampered;
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.HASH_MISMATCH, 10L);
  }

  @Test
  void insertedRowWithAFullyRehashedTailIsCaughtByTheCheckpoint() {
    ChainBuilder forger = new ChainBuilder(TestHistory.DOC, 8, rows.get(7).hash());
    List<LogRow> tampered = new ArrayList<>(rows.subList(0, 8));
    tampered.add(forger.next(1, "mallory", "x", rows.get(3).update()));
    for (LogRow r : rows.subList(8, rows.size())) {
      tampered.add(forger.next(r.timeMillis(), r.actor(), r.connectionId(), r.update()));
    }
    rows = tampered;
    // Without snapshots (which would catch it at seq 10 too) only the signed head stands in the way.
    VerificationReport r = new Verifier(TestHistory.DOC)
        .checkpoints(List.of(signer.sign(TestHistory.DOC, 20, h.rows.get(19).hash(), 1)), Map.of("k1", KEYS.getPublic()))
        .verify(rows);
    assertThat(r.first().orElseThrow()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.CHECKPOINT_MISMATCH, 20L);
  }

  @Test
  void truncatedTailIsDetectedAgainstTheLastCheckpoint() {
    rows = new ArrayList<>(rows.subList(0, 33));
    assertThat(firstProblem()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.TRUNCATED, 34L);
  }

  @Test
  void truncatedTailIsDetectedAgainstAPublishedHead() {
    VerificationReport r = new Verifier(TestHistory.DOC).publishedHead(40, h.chain.headHash()).verify(rows.subList(0, 39));
    assertThat(r.first().orElseThrow()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.TRUNCATED, 40L);
  }

  @Test
  void forgedCheckpointSignatureIsBad() {
    KeyPair other = CheckpointSigner.generateKeyPair();
    Checkpoint forged = new CheckpointSigner("k1", other.getPrivate()).sign(TestHistory.DOC, 20, rows.get(19).hash(), 1);
    VerificationReport r = new Verifier(TestHistory.DOC).checkpoints(List.of(forged), Map.of("k1", KEYS.getPublic())).verify(rows);
    assertThat(r.first().orElseThrow()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.BAD_SIGNATURE, 20L);
  }

  @Test
  void checkpointWithUnknownKeyIsBad() {
    Checkpoint c = signer.sign(TestHistory.DOC, 20, rows.get(19).hash(), 1);
    VerificationReport r = new Verifier(TestHistory.DOC).checkpoints(List.of(c), Map.of()).verify(rows);
    assertThat(r.first().orElseThrow().kind()).isEqualTo(Problem.Kind.BAD_SIGNATURE);
  }

  @Test
  void tamperedSnapshotIsASnapshotMismatch() {
    VerificationReport r = new Verifier(TestHistory.DOC).snapshots(List.of(new StoredSnapshot(30, h.stateAt(29)))).verify(rows);
    assertThat(r.first().orElseThrow()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.SNAPSHOT_MISMATCH, 30L);
  }

  @Test
  void garbageUpdateWithValidHashIsUndecodable() {
    ChainBuilder c = ChainBuilder.start(TestHistory.DOC);
    List<LogRow> log = List.of(c.next(1, "a", "c", h.rows.get(0).update()), c.next(2, "a", "c", new byte[] {(byte) 0xff, 1, 2}));
    VerificationReport r = new Verifier(TestHistory.DOC).verify(log);
    assertThat(r.first().orElseThrow()).extracting(Problem::kind, Problem::seq).containsExactly(Problem.Kind.UNDECODABLE_UPDATE, 2L);
  }

  @Test
  void erasedRowsKeepTheChainVerifiable() {
    rows.set(2, rows.get(2).erase());
    VerificationReport r = verifier().erasures(List.of(TestErasures.recordOfErased(rows)), TestErasures.trusted())
        .verify(rows);
    assertThat(r.problems()).isEmpty();
    assertThat(r.erasedRows()).isEqualTo(1);
    assertThat(r.snapshotsSkipped()).isEqualTo(2);
  }

  @Test
  void rowsOfAnotherDocumentDoNotVerify() {
    ChainBuilder c = ChainBuilder.start("other");
    List<LogRow> log = List.of(c.next(1, "a", "c", h.rows.get(0).update()));
    assertThat(new Verifier(TestHistory.DOC).verify(log).first().orElseThrow().kind()).isEqualTo(Problem.Kind.HASH_MISMATCH);
  }
}
