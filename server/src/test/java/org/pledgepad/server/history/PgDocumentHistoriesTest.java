package org.pledgepad.server.history;

import io.vertx.core.Vertx;
import java.util.Map;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.PgDocumentStore;
import org.pledgepad.server.testing.TestDatabase;

/** Needs PostgreSQL (skipped locally without it, fails under CI=true: see TestDatabase). */
class PgDocumentHistoriesTest extends DocumentHistoriesContract {
  @Override
  protected DocumentStore open(Vertx vertx) {
    return new PgDocumentStore(vertx, TestDatabase.require());
  }

  @Override
  protected ServerConfig config() {
    return ConfigLoader.load(Map.of("DATABASE_URL", TestDatabase.url()));
  }
}
