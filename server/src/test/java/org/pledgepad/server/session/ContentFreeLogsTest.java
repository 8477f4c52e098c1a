package org.pledgepad.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;
import static org.pledgepad.server.testing.Eventually.until;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.doc.ReceivedUpdate;
import org.pledgepad.server.doc.SharedDocument;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;
import org.pledgepad.server.testing.ForwardingDocument;
import org.slf4j.LoggerFactory;

/**
 * An update that fails to decode or apply is logged with the CRDT's exception, message and stack
 * trace: no log line may quote the update's content. Each hostile update here is text made of a
 * marker; every log event (message and exception, as the pattern prints them) is searched.
 */
class ContentFreeLogsTest {
  private static final String DOC = "motion-logs";
  private static final String MARKER = "Geheimvermerk";

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private SqliteDocumentStore store;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new SqliteDocumentStore(vertx, dataDir);
    result(store.start());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    logs.setContext(context);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    result(store.close());
    result(vertx.close());
  }

  private SessionRegistry registry(Supplier<SharedDocument> documents) {
    return new SessionRegistry(vertx, store, documents,
        new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), ServerMetrics.noop());
  }

  private static byte[] markerText(long clientId) {
    Doc d = new Doc();
    d.clientID = clientId;
    d.getText("text").insert(0, MARKER + " " + MARKER);
    return Y.encodeStateAsUpdate(d);
  }

  /** The marker text, cut inside its second marker: the string's length exceeds the bytes left. */
  private static byte[] cutMarkerText(long clientId) {
    byte[] u = markerText(clientId);
    return Arrays.copyOf(u, u.length - 6);
  }

  /** Every event as the log pattern prints it: message, then the exception and its causes. */
  private List<String> printed() {
    return logs.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
  }

  private void assertLoggedWithException(String line) {
    assertThat(logs.list).as("logged: %s", line)
        .anyMatch(e -> e.getFormattedMessage().contains(line) && e.getThrowableProxy() != null);
  }

  @Test
  void aPeersUpdateThatDoesNotDecodeOrApplyLeavesItsContentOutOfTheLog() {
    // A committed update that fails to apply is a CRDT defect; this document's apply raises what
    // the CRDT raises for the cut marker text in its place.
    SessionRegistry sessions = registry(() -> new ForwardingDocument() {
      @Override
      public void apply(ReceivedUpdate update) {
        inner.apply(cutMarkerText(8));
      }
    });
    RecordingPeer p = new RecordingPeer("p", "mallory", false);
    DocumentSession s = sessions.acquire(DOC);
    s.join(p);
    s.receive(p, new Inbound.Update(markerText(7)));
    until("closed after the apply failed", () -> p.closedWith != null);
    assertThat(p.closedWith).isEqualTo(CloseCodes.INVALID_UPDATE);
    assertLoggedWithException("failed to apply");

    RecordingPeer q = new RecordingPeer("q", "mallory", false);
    s.join(q);
    s.receive(q, new Inbound.Update(cutMarkerText(9)));
    until("closed for an update that does not decode", () -> q.closedWith != null);
    assertThat(q.closedWith).isEqualTo(CloseCodes.INVALID_UPDATE);

    assertThat(printed()).noneMatch(line -> line.contains(MARKER));
  }

  @Test
  void aLoggedUpdateOrSnapshotThatDoesNotApplyLeavesItsContentOutOfTheLog() {
    // Damaged behind the server's back: a snapshot and a logged update of cut marker text.
    result(store.append(DOC, List.of(new NewUpdate(markerText(20), "alice", "a"))));
    result(store.writeSnapshot(DOC, 1, cutMarkerText(21)));
    result(store.append(DOC, List.of(new NewUpdate(cutMarkerText(22), "mallory", "m"))));
    SessionRegistry sessions = registry(YjsDocument::new);
    RecordingPeer p = new RecordingPeer("p", "alice", false);
    DocumentSession s = sessions.acquire(DOC);
    s.join(p);
    until("joined", () -> p.count("step1") == 1);
    assertLoggedWithException("does not apply; loading from the one before it");
    assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("Logged update 2 of document"));

    // Another node's row, read from the log after the load.
    result(store.append(DOC, List.of(new NewUpdate(cutMarkerText(23), "mallory", "node-2"))));
    s.applyCommitted(result(store.load(DOC)).tail());
    until("logged", () -> logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("Logged update 3")));
    assertLoggedWithException("Logged update 3 of document");

    assertThat(printed()).noneMatch(line -> line.contains(MARKER));
  }
}
