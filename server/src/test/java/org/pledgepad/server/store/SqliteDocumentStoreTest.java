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
  protected void tamper(String document, long seq, byte[] newUpdate) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteDocumentStore.FILE_NAME));
         var ps = c.prepareStatement("UPDATE document_updates SET update_v1 = ? WHERE document = ? AND seq = ?")) {
      ps.setBytes(1, newUpdate);
      ps.setString(2, document);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
  }

  @Override
  protected boolean supportsConcurrentInstances() {
    // One process owns the embedded file; multi-node setups use PostgreSQL.
    return false;
  }
}
