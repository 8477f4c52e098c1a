package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.Problem;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.ServerHarness;

/**
 * An embedded store from before the erasure log (an erased row without a record, schema version
 * 3) is backfilled by the start that upgrades it; no later start reports the log as created,
 * so none backfills (an erased row forged later stays unrecorded).
 */
class ErasureBackfillStartTest {
  @TempDir
  Path dataDir;

  @Test
  void theStartThatCreatesTheErasureLogBackfillsOlderErasuresAndNoLaterStartDoes() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());
    ServerHarness.start(env).close(); // the demo documents
    HistoryDb db = HistoryDb.of(ConfigLoader.load(env));
    String doc = null;
    LogRow row = null;
    for (String d : db.documents()) {
      var rows = db.rows(d, 0, 1);
      if (!rows.isEmpty()) {
        doc = d;
        row = rows.get(0);
        break;
      }
    }
    assertThat(doc).as("the demo seed logs rows").isNotNull();
    // What an erasure did before the erasure log: the row redacted, no record; and the file as
    // that version left it.
    db.eraseRow(doc, row.seq(), row.eraseRedacted().update(), 1_764_000_000_000L);
    DocumentHistories histories = new DocumentHistories(db, CheckpointKey.loadIfPresent(dataDir));
    assertThat(histories.verify(doc).problems()).extracting(Problem::kind).contains(Problem.Kind.ERASURE_UNRECORDED);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("pledgepad.sqlite"));
         Statement st = c.createStatement()) {
      st.execute("DROP TABLE erasure_records");
      st.execute("PRAGMA user_version = 3");
    }

    String upgradedDoc = doc;
    ServerHarness upgraded = ServerHarness.start(env);
    try {
      Eventually.until("the backfill at the upgrade",
          () -> !DocumentHistories.sql(() -> db.erasureRecords(upgradedDoc)).isEmpty());
    } finally {
      upgraded.close();
    }
    var records = db.erasureRecords(doc);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).backfilled()).isTrue();
    assertThat(records.get(0).entries()).extracting(e -> e.seq()).containsExactly(row.seq());
    // Snapshots after the redacted row may differ (this test redacts by hand); the erasure is recorded.
    assertThat(histories.verify(doc).problems()).extracting(Problem::kind)
        .doesNotContain(Problem.Kind.ERASURE_UNRECORDED, Problem.Kind.ERASURE_RECORD_INVALID,
            Problem.Kind.ERASURE_STANDIN_CONTENT);

    // Any later start finds the log there: it has nothing to create, so nothing to backfill (an
    // erased row forged now stays unrecorded; DocumentHistoriesContract shows the verify side).
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      var store = new org.pledgepad.server.store.SqliteDocumentStore(vertx, dataDir);
      org.pledgepad.server.testing.Await.result(store.start());
      assertThat(store.erasureLogCreatedAtStart()).isFalse();
      org.pledgepad.server.testing.Await.result(store.close());
    } finally {
      org.pledgepad.server.testing.Await.result(vertx.close());
    }
  }
}
