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
}
