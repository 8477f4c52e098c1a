package org.pledgepad.server.store;

import io.vertx.core.Vertx;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.TestDatabase;

class PgDocumentStoreTest extends DocumentStoreContract {
  @Override
  protected DocumentStore open(Vertx vertx) {
    DatabaseUrl url = TestDatabase.require();
    return new PgDocumentStore(vertx, url);
  }

  @Override
  protected void tamper(String document, long seq, byte[] newUpdate) throws Exception {
    DatabaseUrl url = TestDatabase.require();
    try (var c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         var ps = c.prepareStatement("UPDATE document_updates SET update_v1 = ? WHERE document = ? AND seq = ?")) {
      ps.setBytes(1, newUpdate);
      ps.setString(2, document);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
  }
}
