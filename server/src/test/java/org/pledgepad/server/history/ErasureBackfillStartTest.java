package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.Problem;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.ServerHarness;

/**
 * A data directory from before the erasure log (an erased row without a record, no backfill
 * marker) is backfilled by the server's start, once: the row verifies again, flagged backfilled.
 */
class ErasureBackfillStartTest {
  @TempDir
  Path dataDir;

  @Test
  void theFirstStartAfterTheUpgradeBackfillsOlderErasures() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());
    Path marker = dataDir.resolve(ErasureBackfill.MARKER);
    ServerHarness first = ServerHarness.start(env); // the demo documents
    try {
      Eventually.until("the backfill of a fresh directory", () -> Files.exists(marker));
    } finally {
      first.close();
    }
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
    // What an erasure did before the erasure log: the row redacted, no record; no marker yet.
    db.eraseRow(doc, row.seq(), row.eraseRedacted().update(), 1_764_000_000_000L);
    Files.delete(marker);
    DocumentHistories histories = new DocumentHistories(db, CheckpointKey.loadIfPresent(dataDir));
    assertThat(histories.verify(doc).problems()).extracting(Problem::kind).contains(Problem.Kind.ERASURE_UNRECORDED);

    ServerHarness upgraded = ServerHarness.start(env);
    try {
      Eventually.until("the backfill at start", () -> Files.exists(marker));
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
  }
}
