package org.pledgepad.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;
import static org.pledgepad.server.testing.Eventually.until;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.store.LoadedDocument;
import org.pledgepad.server.store.SqliteDocumentStore;

/**
 * A session's shutdown always completes. The registry lists its sessions, then asks each on its
 * own context: a session that unloaded or failed to load in between must not leave the server's
 * stop (and so a test's Vert.x close, or a drain until its grace period) waiting for ever.
 */
class SessionShutdownTest {
  private static final String DOC = "motion-1";

  @TempDir
  Path dataDir;
  private Vertx vertx;
  /** Completes (or fails) the store's next load when the test says so. */
  private final Promise<Void> loadGate = Promise.promise();
  private SessionRegistry registry;
  private DocumentSessionTest.CountingStore store;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new DocumentSessionTest.CountingStore(new SqliteDocumentStore(vertx, dataDir)) {
      @Override
      public Future<LoadedDocument> load(String document) {
        return loadGate.future().compose(v -> delegate.load(document));
      }
    };
    result(store.start());
    registry = new SessionRegistry(vertx, store, YjsDocument::new,
        new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), ServerMetrics.noop());
  }

  @AfterEach
  void stop() {
    result(store.close());
    result(vertx.close());
  }

  @Test
  void aSessionThatUnloadedAfterTheRegistryListedItCompletesItsShutdown() {
    loadGate.complete();
    RecordingPeer p = new RecordingPeer("p", "guest", false);
    DocumentSession s = registry.acquire(DOC);
    s.join(p);
    until("loaded", () -> p.count("step1") == 1);
    s.leave(p);
    until("unloaded", () -> registry.find(DOC) == null);
    result(s.shutdown()); // a bound against a hang (Await), not a timing assertion
  }

  /** A peer joins while the document loads, then the session is asked to shut down. */
  private Future<Void> shutdownWhileLoading(RecordingPeer p) {
    DocumentSession s = registry.acquire(DOC);
    s.join(p);
    return s.shutdown();
  }

  @Test
  void aShutdownQueuedBehindALoadThatFailsCompletes() {
    RecordingPeer p = new RecordingPeer("p", "guest", false);
    Future<Void> shutdown = shutdownWhileLoading(p);
    loadGate.fail(new IllegalStateException("store unavailable"));
    result(shutdown);
    until("the joining peer is closed", () -> p.closedWith != null);
    assertThat(p.closedWith).isEqualTo(CloseCodes.INTERNAL_ERROR);
    assertThat(registry.find(DOC)).isNull();
  }

  @Test
  void aServerMadeUpdateQueuedBehindALoadThatFailsFailsToo() {
    org.pledgepad.crdt.Doc d = new org.pledgepad.crdt.Doc();
    d.getText("text").insert(0, "wiederhergestellt");
    Future<Long> logged = registry.acquire(DOC).submit("editor", "restore", org.pledgepad.crdt.Y.encodeStateAsUpdate(d));
    loadGate.fail(new IllegalStateException("store unavailable"));
    until("the caller learns it was not logged", logged::failed); // it waited for ever before
    assertThat(logged.cause()).hasMessageContaining("document unavailable");
  }

  @Test
  void aShutdownQueuedBehindALoadThatSucceedsDrainsThePeers() {
    RecordingPeer p = new RecordingPeer("p", "guest", false);
    Future<Void> shutdown = shutdownWhileLoading(p);
    loadGate.complete();
    result(shutdown);
    assertThat(p.closedWith).as("closed with going-away").isEqualTo(CloseCodes.GOING_AWAY);
  }

  /**
   * A document opened after the shutdown began (a Hocuspocus socket naming another document, an
   * auth that resolved late, a restore) is not in the registry's list of sessions to drain: it
   * took updates and kept its peers, which the drain neither waited for nor closed with 1001.
   */
  @Test
  void aDocumentOpenedAfterTheShutdownBeganDrainsToo() {
    loadGate.complete();
    result(registry.shutdown()); // no session open yet
    RecordingPeer p = new RecordingPeer("p", "editor", false);
    DocumentSession s = registry.acquire(DOC);
    s.join(p);
    org.pledgepad.crdt.Doc d = new org.pledgepad.crdt.Doc();
    d.getText("text").insert(0, "nach dem Herunterfahren");
    Future<Long> logged = s.submit("editor", "restore", org.pledgepad.crdt.Y.encodeStateAsUpdate(d));
    until("the update is refused", logged::isComplete);
    assertThat(logged.failed()).as("not logged while shutting down").isTrue();
    until("the peer is closed", () -> p.closedWith != null);
    assertThat(p.closedWith).as("closed with going-away").isEqualTo(CloseCodes.GOING_AWAY);
    assertThat(store.appends.get()).as("nothing appended").isZero();
  }
}
