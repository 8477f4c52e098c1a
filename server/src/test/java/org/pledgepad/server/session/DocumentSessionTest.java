package org.pledgepad.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;
import static org.pledgepad.server.testing.Eventually.until;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.LoadedDocument;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;
import org.pledgepad.server.wire.SharedFrame;
import org.pledgepad.server.wire.WireWriter;

class DocumentSessionTest {
  private static final String DOC = "motion-1";

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private CountingStore store;
  private SessionRegistry registry;
  private ServerMetrics metrics;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new CountingStore(new SqliteDocumentStore(vertx, dataDir));
    result(store.start());
    metrics = ServerMetrics.noop();
    registry = new SessionRegistry(vertx, store, YjsDocument::new,
        new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), metrics);
  }

  @AfterEach
  void stop() {
    result(store.close());
    result(vertx.close());
  }

  private static byte[] textUpdate(long clientId, String text) {
    Doc d = new Doc();
    d.clientID = clientId;
    d.getText("text").insert(0, text);
    return Y.encodeStateAsUpdate(d);
  }

  private static String textOf(List<byte[]> updates) {
    Doc d = new Doc();
    updates.forEach(u -> Y.applyUpdate(d, u));
    return d.getText("text").toString();
  }

  private DocumentSession join(RecordingPeer p) {
    DocumentSession s = registry.acquire(DOC);
    s.join(p);
    return s;
  }

  @Test
  void storedContentIsLoadedBeforeTheFirstSyncAnswer() {
    result(store.append(DOC, List.of(new NewUpdate(textUpdate(7, "stored"), "seed", "seed"))));
    RecordingPeer p = new RecordingPeer("c1", "guest", false);
    DocumentSession s = join(p);
    s.receive(p, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> p.count("step2") == 1);
    assertThat(p.sent.get(0).kind()).isEqualTo("step1");
    assertThat(textOf(p.payloads("step2"))).isEqualTo("stored");
  }

  @Test
  void aStateOverAPeersLimitArrivesInPartsWithTheStep2Last() {
    String text = "Glasfaser für alle. ".repeat(10_000); // 200,000 characters, one merged item
    result(store.append(DOC, List.of(new NewUpdate(textUpdate(7, text), "seed", "seed"))));
    RecordingPeer small = new RecordingPeer("small", "guest", false);
    small.maxPayload = 16 * 1024;
    RecordingPeer local = new RecordingPeer("local", "guest", false); // in-process: any size
    DocumentSession s = join(small);
    join(local);
    s.receive(small, new Inbound.SyncStep1(new byte[] {0}));
    s.receive(local, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2s", () -> small.count("step2") == 1 && local.count("step2") == 1);

    List<RecordingPeer.Sent> sync = small.sent.stream().filter(m -> !m.kind().equals("step1")).toList();
    assertThat(sync.size()).isGreaterThan(10);
    assertThat(sync.get(sync.size() - 1).kind()).as("the step 2 comes last").isEqualTo("step2");
    assertThat(sync.subList(0, sync.size() - 1)).allMatch(m -> m.kind().equals("update"));
    assertThat(sync).allMatch(m -> m.payload().length <= 16 * 1024);
    assertThat(textOf(sync.stream().map(RecordingPeer.Sent::payload).toList())).isEqualTo(text);
    assertThat(local.count("update")).isZero();
    assertThat(textOf(local.payloads("step2"))).isEqualTo(text);
  }

  @Test
  void aServerMadeUpdateOverAPeersLimitIsBroadcastInParts() {
    // A history restore of a large document: one update, submitted by the server.
    RecordingPeer small = new RecordingPeer("small", "guest", false);
    small.maxPayload = 8 * 1024;
    RecordingPeer large = new RecordingPeer("large", "guest", false);
    DocumentSession s = join(small);
    join(large);
    String text = "Wiederhergestellt. ".repeat(5_000);
    result(s.submit("editor", "restore", textUpdate(11, text)));
    until("broadcast", () -> large.count("update") == 1 && small.count("update") > 1);
    assertThat(small.payloads("update")).allMatch(u -> u.length <= 8 * 1024);
    assertThat(textOf(small.payloads("update"))).isEqualTo(text);
    assertThat(small.count("step2")).isZero();
  }

  @Test
  void updateIsLoggedThenBroadcastToOthersAndAcknowledgedToTheSender() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    RecordingPeer b = new RecordingPeer("b", "guest", false);
    DocumentSession s = join(a);
    join(b);
    s.receive(a, new Inbound.Update(textUpdate(1, "hello")));
    until("ack", () -> a.count("applied") == 1);
    until("broadcast", () -> b.count("update") == 1);
    assertThat(a.count("update")).as("no echo to the sender").isZero();
    LoadedDocument stored = result(store.load(DOC));
    assertThat(stored.tail()).hasSize(1);
    assertThat(stored.tail().get(0).connectionId()).isEqualTo("a");
    assertThat(textOf(b.payloads("update"))).isEqualTo("hello");
  }

  @Test
  void updatesArrivingDuringACommitShareTheNextTransaction() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    int n = 100;
    typeOneUpdateEach(s, a, n);
    until("all acknowledged", () -> a.count("applied") == n);
    assertThat(result(store.load(DOC)).headSeq()).isEqualTo(n);
    assertThat(store.appends.get()).as("transactions for %d updates", n).isLessThan(n);
  }

  /**
   * With a group commit interval, updates that arrive while the document's append waits for its
   * transaction join that append: one transaction, not one for the first and another after it.
   */
  @Test
  void updatesArrivingWhileTheAppendWaitsForTheGroupCommitIntervalJoinIt() throws Exception {
    CountingStore timed = new CountingStore(new SqliteDocumentStore(vertx, dataDir.resolve("timed"), Duration.ofSeconds(1)));
    result(timed.start());
    try {
      SessionRegistry reg = new SessionRegistry(vertx, timed, YjsDocument::new,
          new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), ServerMetrics.noop());
      RecordingPeer a = new RecordingPeer("a", "guest", false);
      RecordingPeer b = new RecordingPeer("b", "guest", false);
      DocumentSession s = reg.acquire(DOC);
      s.join(a);
      s.join(b);
      Doc client = new Doc();
      client.clientID = 3;
      int n = 20;
      for (int i = 0; i < n; i++) {
        byte[] before = Y.encodeStateVector(client);
        client.getText("text").insert(client.getText("text").length(), Integer.toString(i % 10));
        s.receive(a, new Inbound.Update(Y.encodeStateAsUpdate(client, before)));
        if (i == 0) {
          until("first acknowledged (an idle store starts at once)", () -> a.count("applied") == 1);
        }
      }
      until("all acknowledged", () -> a.count("applied") == n);
      assertThat(timed.appends.get()).as("the first update, then one append for the other %d", n - 1).isEqualTo(2);
      assertThat(timed.joins.get()).isPositive();
      assertThat(result(timed.load(DOC)).headSeq()).isEqualTo(n);
      assertThat(textOf(b.payloads("update"))).isEqualTo("01234567890123456789");
      assertThat(result(timed.verifyChain(DOC)).intact()).isTrue();
    } finally {
      result(timed.close());
    }
  }

  /**
   * The sender's socket closes while its updates commit (it went offline): acknowledging the first
   * update of the batch throws. Every update of the batch must still be applied and reach the
   * other peers — an exception escaping the batch loop once dropped the rest of it from the live
   * document (committed, never broadcast; clients that never converged).
   */
  @Test
  void aSenderWhoseSocketClosedDoesNotCutItsCommitBatchShort() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    RecordingPeer b = new RecordingPeer("b", "guest", false);
    DocumentSession s = join(a);
    join(b);
    until("joined", () -> b.count("step1") == 1);
    a.failSends = new IllegalStateException("WebSocket is closed");
    int n = 100;
    typeOneUpdateEach(s, a, n);
    until("every update broadcast", () -> b.count("update") == n);
    assertThat(store.appends.get()).as("batches of several updates (else this tests nothing)").isLessThan(n);
    assertThat(textOf(b.payloads("update"))).isEqualTo("x".repeat(n));
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    assertThat(textOf(c.payloads("step2"))).as("the live document").isEqualTo("x".repeat(n));
    assertThat(a.closedWith).as("the failing peer is closed").isEqualTo(CloseCodes.INTERNAL_ERROR);
  }

  /** {@code n} updates of one "x" each from client 3, sent by {@code p} without waiting. */
  private static void typeOneUpdateEach(DocumentSession s, RecordingPeer p, int n) {
    Doc client = new Doc();
    client.clientID = 3;
    for (int i = 0; i < n; i++) {
      byte[] before = Y.encodeStateVector(client);
      client.getText("text").insert(client.getText("text").length(), "x");
      s.receive(p, new Inbound.Update(Y.encodeStateAsUpdate(client, before)));
    }
  }

  @Test
  void readOnlyPeerCannotChangeTheDocument() {
    RecordingPeer reader = new RecordingPeer("r", "reader", true);
    DocumentSession s = join(reader);
    s.receive(reader, new Inbound.Update(textUpdate(1, "nope")));
    until("refusal", () -> reader.count("rejected") == 1);
    assertThat(result(store.load(DOC)).tail()).isEmpty();
    assertThat(reader.closedWith).isNull();
  }

  @Test
  void readOnlyPeersEmptyStep2IsAcknowledgedWithoutLogging() {
    RecordingPeer reader = new RecordingPeer("r", "reader", true);
    DocumentSession s = join(reader);
    s.receive(reader, new Inbound.SyncStep2(new byte[] {0, 0}));
    until("acknowledgement", () -> reader.count("applied") == 1);
    assertThat(reader.count("rejected")).isZero();
    assertThat(result(store.load(DOC)).tail()).isEmpty();
  }

  @Test
  void undecodableUpdateClosesOnlyItsSenderAndIsNotLogged() {
    RecordingPeer bad = new RecordingPeer("bad", "guest", false);
    RecordingPeer good = new RecordingPeer("good", "guest", false);
    DocumentSession s = join(bad);
    join(good);
    s.receive(bad, new Inbound.Update(new byte[] {1, 1, (byte) 0x80}));
    s.receive(good, new Inbound.Update(textUpdate(2, "fine")));
    until("good acknowledged", () -> good.count("applied") == 1);
    assertThat(bad.closedWith).isEqualTo(CloseCodes.INVALID_UPDATE);
    assertThat(good.closedWith).isNull();
    assertThat(result(store.load(DOC)).tail()).hasSize(1);
  }

  @Test
  void failedCommitClosesTheSenderAndBroadcastsNothing() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    RecordingPeer b = new RecordingPeer("b", "guest", false);
    DocumentSession s = join(a);
    join(b);
    until("joined", () -> b.count("step1") == 1);
    store.failAppends.set(true);
    s.receive(a, new Inbound.Update(textUpdate(1, "lost?")));
    until("sender closed", () -> a.closedWith != null);
    assertThat(a.closedWith).isEqualTo(CloseCodes.INTERNAL_ERROR);
    assertThat(a.count("applied")).isZero();
    assertThat(b.count("update")).isZero();
    // What deploy/README.md's store-failure alert reads.
    assertThat(metrics.registry().find("pledgepad.frames.rejected").tag("code", "1011").counter().count()).isEqualTo(1);
    assertThat(metrics.registry().find("pledgepad.commits.failed").counter().count()).isEqualTo(1);
  }

  /** The session of two joined peers, and the gate that holds {@code a}'s first update in its append. */
  private record HeldCommit(DocumentSession session, io.vertx.core.Promise<Void> gate) {}

  private HeldCommit commitHeldFor(RecordingPeer a, RecordingPeer b) {
    DocumentSession s = join(a);
    join(b);
    until("joined", () -> b.count("step1") == 1);
    io.vertx.core.Promise<Void> gate = io.vertx.core.Promise.promise();
    store.holdAppends = gate;
    s.receive(a, new Inbound.Update(textUpdate(1, "erste")));
    until("its commit started", () -> store.appends.get() == 1);
    return new HeldCommit(s, gate);
  }

  @Test
  void aFailedCommitAlsoDropsTheSendersLaterQueuedUpdates() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    RecordingPeer b = new RecordingPeer("b", "guest", false);
    HeldCommit held = commitHeldFor(a, b);
    DocumentSession s = held.session();
    s.receive(a, new Inbound.Update(textUpdate(2, "zweite"))); // queued behind the commit in flight
    s.receive(b, new Inbound.SyncStep1(new byte[] {0})); // a round trip on the session's context
    until("b answered", () -> b.count("step2") == 1);
    store.failAppends.set(true);
    held.gate().complete();
    until("sender closed", () -> a.closedWith != null);
    store.failAppends.set(false);
    store.holdAppends = null;
    s.receive(b, new Inbound.Update(textUpdate(3, "dritte")));
    until("b's own update committed", () -> b.count("applied") == 1);
    // a's second update depended on nothing here, but it came after one that was not logged:
    // a resends both when it reconnects.
    assertThat(store.appends.get()).isEqualTo(2);
    assertThat(textOf(result(store.load(DOC)).tail().stream().map(u -> u.update()).toList())).isEqualTo("dritte");
  }

  /**
   * The clientID check counted the clocks of updates dropped after a failed commit as admitted
   * for the session's life (review item 1): it is told which admitted updates still wait, so
   * that the dropped ones no longer count.
   */
  @Test
  void aFailedCommitTellsTheClientIdCheckWhichAdmittedUpdatesStillWait() {
    RecordingAdmission admission = new RecordingAdmission();
    registry.setUpdateAdmission(name -> admission);
    RecordingPeer a = new RecordingPeer("a", "alice", false);
    RecordingPeer b = new RecordingPeer("b", "bob", false);
    HeldCommit held = commitHeldFor(a, b);
    DocumentSession s = held.session();
    s.receive(a, new Inbound.Update(textUpdate(2, "zweite"))); // dropped with a
    byte[] bobs = textUpdate(3, "dritte");
    s.receive(b, new Inbound.Update(bobs)); // still waits
    s.receive(b, new Inbound.SyncStep1(new byte[] {0})); // a round trip on the session's context
    until("b answered", () -> b.count("step2") == 1);
    io.vertx.core.Promise<Void> next = io.vertx.core.Promise.promise();
    store.holdAppends = next; // b's own commit, which follows at once, waits for the assertions
    store.failAppends.set(true);
    held.gate().complete();
    until("told", () -> !admission.failures.isEmpty());
    assertThat(admission.failures).hasSize(1);
    assertThat(admission.failures.get(0)).containsExactly(bobs);
    store.failAppends.set(false);
    store.holdAppends = null;
    next.complete();
    until("b's update committed", () -> b.count("applied") == 1);
  }

  /**
   * Behind a stalled store the updates waiting for their commit were counted as document size:
   * the sender that crossed the limit was told 4413 (do not retry), though the document was small.
   */
  @Test
  void aBacklogBehindAStalledStoreIsAnsweredBackOffNotDocumentTooLarge() {
    limitDocumentsTo(2000);
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    until("joined", () -> a.count("step1") == 1);
    io.vertx.core.Promise<Void> gate = io.vertx.core.Promise.promise();
    store.holdAppends = gate;
    for (int i = 0; i < 8; i++) { // 8 × ~400 bytes waiting; the document itself stays empty
      s.receive(a, new Inbound.Update(textUpdate(100 + i, "z".repeat(400))));
    }
    until("sender closed", () -> a.closedWith != null);
    assertThat(a.closedWith).as("back off and retry").isEqualTo(CloseCodes.RATE_LIMITED);
    store.holdAppends = null;
    gate.complete();
  }

  /** Small updates behind a stalled store were held without a count, each also decoded. */
  @Test
  void tenThousandUpdatesWaitingForTheStoreAreTheMost() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    until("joined", () -> a.count("step1") == 1);
    io.vertx.core.Promise<Void> gate = io.vertx.core.Promise.promise();
    store.holdAppends = gate;
    for (int i = 0; i < SessionSettings.MAX_UPDATES_WAITING_FOR_COMMIT; i++) {
      s.receive(a, new Inbound.Update(textUpdate(1000 + i, "k")));
    }
    s.receive(a, new Inbound.SyncStep1(new byte[] {0})); // a round trip on the session's context
    until("answered", () -> a.count("step2") == 1);
    assertThat(a.closedWith).as("within the limit").isNull();
    s.receive(a, new Inbound.Update(textUpdate(999, "k")));
    until("sender closed", () -> a.closedWith != null);
    assertThat(a.closedWith).isEqualTo(CloseCodes.RATE_LIMITED);
    store.holdAppends = null;
    gate.complete();
  }

  @Test
  void theUpdatesWaitingForTheStoreAreBoundedOverAllDocumentsTogether() {
    StoreBacklog backlog = new StoreBacklog(3, 1 << 20);
    registry = new SessionRegistry(vertx, store, YjsDocument::new,
        new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), ServerMetrics.noop(), backlog);
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    RecordingPeer b = new RecordingPeer("b", "guest", false);
    DocumentSession first = join(a);
    DocumentSession second = registry.acquire("zweites-dokument");
    second.join(b);
    until("joined", () -> a.count("step1") == 1 && b.count("step1") == 1);
    io.vertx.core.Promise<Void> gate = io.vertx.core.Promise.promise();
    store.holdAppends = gate;
    first.receive(a, new Inbound.Update(textUpdate(1000, "a")));
    first.receive(a, new Inbound.Update(textUpdate(1001, "b")));
    second.receive(b, new Inbound.Update(textUpdate(2000, "c")));
    until("three waiting", () -> backlog.waitingUpdates() == 3);
    // Each document is far below its own limit; together they hold the process's budget.
    second.receive(b, new Inbound.Update(textUpdate(2001, "d")));
    until("sender closed", () -> b.closedWith != null);
    assertThat(b.closedWith).isEqualTo(CloseCodes.RATE_LIMITED);
    assertThat(a.closedWith).isNull();
    store.holdAppends = null;
    gate.complete();
    until("committed and given back", () -> a.count("applied") == 2 && backlog.waitingUpdates() == 0);
    first.receive(a, new Inbound.Update(textUpdate(1002, "e")));
    until("room again", () -> a.count("applied") == 3);
    assertThat(a.closedWith).isNull();
  }

  /** Sessions opened from now on refuse updates that would grow a document beyond {@code maxBytes}. */
  private void limitDocumentsTo(long maxBytes) {
    registry = new SessionRegistry(vertx, store, YjsDocument::new,
        new SessionSettings(5, 256, maxBytes, Duration.ofMillis(50), 1000), ServerMetrics.noop());
  }

  @Test
  void oversizedDocumentIsRefused() {
    limitDocumentsTo(100);
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    s.receive(a, new Inbound.Update(textUpdate(1, "x".repeat(500))));
    until("closed", () -> a.closedWith != null);
    assertThat(a.closedWith).isEqualTo(CloseCodes.DOCUMENT_TOO_LARGE);
  }

  @Test
  void snapshotIsWrittenEveryNUpdatesAndUsedOnReload() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    for (int i = 0; i < 6; i++) {
      s.receive(a, new Inbound.Update(textUpdate(10 + i, "p" + i)));
    }
    until("acks", () -> a.count("applied") == 6);
    until("snapshot", () -> result(store.load(DOC)).snapshotSeq() >= 5);
    s.leave(a);
    until("unloaded", () -> registry.find(DOC) == null);
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession reloaded = join(c);
    reloaded.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    assertThat(textOf(c.payloads("step2"))).hasSize(12);
  }

  /**
   * An unloaded document's state is released for the collector (see StructUnlinker), once, and
   * only after the final snapshot was encoded from it: the reload has every update.
   */
  @Test
  void anUnloadedDocumentIsReleasedAfterItsFinalSnapshotWasEncoded() {
    List<ReleaseCountingDocument> made = new java.util.concurrent.CopyOnWriteArrayList<>();
    registry = new SessionRegistry(vertx, store, () -> {
      ReleaseCountingDocument d = new ReleaseCountingDocument();
      made.add(d);
      return d;
    }, new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), ServerMetrics.noop());
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    for (int i = 0; i < 3; i++) { // fewer than SNAPSHOT_EVERY: only the unload snapshots them
      send(s, a, textUpdate(20 + i, "q" + i), i + 1);
    }
    assertThat(made.get(0).released).isZero();
    s.leave(a);
    until("unloaded", () -> registry.find(DOC) == null);
    until("final snapshot", () -> result(store.load(DOC)).snapshotSeq() == 3);
    assertThat(made.get(0).released).isEqualTo(1);

    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession reloaded = join(c);
    reloaded.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    assertThat(textOf(c.payloads("step2"))).hasSize(6).contains("q0", "q1", "q2");
    assertThat(made).hasSize(2);
    assertThat(made.get(1).released).isZero();
  }

  /**
   * A document whose snapshot is large: small updates are not snapshotted every SNAPSHOT_EVERY
   * but once their bytes reach the snapshot's, or at the latest after the tail limit.
   */
  @Test
  void aLargeDocumentIsSnapshottedOnceItsNewLogIsAsLargeAsItsSnapshotOrTheTailLimitIsReached() {
    registry = new SessionRegistry(vertx, store, YjsDocument::new,
        new SessionSettings(new SnapshotPolicy(5, 40, 1 << 20), 256, 1 << 20, Duration.ofMillis(50), 1000),
        ServerMetrics.noop());
    byte[] seed = textUpdate(7, "Präambel. ".repeat(400));
    result(store.append(DOC, List.of(new NewUpdate(seed, "seed", "seed"))));
    Doc seeded = new Doc();
    Y.applyUpdate(seeded, seed);
    byte[] snapshot = Y.encodeStateAsUpdate(seeded);
    result(store.writeSnapshot(DOC, 1, snapshot));
    store.snapshotSeqs.clear();
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    long seq = 1; // the seed's
    long tailBytes = 0;
    while (tailBytes < snapshot.length) {
      assertThat(store.snapshotSeqs).as("no snapshot before the tail is as large as the snapshot").isEmpty();
      byte[] u = textUpdate(100 + seq, "Absatz " + seq + ": " + "w".repeat(200));
      tailBytes += u.length;
      seq++;
      send(s, a, u, seq - 1);
    }
    long first = seq;
    assertThat(first).as("later than the minimum count alone").isGreaterThan(1 + 5);
    // The acknowledgement goes out before the commit's snapshot is asked for.
    until("first snapshot", () -> store.snapshotSeqs.size() == 1);
    assertThat(store.snapshotSeqs).containsExactly(first);
    // Small updates do not reach the new snapshot's bytes soon: the tail limit decides.
    for (int i = 0; i < 40; i++) {
      assertThat(store.snapshotSeqs).containsExactly(first);
      seq++;
      send(s, a, textUpdate(1_000 + seq, "x"), seq - 1);
    }
    until("second snapshot", () -> store.snapshotSeqs.size() == 2);
    assertThat(store.snapshotSeqs).containsExactly(first, first + 40);
  }

  /** One update, then its acknowledgement: every commit weighs the tail anew. */
  private static void send(DocumentSession s, RecordingPeer p, byte[] update, long acksSoFar) {
    s.receive(p, new Inbound.Update(update));
    until("ack", () -> p.count("applied") == acksSoFar);
  }

  @Test
  void aSnapshotAtTheHeadIsSentAsTheWholeStateWithoutEncodingAgain() {
    Doc source = new Doc();
    source.clientID = 70;
    List<byte[]> logged = new java.util.ArrayList<>();
    source.onUpdate((u, origin, d, tr) -> logged.add(u));
    source.getText("text").insert(0, "abc");
    source.getText("text").insert(1, "X");
    source.getText("text").delete(0, 1);
    for (byte[] u : logged) {
      result(store.append(DOC, List.of(new NewUpdate(u, "seed", "seed"))));
    }
    byte[] snapshot = Y.encodeStateAsUpdate(source);
    result(store.writeSnapshot(DOC, logged.size(), snapshot));
    assertThat(result(store.load(DOC)).tail()).isEmpty();
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession s = join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    assertThat(c.payloads("step2").get(0)).isEqualTo(snapshot);
    assertThat(textOf(c.payloads("step2"))).isEqualTo("Xbc");
    // The answer follows the document once it changes.
    s.receive(c, new Inbound.Update(textUpdate(71, "neu")));
    until("ack", () -> c.count("applied") == 1);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("second step 2", () -> c.count("step2") == 2);
    assertThat(textOf(List.of(c.payloads("step2").get(1)))).contains("neu").contains("Xbc").hasSize(6);
  }

  @Test
  void aLongLogTailIsAppliedAtOnceAndSnapshottedRightAfterLoading() {
    // 12 logged updates and no snapshot (as after kill -9 with SNAPSHOT_EVERY 5): the session
    // answers with all of them, then writes a snapshot so that the next load is short.
    for (int i = 0; i < 12; i++) {
      result(store.append(DOC, List.of(new NewUpdate(textUpdate(30 + i, "t" + i), "seed", "seed"))));
    }
    assertThat(result(store.load(DOC)).snapshotSeq()).isZero();
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession s = join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    assertThat(textOf(c.payloads("step2"))).hasSize(2 * 10 + 3 * 2);
    until("snapshot after load", () -> result(store.load(DOC)).snapshotSeq() == 12);
    assertThat(result(store.load(DOC)).tail()).isEmpty();
  }

  @Test
  void aTailFoundOnLoadIsSnapshottedEvenWhenItIsSmallBesideTheSnapshot() {
    // While running, 6 small updates after a large snapshot are not worth encoding it again;
    // found on load (kill -9), they are: the next open then needs neither the tail nor an encoding.
    byte[] seed = textUpdate(7, "Präambel. ".repeat(400));
    result(store.append(DOC, List.of(new NewUpdate(seed, "seed", "seed"))));
    Doc seeded = new Doc();
    Y.applyUpdate(seeded, seed);
    result(store.writeSnapshot(DOC, 1, Y.encodeStateAsUpdate(seeded)));
    for (int i = 0; i < 6; i++) {
      result(store.append(DOC, List.of(new NewUpdate(textUpdate(60 + i, "n" + i), "seed", "seed"))));
    }
    store.snapshotSeqs.clear();
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession s = join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    until("snapshot after load", () -> store.snapshotSeqs.contains(7L));
    assertThat(result(store.load(DOC)).tail()).isEmpty();
  }

  /** A snapshot at seq 2 and a tail of 6 (SNAPSHOT_EVERY is 5 here: due on load); returns the snapshot. */
  private byte[] snapshotAndTail() {
    Doc seeded = new Doc();
    for (int i = 0; i < 8; i++) {
      byte[] u = textUpdate(80 + i, "s" + i);
      result(store.append(DOC, List.of(new NewUpdate(u, "seed", "seed"))));
      Y.applyUpdate(seeded, u);
      if (i == 1) {
        result(store.writeSnapshot(DOC, 2, Y.encodeStateAsUpdate(seeded)));
      }
    }
    store.snapshotSeqs.clear();
    return result(store.load(DOC)).snapshot();
  }

  private static List<byte[]> syncAnswer(RecordingPeer p) {
    return p.sent.stream().filter(m -> m.kind().equals("update") || m.kind().equals("step2"))
        .map(RecordingPeer.Sent::payload).toList();
  }

  @Test
  void aDocumentLoadedWithATailAnswersWithItsSnapshotThenTheRestWithoutEncodingItself() {
    // After a crash the first open's step 2 does not wait for the whole document to be encoded:
    // the snapshot as read goes first, then what the tail added.
    byte[] snapshot = snapshotAndTail();
    AtomicInteger encodings = new AtomicInteger();
    registry = new SessionRegistry(vertx, store, () -> new CountingEncodings(encodings),
        new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), ServerMetrics.noop());
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession s = join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0})); // queued behind the load
    until("step 2", () -> c.count("step2") == 1);
    List<byte[]> answer = syncAnswer(c);
    assertThat(answer).hasSize(2);
    assertThat(answer.get(0)).isEqualTo(snapshot);
    assertThat(c.sent.stream().map(RecordingPeer.Sent::kind).filter(k -> !k.equals("step1") && !k.equals("awareness")))
        .containsExactly("update", "step2");
    assertThat(textOf(answer)).hasSize(16).contains("s0", "s1", "s7");
    assertThat(textOf(List.of(answer.get(1)))).doesNotContain("s0").doesNotContain("s1");
    // The load-time snapshot still follows, and from then on the encoded state answers whole.
    until("snapshot after load", () -> store.snapshotSeqs.contains(8L));
    assertThat(encodings.get()).isEqualTo(1);
    RecordingPeer d = new RecordingPeer("d", "guest", false);
    join(d);
    s.receive(d, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2 of d", () -> d.count("step2") == 1);
    assertThat(syncAnswer(d)).hasSize(1);
    assertThat(textOf(syncAnswer(d))).isEqualTo(textOf(answer));
    assertThat(encodings.get()).isEqualTo(1);
  }

  @Test
  void onceTheLoadedDocumentChangesTheAnswerIsItsWholeStateAgain() {
    snapshotAndTail();
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession s = join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    s.receive(c, new Inbound.Update(textUpdate(99, "neu")));
    until("ack", () -> c.count("applied") == 1);
    RecordingPeer d = new RecordingPeer("d", "guest", false);
    join(d);
    s.receive(d, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2 of d", () -> d.count("step2") == 1);
    assertThat(syncAnswer(d)).hasSize(1);
    assertThat(textOf(syncAnswer(d))).hasSize(19).contains("neu", "s0", "s7");
  }

  @Test
  void aSnapshotThatDoesNotApplyIsPassedOverForTheOneBeforeItAndTheLog() {
    result(store.append(DOC, List.of(new NewUpdate(textUpdate(60, "eins "), "seed", "seed"))));
    result(store.writeSnapshot(DOC, 1, textUpdate(60, "eins "))); // the state after seq 1
    result(store.append(DOC, List.of(new NewUpdate(textUpdate(61, "zwei "), "seed", "seed"))));
    // Damaged behind the server's back (a disk, an old bug): the newest snapshot does not decode.
    result(store.writeSnapshot(DOC, 2, new byte[] {1, 1, (byte) 0xff}));
    result(store.append(DOC, List.of(new NewUpdate(textUpdate(62, "drei "), "seed", "seed"))));

    RecordingPeer c = new RecordingPeer("c", "editor", false);
    DocumentSession s = join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    assertThat(textOf(syncAnswer(c))).contains("eins", "zwei", "drei");
    assertThat(store.loadsBefore).containsExactly(Long.MAX_VALUE, 2L);

    // What the session snapshots next holds everything too, so later loads need no detour.
    send(s, c, textUpdate(63, "vier "), 1);
    s.leave(c);
    until("unloaded", () -> registry.openCount() == 0);
    until("final snapshot", () -> store.snapshotSeqs.contains(4L));
    RecordingPeer d = new RecordingPeer("d", "guest", false);
    DocumentSession again = join(d);
    again.receive(d, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2 after reload", () -> d.count("step2") == 1);
    assertThat(textOf(syncAnswer(d))).contains("eins", "zwei", "drei", "vier");
  }

  @Test
  void aFloodWhileLoadingClosesOnlyTheFlooderAndEveryJoinStillSyncs() {
    registry = new SessionRegistry(vertx, store, YjsDocument::new,
        new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 3), ServerMetrics.noop());
    io.vertx.core.Promise<Void> gate = io.vertx.core.Promise.promise();
    store.holdLoads = gate;
    RecordingPeer flooder = new RecordingPeer("flooder", "editor", false);
    DocumentSession s = join(flooder);
    for (int i = 0; i < 4; i++) { // one over the limit of 3 while loading
      s.receive(flooder, new Inbound.Update(textUpdate(70 + i, "x" + i)));
    }
    until("flooder closed", () -> flooder.closedWith != null);
    assertThat(flooder.closedWith).isEqualTo(CloseCodes.RATE_LIMITED);

    RecordingPeer other = new RecordingPeer("other", "editor", false);
    assertThat(join(other)).isSameAs(s); // a join is never dropped, however full the queue was
    s.receive(other, new Inbound.SyncStep1(new byte[] {0}));
    s.leave(flooder); // what its connection does once closed
    gate.complete();

    until("the other peer syncs", () -> other.count("step1") == 1 && other.count("step2") == 1);
    assertThat(other.closedWith).isNull();
    assertThat(store.appends.get()).as("the flooder's queued updates were dropped with it").isZero();
    s.leave(other);
    until("unloaded: no reservation left behind", () -> registry.openCount() == 0);
  }

  /**
   * An admission that admits everything, fails on awareness it cannot read, and keeps who it saw
   * and what it was told after failed commits.
   */
  private static final class RecordingAdmission implements UpdateAdmission {
    final java.util.Set<Peer> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** For each failed commit, the updates it was told still wait. */
    final List<List<byte[]>> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Future<Void> load() {
      return Future.succeededFuture();
    }

    @Override
    public void restoreLogged(String actor, byte[] update) {}

    @Override
    public Result admitUpdate(Peer peer, org.pledgepad.server.doc.ReceivedUpdate update,
        java.util.function.LongUnaryOperator documentClocks) {
      known.add(peer);
      return Result.ACCEPT;
    }

    @Override
    public void commitFailed(List<org.pledgepad.server.doc.ReceivedUpdate> stillWaiting) {
      failures.add(stillWaiting.stream().map(org.pledgepad.server.doc.ReceivedUpdate::bytes).toList());
    }

    @Override
    public byte[] filterAwareness(Peer peer, byte[] awarenessUpdate, java.util.function.LongUnaryOperator clocks) {
      known.add(peer);
      throw new IllegalArgumentException("truncated awareness update"); // as ClientIdOwnership's reader does
    }

    @Override
    public void leave(Peer peer) {
      known.remove(peer);
    }
  }

  @Test
  void withClientIdOwnershipAMalformedAwarenessUpdateClosesWithTheDocumentedCode() {
    RecordingAdmission admission = new RecordingAdmission();
    registry.setUpdateAdmission(name -> admission);
    RecordingPeer p = new RecordingPeer("p", "editor", false);
    DocumentSession s = join(p);
    s.receive(p, new Inbound.Awareness(new byte[] {1, 5}));
    until("closed", () -> p.closedWith != null);
    assertThat(p.closedWith).isEqualTo(CloseCodes.INVALID_UPDATE); // docs/close-codes.md: 4422
  }

  @Test
  void aServerMadeUpdateLeavesNoClientIdRecordBehind() {
    RecordingAdmission admission = new RecordingAdmission();
    registry.setUpdateAdmission(name -> admission);
    RecordingPeer p = new RecordingPeer("p", "guest", false);
    DocumentSession s = join(p);
    assertThat(result(s.submit("editor", "restore", textUpdate(80, "wiederhergestellt")))).isEqualTo(1L);
    until("the server peer is forgotten", admission.known::isEmpty);
  }

  @Test
  void aLoggedUpdateThatNoLongerAppliesIsSkippedAndTheRestLoads() {
    result(store.append(DOC, List.of(new NewUpdate(textUpdate(50, "vorher"), "seed", "seed"))));
    // Garbage behind the validation's back (e.g. written by an older server): skipped on load.
    result(store.append(DOC, List.of(new NewUpdate(new byte[] {1, 1, (byte) 0xff}, "seed", "seed"))));
    result(store.append(DOC, List.of(new NewUpdate(textUpdate(51, "nachher"), "seed", "seed"))));
    RecordingPeer c = new RecordingPeer("c", "guest", false);
    DocumentSession s = join(c);
    s.receive(c, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> c.count("step2") == 1);
    assertThat(textOf(c.payloads("step2"))).contains("vorher").contains("nachher");
    assertThat(c.closedWith).isNull();
  }

  @Test
  void theCachedWholeStateAnswerFollowsEveryChange() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    s.receive(a, new Inbound.Update(textUpdate(60, "eins")));
    until("ack 1", () -> a.count("applied") == 1);
    RecordingPeer b = new RecordingPeer("b", "guest", false);
    join(b);
    s.receive(b, new Inbound.SyncStep1(new byte[] {0}));
    s.receive(b, new Inbound.SyncStep1(new byte[] {0})); // answered from the cache
    until("two answers", () -> b.count("step2") == 2);
    assertThat(textOf(List.of(b.payloads("step2").get(1)))).isEqualTo("eins");
    s.receive(a, new Inbound.Update(textUpdate(61, "zwei")));
    until("ack 2", () -> a.count("applied") == 2);
    s.receive(b, new Inbound.SyncStep1(new byte[] {0}));
    until("third answer", () -> b.count("step2") == 3);
    assertThat(textOf(List.of(b.payloads("step2").get(2)))).contains("eins").contains("zwei").hasSize(8);
    byte[] remote = textUpdate(62, "drei");
    result(store.append(DOC, List.of(new NewUpdate(remote, "bob", "node-2"))));
    s.applyCommitted(result(store.load(DOC)).tail());
    until("remote broadcast", () -> b.count("update") >= 2);
    s.receive(b, new Inbound.SyncStep1(new byte[] {0}));
    until("fourth answer", () -> b.count("step2") == 4);
    assertThat(textOf(List.of(b.payloads("step2").get(3)))).hasSize(12);
  }

  @Test
  void presenceOfAPeerThatMayNotPublishItGoesBackToItAloneToKeepItsConnectionAlive() {
    // Stock providers reconnect after 30 s without any message and count on the echo of their
    // own presence, renewed every 15 s; a guest alone in a quiet document otherwise reconnected
    // every 30 s.
    RecordingPeer guest = new RecordingPeer("g", "guest", true);
    guest.publishesAwareness = false;
    RecordingPeer alice = new RecordingPeer("a", "alice", false);
    DocumentSession s = join(guest);
    join(alice);
    byte[] guestState = new WireWriter().writeVarUint(1).writeVarUint(88).writeVarUint(1)
        .writeVarString("{\"user\":\"guest\"}").toByteArray();
    s.receive(guest, new Inbound.Awareness(guestState));
    until("echoed to the guest", () -> guest.count("awareness") == 1);
    assertThat(guest.payloads("awareness").get(0)).isEqualTo(guestState);
    // The echo is sent while the guest's message is handled, so that handling is over here.
    assertThat(alice.count("awareness")).as("nobody else sees the guest").isZero();
  }

  @Test
  void awarenessOfAnotherActorsClientIdIsRefusedAndLeaversAreAnnouncedGone() {
    RecordingPeer alice = new RecordingPeer("a", "alice", false);
    RecordingPeer mallory = new RecordingPeer("m", "mallory", false);
    DocumentSession s = join(alice);
    join(mallory);
    byte[] aliceState = new WireWriter().writeVarUint(1).writeVarUint(77).writeVarUint(1)
        .writeVarString("{\"user\":\"alice\"}").toByteArray();
    s.receive(alice, new Inbound.Awareness(aliceState));
    until("relayed", () -> mallory.count("awareness") == 1);
    byte[] forged = new WireWriter().writeVarUint(1).writeVarUint(77).writeVarUint(2)
        .writeVarString("null").toByteArray();
    s.receive(mallory, new Inbound.Awareness(forged));
    until("forger closed", () -> mallory.closedWith != null);
    assertThat(mallory.closedWith).isEqualTo(CloseCodes.AWARENESS_FORGERY);
    RecordingPeer bob = new RecordingPeer("b", "bob", false);
    join(bob);
    until("bob sees alice", () -> bob.count("awareness") == 1);
    s.leave(alice);
    until("removal announced", () -> bob.count("awareness") == 2);
  }

  /**
   * A stock y-websocket provider sends back every awareness change it receives. The same user's
   * second tab echoing the first tab's state took the clientID over, so its leaving announced the
   * first tab's cursor gone; a newer state from another connection of the same user (a reconnect
   * before the old socket was noticed dead) still takes it over.
   */
  /**
   * A peer of another user, joined once the session has run everything queued before it (its own
   * join's awareness may still be on its way: only a later join's step 1 says that turn is over).
   */
  private RecordingPeer joinedAfterEverythingBefore(String id) {
    RecordingPeer p = new RecordingPeer(id, "user-" + id, false);
    join(p);
    until(id + " joined", () -> p.count("step1") == 1);
    return p;
  }

  @Test
  void anEchoFromTheSameUsersOtherTabDoesNotTakeThePresenceOver() {
    RecordingPeer first = new RecordingPeer("t1", "alice", false);
    RecordingPeer second = new RecordingPeer("t2", "alice", false);
    RecordingPeer bob = new RecordingPeer("b", "bob", false);
    DocumentSession s = join(first);
    join(second);
    join(bob);
    until("joined", () -> bob.count("step1") == 1);
    byte[] state = new WireWriter().writeVarUint(1).writeVarUint(77).writeVarUint(3)
        .writeVarString("{\"user\":\"alice\"}").toByteArray();
    s.receive(first, new Inbound.Awareness(state));
    s.receive(second, new Inbound.Awareness(state)); // the echo
    until("both relayed", () -> bob.count("awareness") == 2);
    s.leave(second);
    RecordingPeer joiner = joinedAfterEverythingBefore("j");
    joinedAfterEverythingBefore("j2"); // the joiner's awareness follows its step 1 in the same turn
    assertThat(bob.count("awareness")).as("no removal for the echoing tab").isEqualTo(2);
    assertThat(joiner.count("awareness")).as("the first tab's cursor is still present").isEqualTo(1);

    byte[] newer = new WireWriter().writeVarUint(1).writeVarUint(77).writeVarUint(4)
        .writeVarString("{\"user\":\"alice\",\"cursor\":1}").toByteArray();
    RecordingPeer reconnected = new RecordingPeer("t3", "alice", false);
    join(reconnected);
    s.receive(reconnected, new Inbound.Awareness(newer));
    until("relayed", () -> bob.count("awareness") == 3);
    s.leave(first);
    joinedAfterEverythingBefore("l");
    assertThat(bob.count("awareness")).as("the first tab no longer owns it").isEqualTo(3);
    s.leave(reconnected);
    until("removal announced by the connection that took it over", () -> bob.count("awareness") == 4);
  }

  /**
   * An awareness state was bounded only by the message size (2 MiB): a few such states from one
   * editor (or citizen, during a consultation) filled every other peer's send queue at once,
   * and each was dropped as a slow reader (4503).
   */
  @Test
  void anAwarenessStateLargerThanAnyCursorIsRefusedAndNotBroadcast() {
    RecordingPeer alice = new RecordingPeer("a", "alice", false);
    RecordingPeer bob = new RecordingPeer("b", "bob", false);
    DocumentSession s = join(alice);
    join(bob);
    String padding = "x".repeat(AwarenessStates.MAX_STATE_CHARS);
    byte[] huge = new WireWriter().writeVarUint(1).writeVarUint(77).writeVarUint(1)
        .writeVarString("{\"user\":\"" + padding + "\"}").toByteArray();
    s.receive(alice, new Inbound.Awareness(huge));
    until("sender closed", () -> alice.closedWith != null);
    assertThat(alice.closedWith).isEqualTo(CloseCodes.INVALID_UPDATE);
    byte[] usual = new WireWriter().writeVarUint(1).writeVarUint(78).writeVarUint(1)
        .writeVarString("{\"user\":{\"name\":\"Bob\",\"color\":\"#30bced\"}}").toByteArray();
    s.receive(bob, new Inbound.Awareness(usual)); // after alice's in the session's order
    until("bob's own state is relayed", () -> bob.count("awareness") >= 1);
    assertThat(bob.payloads("awareness")).allSatisfy(a -> assertThat(a.length).isLessThan(1000));
  }

  /**
   * A joiner got every present editor's state in one awareness message, growing with the
   * editors (up to 8 states of 8,192 characters each per peer): hundreds present made one
   * message of megabytes for each joiner.
   */
  @Test
  void aJoinerGetsThePresentEditorsInSeveralBoundedAwarenessMessages() {
    java.util.Map<Long, String> present = new java.util.HashMap<>();
    DocumentSession s = registry.acquire(DOC);
    for (int i = 0; i < 40; i++) {
      RecordingPeer p = new RecordingPeer("p" + i, "editor-" + i, false);
      s.join(p);
      String state = "{\"user\":{\"name\":\"" + "Ä".repeat(2_000) + i + "\"}}"; // over 4,000 bytes
      s.receive(p, new Inbound.Awareness(new WireWriter().writeVarUint(1).writeVarUint(100 + i).writeVarUint(1)
          .writeVarString(state).toByteArray()));
      present.put(100L + i, state);
    }
    RecordingPeer joiner = new RecordingPeer("joiner", "reader", true);
    s.join(joiner);
    // Its awareness goes out right after its step 1, in the same turn of the session: a later
    // joiner's step 1 means that turn is over (the step 1 alone could be seen in between).
    joinedAfterEverythingBefore("barrier");

    List<byte[]> messages = joiner.payloads("awareness");
    assertThat(messages).hasSizeGreaterThan(1);
    assertThat(messages).allSatisfy(m ->
        assertThat(m.length).isLessThanOrEqualTo(AwarenessStates.MAX_ALL_STATES_MESSAGE_BYTES));
    java.util.Map<Long, String> received = new java.util.HashMap<>();
    for (byte[] m : messages) {
      org.pledgepad.server.wire.WireReader r = new org.pledgepad.server.wire.WireReader(m);
      for (long n = r.readVarUint(); n > 0; n--) {
        long clientId = r.readVarUint();
        r.readVarUint();
        received.put(clientId, r.readVarString());
      }
    }
    assertThat(received).isEqualTo(present);
  }

  @Test
  void updatesCommittedElsewhereAreAppliedAndBroadcastOnce() {
    RecordingPeer a = new RecordingPeer("a", "guest", false);
    DocumentSession s = join(a);
    until("joined", () -> a.count("step1") == 1);
    byte[] remote = textUpdate(99, "from another node");
    List<Long> seqs = result(store.append(DOC, List.of(new NewUpdate(remote, "bob", "node-2"))));
    List<org.pledgepad.server.store.StoredUpdate> stored = result(store.load(DOC)).tail();
    s.applyCommitted(stored);
    s.applyCommitted(stored); // delivered twice: the second is below the head and ignored
    until("broadcast", () -> a.count("update") == 1);
    s.receive(a, new Inbound.SyncStep1(new byte[] {0}));
    until("step 2", () -> a.count("step2") == 1);
    assertThat(textOf(a.payloads("step2"))).isEqualTo("from another node");
    assertThat(a.count("update")).isEqualTo(1);
    assertThat(seqs).containsExactly(1L);
  }

  /** Counts transactions and can be told to fail, around a real store. */
  /** A document that counts how often the whole state was encoded. */
  private static final class CountingEncodings extends org.pledgepad.server.testing.ForwardingDocument {
    private final AtomicInteger encodings;

    CountingEncodings(AtomicInteger encodings) {
      this.encodings = encodings;
    }

    @Override
    public byte[] encodeState() {
      encodings.incrementAndGet();
      return super.encodeState();
    }
  }

  static class CountingStore implements DocumentStore {
    final DocumentStore delegate;
    final AtomicInteger appends = new AtomicInteger();
    /** Calls of appendToWaiting that added their updates. */
    final AtomicInteger joins = new AtomicInteger();
    final AtomicBoolean failAppends = new AtomicBoolean();
    /** The seq of every snapshot asked for, when asked. */
    final List<Long> snapshotSeqs = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The bound of every load (Long.MAX_VALUE: from the newest snapshot). */
    final List<Long> loadsBefore = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When set, appends wait for it (then fail if failAppends is set). */
    volatile io.vertx.core.Promise<Void> holdAppends;
    /** When set, loads wait for it: the document stays loading until the test completes it. */
    volatile io.vertx.core.Promise<Void> holdLoads;

    CountingStore(DocumentStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Future<Void> start() {
      return delegate.start();
    }

    @Override
    public Future<List<Long>> append(String document, List<NewUpdate> batch) {
      appends.incrementAndGet();
      io.vertx.core.Promise<Void> gate = holdAppends;
      if (gate != null) {
        return gate.future().compose(v -> failAppends.get() ? Future.failedFuture(new IllegalStateException("disk on fire"))
            : delegate.append(document, batch));
      }
      if (failAppends.get()) {
        return Future.failedFuture(new IllegalStateException("disk on fire"));
      }
      return delegate.append(document, batch);
    }

    @Override
    public boolean appendToWaiting(String document, Future<List<Long>> append, List<NewUpdate> more) {
      boolean joined = delegate.appendToWaiting(document, append, more);
      if (joined) {
        joins.incrementAndGet();
      }
      return joined;
    }

    @Override
    public Future<LoadedDocument> loadBefore(String document, long beforeSeq) {
      loadsBefore.add(beforeSeq);
      io.vertx.core.Promise<Void> gate = holdLoads;
      return gate == null ? delegate.loadBefore(document, beforeSeq)
          : gate.future().compose(v -> delegate.loadBefore(document, beforeSeq));
    }

    @Override
    public Future<Void> writeSnapshot(String document, long seq, byte[] state) {
      snapshotSeqs.add(seq);
      return delegate.writeSnapshot(document, seq, state);
    }

    @Override
    public Future<List<DocumentInfo>> listDocuments() {
      return delegate.listDocuments();
    }

    @Override
    public Future<Optional<DocumentInfo>> document(String name) {
      return delegate.document(name);
    }

    @Override
    public Future<Void> putDocument(String name, String title, DocumentKind kind, DocumentStage stage) {
      return delegate.putDocument(name, title, kind, stage);
    }

    @Override
    public Future<Boolean> createDocument(String name, String title, DocumentKind kind, DocumentStage stage) {
      return delegate.createDocument(name, title, kind, stage);
    }

    @Override
    public Future<Boolean> deleteIfEmpty(String name) {
      return delegate.deleteIfEmpty(name);
    }

    @Override
    public Future<org.pledgepad.server.store.ChainCheck> verifyChain(String document) {
      return delegate.verifyChain(document);
    }

    @Override
    public Future<Void> ping() {
      return delegate.ping();
    }

    @Override
    public Future<Void> close() {
      return delegate.close();
    }
  }

  // Shared framing: a broadcast frames each update once per framing.

  /**
   * Frames as a marker byte plus the update; counts how often it had to. Record equality: equal
   * for peers given the same name, marker and counter, as Hocuspocus channels of one document.
   */
  private record TestFraming(String name, byte marker, AtomicInteger frames) implements UpdateFraming {
    @Override
    public SharedFrame frame(byte[] update) {
      frames.incrementAndGet();
      return SharedFrame.of(concat(marker, update));
    }
  }

  private static RecordingPeer peer(String id, UpdateFraming framing) {
    RecordingPeer p = new RecordingPeer(id, "guest", false);
    p.framing = framing;
    return p;
  }

  @Test
  void peersFramingAlikeShareOneMessagePerUpdate() {
    AtomicInteger framesA = new AtomicInteger();
    AtomicInteger framesB = new AtomicInteger();
    // Equal framings held by different peers (as each Hocuspocus channel has its own).
    RecordingPeer a1 = peer("a1", new TestFraming("a", (byte) 1, framesA));
    RecordingPeer a2 = peer("a2", new TestFraming("a", (byte) 1, framesA));
    RecordingPeer b = peer("b", new TestFraming("b", (byte) 2, framesB));
    RecordingPeer own = peer("own", null);
    RecordingPeer sender = peer("sender", new TestFraming("a", (byte) 1, framesA));
    DocumentSession s = registry.acquire(DOC);
    for (RecordingPeer p : new RecordingPeer[] {sender, a1, a2, b, own}) {
      s.join(p);
    }
    byte[] update = textUpdate(5, "geteilt");
    s.receive(sender, new Inbound.Update(update));
    until("delivered", () -> a1.framed.size() == 1 && a2.framed.size() == 1 && b.framed.size() == 1
        && own.count("update") == 1);

    assertThat(a1.framed.get(0)).as("one buffer for both peers of framing a").isSameAs(a2.framed.get(0));
    assertThat(framesA.get()).isEqualTo(1);
    assertThat(framesB.get()).isEqualTo(1);
    assertThat(a1.framed.get(0).messageBytes()).isEqualTo(concat((byte) 1, update));
    assertThat(b.framed.get(0).messageBytes()).isEqualTo(concat((byte) 2, update));
    assertThat(own.payloads("update").get(0)).isEqualTo(update);
    assertThat(sender.framed).as("not echoed to its sender").isEmpty();
  }

  @Test
  void aPeerBelowTheUpdatesSizeGetsItsOwnParts() {
    AtomicInteger frames = new AtomicInteger();
    RecordingPeer small = peer("small", new TestFraming("a", (byte) 1, frames));
    small.maxPayload = 4 * 1024;
    RecordingPeer large = peer("large", new TestFraming("a", (byte) 1, frames));
    DocumentSession s = registry.acquire(DOC);
    s.join(small);
    s.join(large);
    String text = "Ein langer Absatz. ".repeat(2_000);
    result(s.submit("editor", "restore", textUpdate(9, text)));
    until("delivered", () -> large.framed.size() == 1 && small.count("update") > 1);
    assertThat(small.framed).isEmpty();
    assertThat(frames.get()).isEqualTo(1);
  }

  private static byte[] concat(byte first, byte[] rest) {
    byte[] b = new byte[rest.length + 1];
    b[0] = first;
    System.arraycopy(rest, 0, b, 1, rest.length);
    return b;
  }
}
