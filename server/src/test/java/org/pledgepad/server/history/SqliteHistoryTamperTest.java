package org.pledgepad.server.history;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.SqliteDocumentStore;

class SqliteHistoryTamperTest extends HistoryTamperContract {
  @TempDir
  Path dataDir;

  @Override
  protected DocumentStore open(Vertx vertx) {
    return new SqliteDocumentStore(vertx, dataDir);
  }

  @Override
  protected Map<String, String> env() {
    return Map.of("DATA_DIR", dataDir.toString());
  }

  @Override
  protected Connection sql() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("pledgepad.sqlite"));
  }

  /** The embedded store publishes recent heads in its head ledger too: both are rewritten. */
  @Override
  protected void rewritePublishedHead(long seq, byte[] hash) throws Exception {
    super.rewritePublishedHead(seq, hash);
    exec("DELETE FROM head_ledger");
  }
}
