package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DocumentStore} must have; one subclass per implementation. */
abstract class DocumentStoreContract {
  protected Vertx vertx;
  protected DocumentStore store;

  /** A fresh store over the same storage each call (to test reopening). */
  protected abstract DocumentStore open(Vertx vertx);

  /** Overwrites the update bytes of one logged row behind the store's back (an attacker with
   *  database access). */
  protected abstract void tamper(String document, long seq, byte[] newUpdate) throws Exception;

  /** Like {@link #open}, with a group commit interval (see ServerConfig). */
  protected abstract DocumentStore openWithGroupCommitInterval(Vertx vertx, java.time.Duration interval);

  /** Whether two store instances may append to the same storage at once. */
  protected boolean supportsConcurrentInstances() {
    return true;
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = open(vertx);
    result(store.start());
  }

  @AfterEach
  void stop() {
    result(store.close());
    result(vertx.close());
  }

  protected static String uniqueName() {
    return "doc-" + UUID.randomUUID();
  }

  private static NewUpdate update(String text) {
    return new NewUpdate(text.getBytes(StandardCharsets.UTF_8), "guest", "conn-1");
  }

  private static List<String> texts(List<StoredUpdate> updates) {
    List<String> out = new ArrayList<>();
    updates.forEach(u -> out.add(new String(u.update(), StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void appendAssignsConsecutiveSequenceNumbersPerDocument() {
    String a = uniqueName();
    String b = uniqueName();
    assertThat(result(store.append(a, List.of(update("a1"), update("a2"))))).containsExactly(1L, 2L);
    assertThat(result(store.append(b, List.of(update("b1"))))).containsExactly(1L);
    assertThat(result(store.append(a, List.of(update("a3"))))).containsExactly(3L);
  }

  @Test
  void updatesJoinAnAppendWaitingForTheGroupCommitIntervalAndShareItsTransaction() {
    DocumentStore timed = openWithGroupCommitInterval(vertx, java.time.Duration.ofSeconds(1));
    result(timed.start());
    try {
      String a = uniqueName();
      String b = uniqueName();
      assertThat(result(timed.append(a, List.of(update("a1"))))).as("an idle store starts at once").containsExactly(1L);
      Future<List<Long>> waiting = timed.append(b, List.of(update("b1"))); // within the interval: waits
      assertThat(timed.appendToWaiting(b, waiting, List.of(update("b2"), update("b3")))).isTrue();
      assertThat(timed.appendToWaiting(a, waiting, List.of(update("x")))).as("not a's append").isFalse();
      assertThat(result(waiting)).containsExactly(1L, 2L, 3L);
      assertThat(timed.appendToWaiting(b, waiting, List.of(update("late")))).as("committed").isFalse();
      assertThat(texts(result(timed.load(b)).tail())).containsExactly("b1", "b2", "b3");
      assertThat(result(timed.verifyChain(b))).isEqualTo(new ChainCheck(3, 0));
      assertThat(result(timed.append(b, List.of(update("b4"))))).containsExactly(4L);
    } finally {
      result(timed.close());
    }
  }

  @Test
  void loadReturnsTheWholeLogInOrderWithoutSnapshot() {
    String d = uniqueName();
    result(store.append(d, List.of(update("1"), update("2"))));
    result(store.append(d, List.of(update("3"))));
    LoadedDocument loaded = result(store.load(d));
    assertThat(loaded.snapshot()).isNull();
    assertThat(loaded.snapshotSeq()).isZero();
    assertThat(texts(loaded.tail())).containsExactly("1", "2", "3");
    assertThat(loaded.headSeq()).isEqualTo(3);
    StoredUpdate first = loaded.tail().get(0);
    assertThat(first.actor()).isEqualTo("guest");
    assertThat(first.connectionId()).isEqualTo("conn-1");
    assertThat(first.time()).isNotNull();
  }

  @Test
  void loadReturnsNewestSnapshotAndOnlyTheTailAfterIt() {
    String d = uniqueName();
    result(store.append(d, List.of(update("1"), update("2"), update("3"))));
    result(store.writeSnapshot(d, 1, "S1".getBytes(StandardCharsets.UTF_8)));
    result(store.writeSnapshot(d, 2, "S2".getBytes(StandardCharsets.UTF_8)));
    result(store.append(d, List.of(update("4"))));
    LoadedDocument loaded = result(store.load(d));
    assertThat(new String(loaded.snapshot(), StandardCharsets.UTF_8)).isEqualTo("S2");
    assertThat(loaded.snapshotSeq()).isEqualTo(2);
    assertThat(texts(loaded.tail())).containsExactly("3", "4");
    assertThat(loaded.headSeq()).isEqualTo(4);
  }

  @Test
  void loadBeforeASnapshotStartsFromTheOneBeforeItOrTheLogsStart() {
    String d = uniqueName();
    result(store.append(d, List.of(update("1"), update("2"), update("3"))));
    result(store.writeSnapshot(d, 1, "S1".getBytes(StandardCharsets.UTF_8)));
    result(store.writeSnapshot(d, 2, "S2".getBytes(StandardCharsets.UTF_8)));
    result(store.append(d, List.of(update("4"))));

    LoadedDocument before2 = result(store.loadBefore(d, 2));
    assertThat(new String(before2.snapshot(), StandardCharsets.UTF_8)).isEqualTo("S1");
    assertThat(before2.snapshotSeq()).isEqualTo(1);
    assertThat(texts(before2.tail())).containsExactly("2", "3", "4");

    LoadedDocument before1 = result(store.loadBefore(d, 1));
    assertThat(before1.snapshot()).isNull();
    assertThat(before1.snapshotSeq()).isZero();
    assertThat(texts(before1.tail())).containsExactly("1", "2", "3", "4");
    assertThat(before1.headSeq()).isEqualTo(4);
  }

  @Test
  void snapshotsNeverTrimTheLog() {
    String d = uniqueName();
    result(store.append(d, List.of(update("1"), update("2"))));
    result(store.writeSnapshot(d, 2, new byte[] {0, 0}));
    assertThat(result(store.append(d, List.of(update("3"))))).containsExactly(3L);
    assertThat(result(store.document(d)).orElseThrow().headSeq()).isEqualTo(3);
  }

  @Test
  void unknownDocumentLoadsEmpty() {
    LoadedDocument loaded = result(store.load(uniqueName()));
    assertThat(loaded.snapshot()).isNull();
    assertThat(loaded.tail()).isEmpty();
    assertThat(loaded.headSeq()).isZero();
    assertThat(result(store.document(uniqueName()))).isEmpty();
  }

  @Test
  void firstAppendCreatesTheDocumentWithDefaultMetadata() {
    String d = uniqueName();
    result(store.append(d, List.of(update("x"))));
    DocumentInfo info = result(store.document(d)).orElseThrow();
    assertThat(info.title()).isEqualTo(d);
    assertThat(info.kind()).isEqualTo(DocumentInfo.DEFAULT_KIND);
    assertThat(info.stage()).isEqualTo(DocumentInfo.DEFAULT_STAGE);
    assertThat(info.headSeq()).isEqualTo(1);
  }

  @Test
  void putDocumentCreatesAndUpdatesMetadataAndListShowsIt() {
    String d = uniqueName();
    result(store.putDocument(d, "Antrag", DocumentKind.MOTION, DocumentStage.DRAFT));
    result(store.putDocument(d, "Antrag Glasfaser", DocumentKind.MOTION, DocumentStage.CONSULTATION));
    List<DocumentInfo> all = result(store.listDocuments());
    DocumentInfo info = all.stream().filter(i -> i.name().equals(d)).findFirst().orElseThrow();
    assertThat(info.title()).isEqualTo("Antrag Glasfaser");
    assertThat(info.stage()).isEqualTo(DocumentStage.CONSULTATION);
    assertThat(info.headSeq()).isZero();
  }

  @Test
  void deleteIfEmptyDeletesOnlyADocumentNothingWasWrittenInto() {
    String empty = uniqueName();
    result(store.createDocument(empty, "Leer", DocumentKind.MOTION, DocumentStage.DRAFT));
    assertThat(result(store.deleteIfEmpty(empty))).isTrue();
    assertThat(result(store.document(empty))).isEmpty();
    assertThat(result(store.deleteIfEmpty(empty))).isFalse();
    // The name is free again, and a document created under it starts a fresh log.
    assertThat(result(store.createDocument(empty, "Neu", DocumentKind.MOTION, DocumentStage.DRAFT))).isTrue();
    result(store.append(empty, List.of(update("n1"))));
    assertThat(texts(result(store.load(empty)).tail())).containsExactly("n1");
    assertThat(result(store.verifyChain(empty)).intact()).isTrue();

    String written = uniqueName();
    result(store.createDocument(written, "Text", DocumentKind.MOTION, DocumentStage.DRAFT));
    result(store.append(written, List.of(update("u1"))));
    assertThat(result(store.deleteIfEmpty(written))).isFalse();
    assertThat(texts(result(store.load(written)).tail())).containsExactly("u1");

    String snapshotted = uniqueName();
    result(store.createDocument(snapshotted, "Stand", DocumentKind.MOTION, DocumentStage.DRAFT));
    result(store.writeSnapshot(snapshotted, 0, "S0".getBytes(StandardCharsets.UTF_8)));
    assertThat(result(store.deleteIfEmpty(snapshotted))).isFalse();
    assertThat(result(store.document(snapshotted))).isPresent();
  }

  @Test
  void createDocumentCreatesOnlyWhenTheNameIsFree() {
    String d = uniqueName();
    assertThat(result(store.createDocument(d, "Programm", DocumentKind.PROGRAMME, DocumentStage.DRAFT))).isTrue();
    assertThat(result(store.createDocument(d, "Anderes", DocumentKind.MOTION, DocumentStage.PUBLISHED))).isFalse();
    DocumentInfo info = result(store.document(d)).orElseThrow();
    assertThat(info.title()).isEqualTo("Programm");
    assertThat(info.stage()).isEqualTo(DocumentStage.DRAFT);
    if (supportsConcurrentInstances()) {
      // Two instances (two server nodes) creating one name at once: exactly one of them creates it.
      DocumentStore other = open(vertx);
      result(other.start());
      try {
        String e = uniqueName();
        List<Future<Boolean>> both = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          both.add((i % 2 == 0 ? store : other).createDocument(e, "T" + i, DocumentKind.MOTION, DocumentStage.DRAFT));
        }
        result(Future.all(both));
        assertThat(both.stream().filter(Future::result).count()).isEqualTo(1);
      } finally {
        result(other.close());
      }
    }
  }

  @Test
  void committedUpdatesSurviveReopeningTheStore() {
    String d = uniqueName();
    result(store.append(d, List.of(update("kept"))));
    result(store.close());
    store = open(vertx);
    result(store.start());
    assertThat(texts(result(store.load(d)).tail())).containsExactly("kept");
  }

  @Test
  void concurrentAppendsFromTwoInstancesStayGapFree() {
    if (!supportsConcurrentInstances()) {
      return;
    }
    DocumentStore other = open(vertx);
    result(other.start());
    try {
      String d = uniqueName();
      List<Future<List<Long>>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add((i % 2 == 0 ? store : other).append(d, List.of(update("u" + i), update("v" + i))));
      }
      result(Future.all(all));
      List<Long> seqs = new ArrayList<>();
      for (StoredUpdate u : result(store.load(d)).tail()) {
        seqs.add(u.seq());
      }
      List<Long> expected = new ArrayList<>();
      for (long s = 1; s <= 40; s++) {
        expected.add(s);
      }
      assertThat(seqs).isEqualTo(expected);
    } finally {
      result(other.close());
    }
  }

  @Test
  void hashChainIsIntactAfterAppendsAndRevealsARewrittenRow() throws Exception {
    String d = uniqueName();
    result(store.append(d, List.of(update("1"), update("2"))));
    result(store.append(d, List.of(update("3"), update("4"))));
    assertThat(result(store.verifyChain(d))).isEqualTo(new ChainCheck(4, 0));
    tamper(d, 3, "three".getBytes(StandardCharsets.UTF_8));
    ChainCheck check = result(store.verifyChain(d));
    assertThat(check.intact()).isFalse();
    assertThat(check.firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void manyDocumentsAppendingAtOnceKeepConsecutiveSeqsAndIntactChains() throws Exception {
    // Appends of many documents from several event loops at once: the store coalesces those
    // that queue behind a running transaction into one; per document the seqs must still be
    // 1..n in the order the document's appends were made, and every chain must verify.
    int documents = 24;
    int rounds = 5;
    List<String> names = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      names.add(uniqueName());
    }
    List<Future<Void>> all = new ArrayList<>();
    java.util.Map<String, List<List<Long>>> seqs = new java.util.concurrent.ConcurrentHashMap<>();
    for (String name : names) {
      io.vertx.core.Context ctx = vertx.getOrCreateContext(); // one context per document, like a session
      io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
      all.add(done.future());
      seqs.put(name, new java.util.concurrent.CopyOnWriteArrayList<>());
      // Each document appends its rounds one after another (as a session does), all documents at once.
      ctx.runOnContext(v -> appendRounds(ctx, name, 0, rounds, seqs.get(name), done));
    }
    result(Future.all(all));
    for (String name : names) {
      List<Long> flat = new ArrayList<>();
      seqs.get(name).forEach(flat::addAll);
      List<Long> expected = new ArrayList<>();
      for (long s = 1; s <= rounds * 2L; s++) {
        expected.add(s);
      }
      assertThat(flat).as(name).isEqualTo(expected);
      assertThat(result(store.verifyChain(name))).isEqualTo(new ChainCheck(rounds * 2L, 0));
      List<String> logged = texts(result(store.load(name)).tail());
      assertThat(logged).hasSize(rounds * 2).startsWith(name + "/0/a", name + "/0/b").endsWith(name + "/" + (rounds - 1) + "/b");
    }
  }

  private void appendRounds(io.vertx.core.Context ctx, String name, int round, int rounds, List<List<Long>> out,
      io.vertx.core.Promise<Void> done) {
    if (round == rounds) {
      done.complete();
      return;
    }
    store.append(name, List.of(update(name + "/" + round + "/a"), update(name + "/" + round + "/b")))
        .onComplete(ar -> {
          if (ar.failed()) {
            done.fail(ar.cause());
          } else if (io.vertx.core.Vertx.currentContext() != ctx) {
            done.fail(new AssertionError("append completed off the caller's context"));
          } else {
            out.add(ar.result());
            appendRounds(ctx, name, round + 1, rounds, out, done);
          }
        });
  }

  @Test
  void anAppendThatCannotCommitFailsAloneWhileOthersQueuedWithItCommit() {
    // connection_id is NOT NULL: this append's insert fails inside whatever transaction it
    // shares with the others; it alone must fail, the others must be logged exactly once.
    String good1 = uniqueName();
    String bad = uniqueName();
    String good2 = uniqueName();
    Future<List<Long>> blocker = store.append(uniqueName(), List.of(update("first")));
    Future<List<Long>> a = store.append(good1, List.of(update("g1")));
    Future<List<Long>> b = store.append(bad, List.of(new NewUpdate("x".getBytes(StandardCharsets.UTF_8), "guest", null)));
    Future<List<Long>> c = store.append(good2, List.of(update("g2"), update("g3")));
    Future<List<Long>> d = store.append(good1, List.of(update("g4")));
    result(blocker);
    assertThat(result(a)).containsExactly(1L);
    assertThat(result(c)).containsExactly(1L, 2L);
    assertThat(result(d)).containsExactly(2L);
    assertThat(result(b.otherwise(List.of(-1L)))).containsExactly(-1L);
    assertThat(texts(result(store.load(good1)).tail())).containsExactly("g1", "g4");
    assertThat(texts(result(store.load(good2)).tail())).containsExactly("g2", "g3");
    assertThat(result(store.load(bad)).tail()).isEmpty();
    assertThat(result(store.verifyChain(good1)).intact()).isTrue();
    assertThat(result(store.append(bad, List.of(update("later"))))).containsExactly(1L);
  }

  @Test
  void aFailedGroupCommitDoesNotAdvanceTheChainOfADocumentItHeld() throws Exception {
    // The known document's rows are written in the shared transaction before the bad insert
    // fails it; after the rollback its retry must continue from the committed head, not from the
    // rolled-back rows (a store that remembers heads must forget what it did not commit).
    String known = uniqueName();
    String bad = uniqueName();
    assertThat(result(store.append(known, List.of(update("k1"))))).containsExactly(1L);
    Future<List<Long>> blocker = store.append(uniqueName(), List.of(update("first")));
    Future<List<Long>> a = store.append(known, List.of(update("k2"), update("k3")));
    Future<List<Long>> b = store.append(bad, List.of(new NewUpdate("x".getBytes(StandardCharsets.UTF_8), "guest", null)));
    result(blocker);
    assertThat(result(a)).containsExactly(2L, 3L);
    assertThat(result(b.otherwise(List.of(-1L)))).containsExactly(-1L);
    assertThat(result(store.append(known, List.of(update("k4"))))).containsExactly(4L);
    assertThat(texts(result(store.load(known)).tail())).containsExactly("k1", "k2", "k3", "k4");
    assertThat(result(store.verifyChain(known))).isEqualTo(new ChainCheck(4, 0));
    assertThat(result(store.document(known)).orElseThrow().headSeq()).isEqualTo(4L);
  }

  @Test
  void pingAnswersWhenTheStoreIsUp() {
    result(store.ping());
  }
}
