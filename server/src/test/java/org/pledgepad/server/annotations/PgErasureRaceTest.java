package org.pledgepad.server.annotations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.DocumentStores;
import org.pledgepad.server.testing.Await;
import org.pledgepad.server.testing.TestDatabase;

/** The erasure race on PostgreSQL (pledgepad_test, migrated and emptied as in PgAnnotationRepositoryTest). */
class PgErasureRaceTest extends ErasureRaceContract {
  @Override
  protected AnnotationDb open() {
    DatabaseUrl url = TestDatabase.require();
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      DocumentStore store = DocumentStores.create(vertx,
          org.pledgepad.server.config.ConfigLoader.load(java.util.Map.of("DATABASE_URL", TestDatabase.url())));
      Await.result(store.start());
      String doc = Fixtures.CONSULTATION.document();
      Await.result(store.putDocument(doc, doc, DocumentKind.MOTION, DocumentStage.DRAFT));
      Await.result(store.close());
    } finally {
      Await.result(vertx.close());
    }
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      st.execute("TRUNCATE annotation_reports, annotation_posts, annotation_threads, moderation_audit,"
          + " annotation_settings");
    } catch (Exception e) {
      throw new AssertionError("preparing pledgepad_test failed", e);
    }
    return AnnotationDb.postgres(url);
  }
}
