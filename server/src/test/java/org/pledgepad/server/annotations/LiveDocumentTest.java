package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.session.SessionSettings;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;

class LiveDocumentTest {
  @TempDir
  Path dataDir;
  private Vertx vertx;
  private SqliteDocumentStore store;
  private SessionRegistry sessions;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new SqliteDocumentStore(vertx, dataDir);
    result(store.start());
    sessions = new SessionRegistry(vertx, store, YjsDocument::new,
        new SessionSettings(5, 256, 1 << 20, Duration.ofMillis(50), 1000), ServerMetrics.noop());
  }

  @AfterEach
  void stop() {
    result(store.close());
    result(vertx.close());
  }

  @Test
  void theStateOfADocumentLoadedFromASnapshotAndATailIsTheWholeDocument() {
    // Such a document answers a step 1 in parts (its snapshot, then the rest): the replica the
    // annotation service works on must still hold everything, not just the last part.
    Doc written = new Doc();
    for (int i = 0; i < 8; i++) {
      Doc d = new Doc();
      d.clientID = 40 + i;
      d.getText("text").insert(0, "p" + i);
      byte[] u = Y.encodeStateAsUpdate(d);
      result(store.append("doc", List.of(new NewUpdate(u, "seed", "seed"))));
      Y.applyUpdate(written, u);
      if (i == 2) {
        result(store.writeSnapshot("doc", 3, Y.encodeStateAsUpdate(written)));
      }
    }
    LiveDocument live = LiveDocument.open(vertx, sessions, "doc", "reader", "test");
    try {
      Doc replica = new Doc();
      Y.applyUpdate(replica, result(live.state()));
      assertThat(replica.getText("text").toString()).isEqualTo(written.getText("text").toString()).hasSize(16);
    } finally {
      live.close();
    }
  }
}
