package org.pledgepad.server.history;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.PgDocumentStore;
import org.pledgepad.server.testing.TestDatabase;

/** Needs PostgreSQL (skipped locally without it, fails under CI=true: see TestDatabase). */
class PgHistoryTamperTest extends HistoryTamperContract {
  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path keyDir;

  @Override
  protected DocumentStore open(Vertx vertx) {
    return new PgDocumentStore(vertx, TestDatabase.require());
  }

  @Override
  protected Map<String, String> env() {
    // DATA_DIR holds the checkpoint key file.
    return Map.of("DATABASE_URL", TestDatabase.url(), "DATA_DIR", keyDir.toString());
  }

  @Override
  protected Connection sql() throws Exception {
    DatabaseUrl url = TestDatabase.require();
    return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
  }
}
