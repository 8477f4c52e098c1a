package org.pledgepad.server.annotations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.annotations.repo.AnnotationRepositoryContract;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.DocumentStores;
import org.pledgepad.server.testing.Await;
import org.pledgepad.server.testing.TestDatabase;

/**
 * The annotation contract on PostgreSQL (database pledgepad_test, migrated by the real store's
 * Flyway start). The annotation tables are emptied before each test; the documents the contract
 * names exist because the tables reference the documents table.
 */
class PgAnnotationRepositoryTest extends AnnotationRepositoryContract {
  private AnnotationDb db;

  @Override
  protected AnnotationRepository create() {
    DatabaseUrl url = TestDatabase.require();
    migrate(url);
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      st.execute("TRUNCATE annotation_reports, annotation_posts, annotation_threads, moderation_audit,"
          + " annotation_settings");
    } catch (Exception e) {
      throw new AssertionError("preparing pledgepad_test failed", e);
    }
    db = AnnotationDb.postgres(url);
    return new SqlAnnotationRepository(db);
  }

  /** Flyway through the production store (the test meets exactly the migrated schema), and the documents. */
  private static void migrate(DatabaseUrl url) {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      DocumentStore store = DocumentStores.create(vertx,
          org.pledgepad.server.config.ConfigLoader.load(java.util.Map.of("DATABASE_URL", TestDatabase.url())));
      Await.result(store.start());
      for (String doc : new String[] {"doc", "other"}) {
        Await.result(store.putDocument(doc, doc, DocumentKind.MOTION, DocumentStage.DRAFT));
      }
      Await.result(store.close());
    } finally {
      Await.result(vertx.close());
    }
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }
}
