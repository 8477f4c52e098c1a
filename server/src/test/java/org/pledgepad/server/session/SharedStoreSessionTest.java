package org.pledgepad.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;
import static org.pledgepad.server.testing.Eventually.until;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;
import org.pledgepad.server.store.StoredUpdate;

/**
 * Two session registries ("nodes") on one store, with the cluster fan-out modelled: after each
 * commit every node is told the newest seq (like the V7 NOTIFY) and reads the rows after its
 * head through a {@link LogReader}. The PostgreSQL wiring itself is tested in ClusterIntegrationTest.
 */
class SharedStoreSessionTest {
  private static final String DOC = "shared-1";

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private SqliteDocumentStore store;
  private SessionRegistry nodeA;
  private SessionRegistry nodeB;
  /** How long every append waits before it runs (0: not at all). */
  private volatile long slowAppendsMs;
  /** Nodes that currently miss notifications (a dropped LISTEN connection). */
  private final Set<SessionRegistry> deaf = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new SqliteDocumentStore(vertx, dataDir);
    result(store.start());
    nodeA = node();
    nodeB = node();
  }

  @AfterEach
  void stop() {
    result(store.close());
    result(vertx.close());
  }

  private SessionRegistry node() {
    SessionRegistry[] self = new SessionRegistry[1];
    NotifyingStore notifying = new NotifyingStore(store, () -> slowAppendsMs, vertx, (doc, seq) -> {
      for (SessionRegistry r : List.of(nodeA, nodeB)) {
        if (!deaf.contains(r)) {
          r.committedElsewhere(doc, seq); // also the committing node itself, as NOTIFY does
        }
      }
    });
    self[0] = new SessionRegistry(vertx, notifying, YjsDocument::new,
        new SessionSettings(1_000_000, 256, 1 << 22, Duration.ofSeconds(30), 1000), ServerMetrics.noop());
    self[0].setLogReader((doc, after) -> store.load(doc).map(l -> l.tail().stream()
        .filter(u -> u.seq() > after).limit(LogReader.MAX_ROWS).toList()));
    return self[0];
  }

  private static DocumentSession join(SessionRegistry node, RecordingPeer p) {
    DocumentSession s = node.acquire(DOC);
    s.join(p);
    until("joined", () -> p.count("step1") == 1);
    return s;
  }

  /** One client typing: each call returns the incremental update of one more character. */
  private static final class Typist {
    final Doc doc = new Doc();
    final List<byte[]> sent = new ArrayList<>();

    Typist(long clientId) {
      doc.clientID = clientId;
    }

    byte[] type(String c) {
      byte[] before = Y.encodeStateVector(doc);
      doc.getText("text").insert(doc.getText("text").length(), c);
      byte[] u = Y.encodeStateAsUpdate(doc, before);
      sent.add(u);
      return u;
    }
  }

  private static List<ByteBuffer> wrap(List<byte[]> l) {
    return l.stream().map(ByteBuffer::wrap).toList();
  }

  @Test
  void editsOnTwoNodesReachEveryPeerOnceAndInCommitOrder() {
    RecordingPeer writerA = new RecordingPeer("wa", "guest", false);
    RecordingPeer watcherA = new RecordingPeer("oa", "guest", false);
    RecordingPeer writerB = new RecordingPeer("wb", "guest", false);
    RecordingPeer watcherB = new RecordingPeer("ob", "guest", false);
    DocumentSession a = join(nodeA, writerA);
    join(nodeA, watcherA);
    DocumentSession b = join(nodeB, writerB);
    join(nodeB, watcherB);
    Typist ta = new Typist(1);
    Typist tb = new Typist(2);
    int n = 60;
    for (int i = 0; i < n; i++) {
      a.receive(writerA, new Inbound.Update(ta.type("a")));
      b.receive(writerB, new Inbound.Update(tb.type("b")));
    }
    until("A's edits acknowledged", () -> writerA.count("applied") == n);
    until("B's edits acknowledged", () -> writerB.count("applied") == n);
    until("both heads at the log's head", () -> a.headSeq() == 2L * n && b.headSeq() == 2L * n);
    until("watchers got everything", () -> watcherA.count("update") >= 2 * n && watcherB.count("update") >= 2 * n);

    assertThat(watcherA.count("update")).as("no duplicates on node A").isEqualTo(2 * n);
    assertThat(watcherB.count("update")).as("no duplicates on node B").isEqualTo(2 * n);
    assertThat(writerA.count("update")).as("A's writer gets only B's edits, once").isEqualTo(n);
    assertThat(writerB.count("update")).as("B's writer gets only A's edits, once").isEqualTo(n);
    // The other node's edits arrive in the order they were committed (= typed).
    List<ByteBuffer> fromAatB = wrap(watcherB.payloads("update")).stream()
        .filter(wrap(ta.sent)::contains).toList();
    assertThat(fromAatB).isEqualTo(wrap(ta.sent));
    List<ByteBuffer> fromBatA = wrap(watcherA.payloads("update")).stream()
        .filter(wrap(tb.sent)::contains).toList();
    assertThat(fromBatA).isEqualTo(wrap(tb.sent));
    // Both watchers end with the same text, the one in the log.
    assertThat(text(watcherA.payloads("update"))).isEqualTo(text(watcherB.payloads("update")))
        .isEqualTo(text(result(store.load(DOC)).tail().stream().map(StoredUpdate::update).toList()))
        .hasSize(2 * n);
  }

  @Test
  void aNodeThatMissedNotificationsReadsTheGapBeforeItsOwnCommit() {
    RecordingPeer writerA = new RecordingPeer("wa", "guest", false);
    RecordingPeer writerB = new RecordingPeer("wb", "guest", false);
    RecordingPeer watcherB = new RecordingPeer("ob", "guest", false);
    DocumentSession a = join(nodeA, writerA);
    DocumentSession b = join(nodeB, writerB);
    join(nodeB, watcherB);
    deaf.add(nodeB);
    Typist ta = new Typist(1);
    Typist tb = new Typist(2);
    a.receive(writerA, new Inbound.Update(ta.type("x")));
    until("A committed seq 1", () -> writerA.count("applied") == 1);
    assertThat(watcherB.count("update")).as("B did not hear of it").isZero();
    // B's own commit gets seq 2: B notices the gap and reads seq 1 from the log.
    b.receive(writerB, new Inbound.Update(tb.type("y")));
    until("B acknowledged", () -> writerB.count("applied") == 1);
    until("B read the gap", () -> b.headSeq() == 2);
    until("B's watcher has both", () -> watcherB.count("update") == 2);
    assertThat(text(watcherB.payloads("update"))).hasSize(2).contains("x", "y");
    assertThat(writerB.count("update")).as("B's writer got A's edit only").isEqualTo(1);

    // Missed again, then a reconnect makes every open session read after its head.
    a.receive(writerA, new Inbound.Update(ta.type("z")));
    until("A committed seq 3", () -> a.headSeq() == 3);
    nodeB.catchUpAll();
    until("B caught up", () -> b.headSeq() == 3 && watcherB.count("update") == 3);
  }

  @Test
  void aNodeKeptBusyByItsOwnCommitsStillReadsAnotherNodesCommit() throws InterruptedException {
    slowAppendsMs = 20; // the group-commit interval plus the database
    RecordingPeer writerA = new RecordingPeer("wa", "guest", false);
    RecordingPeer writerB = new RecordingPeer("wb", "guest", false);
    DocumentSession a = join(nodeA, writerA);
    DocumentSession b = join(nodeB, writerB);
    Typist ta = new Typist(1);
    Typist tb = new Typist(2);
    // B's client types faster than B commits: every commit completes with the next one queued.
    long typing = vertx.setPeriodic(2, id -> b.receive(writerB, new Inbound.Update(tb.type("b"))));
    try {
      until("B is committing", () -> writerB.count("applied") >= 5);
      a.receive(writerA, new Inbound.Update(ta.type("a")));
      until("A committed", () -> writerA.count("applied") == 1);
      long deadline = System.nanoTime() + 5_000_000_000L; // a bound against a hang, not a speed
      while (writerB.count("update") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(writerB.count("update")).as("A's edit reached B's client while B kept committing").isEqualTo(1);
    } finally {
      vertx.cancelTimer(typing);
    }
    until("B's head caught up with the log", () -> b.headSeq() == result(store.load(DOC)).headSeq());
  }

  @Test
  void drainingCommitsAndAcknowledgesWhatWasTakenThenClosesWithGoingAway() {
    RecordingPeer writer = new RecordingPeer("w", "guest", false);
    DocumentSession s = join(nodeA, writer);
    Typist t = new Typist(5);
    int n = 40;
    for (int i = 0; i < n; i++) {
      s.receive(writer, new Inbound.Update(t.type("d")));
    }
    result(nodeA.shutdown());
    assertThat(writer.closedWith).isEqualTo(CloseCodes.GOING_AWAY);
    long acked = writer.count("applied");
    assertThat(acked).as("every update taken before the drain is acknowledged").isEqualTo(n);
    assertThat(result(store.load(DOC)).headSeq()).isEqualTo(n);
    // Updates after the drain began are neither logged nor acknowledged.
    s.receive(writer, new Inbound.Update(t.type("late")));
    assertThat(result(store.load(DOC)).headSeq()).isEqualTo(n);
  }

  private static String text(List<byte[]> updates) {
    Doc d = new Doc();
    updates.forEach(u -> Y.applyUpdate(d, u));
    return d.getText("text").toString();
  }

  /** The shared store, announcing each commit's newest seq once it is durable. */
  private static final class NotifyingStore extends DocumentSessionTest.CountingStore {
    private final java.util.function.BiConsumer<String, Long> notify;
    private final java.util.function.LongSupplier delayMs;
    private final Vertx vertx;

    NotifyingStore(SqliteDocumentStore delegate, java.util.function.LongSupplier delayMs, Vertx vertx,
        java.util.function.BiConsumer<String, Long> notify) {
      super(delegate);
      this.notify = notify;
      this.delayMs = delayMs;
      this.vertx = vertx;
    }

    @Override
    public Future<List<Long>> append(String document, List<NewUpdate> batch) {
      long delay = delayMs.getAsLong();
      Future<List<Long>> appended = delay <= 0 ? super.append(document, batch)
          : vertx.timer(delay).compose(t -> super.append(document, batch));
      return appended.andThen(ar -> {
        if (ar.succeeded()) {
          notify.accept(document, ar.result().get(ar.result().size() - 1));
        }
      });
    }
  }
}
