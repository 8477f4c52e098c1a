package org.pledgepad.server.store;

import io.vertx.core.Vertx;
import org.pledgepad.server.config.ServerConfig;

/** Picks the store the configuration asks for: PostgreSQL with DATABASE_URL, else embedded. */
public final class DocumentStores {
  private DocumentStores() {}

  public static DocumentStore create(Vertx vertx, ServerConfig config) {
    return config.databaseUrl()
        .<DocumentStore>map(url -> new PgDocumentStore(vertx, url, config.groupCommitInterval()))
        .orElseGet(() -> new SqliteDocumentStore(vertx, config.dataDir(), config.groupCommitInterval()));
  }
}
