package org.pledgepad.server.bench;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.PgDocumentStore;
import org.pledgepad.server.store.SqliteDocumentStore;

/** The store a benchmark runs against: DATABASE_URL (PostgreSQL) if set, else DATA_DIR (embedded). */
final class BenchStores {
  private BenchStores() {}

  static DocumentStore fromEnv(Vertx vertx) {
    String url = System.getenv("DATABASE_URL");
    if (url == null || url.isEmpty()) {
      return new SqliteDocumentStore(vertx, Path.of(System.getenv().getOrDefault("DATA_DIR", "data")));
    }
    DatabaseUrl db = ConfigLoader.load(Map.of("DATABASE_URL", url)).databaseUrl().orElseThrow();
    return new PgDocumentStore(vertx, db);
  }
}
