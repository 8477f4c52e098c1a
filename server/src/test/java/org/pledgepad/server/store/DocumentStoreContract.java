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
  void pingAnswersWhenTheStoreIsUp() {
    result(store.ping());
  }
}
