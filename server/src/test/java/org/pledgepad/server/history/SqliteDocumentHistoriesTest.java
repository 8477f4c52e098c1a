package org.pledgepad.server.history;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.SqliteDocumentStore;

class SqliteDocumentHistoriesTest extends DocumentHistoriesContract {
  @TempDir
  Path dataDir;

  @Override
  protected DocumentStore open(Vertx vertx) {
    return new SqliteDocumentStore(vertx, dataDir);
  }

  @Override
  protected ServerConfig config() {
    return ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString()));
  }
}
