package org.pledgepad.server.store;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteDocumentStoreTest extends DocumentStoreContract {
  @TempDir
  Path dataDir;

  @Override
  protected DocumentStore open(Vertx vertx) {
    return new SqliteDocumentStore(vertx, dataDir);
  }

  @Override
  protected boolean supportsConcurrentInstances() {
    // One process owns the embedded file; multi-node setups use PostgreSQL.
    return false;
  }
}
