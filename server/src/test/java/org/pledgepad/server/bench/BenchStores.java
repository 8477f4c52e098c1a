package org.pledgepad.server.bench;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
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
    URI u = URI.create(url);
    String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":", 2)[0];
    return new PgDocumentStore(vertx, new DatabaseUrl(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(),
        u.getPath().substring(1), user, null));
  }
}
