package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.Await;
import org.pledgepad.server.testing.TestDatabase;

/**
 * The start that migrates a PostgreSQL database to the erasure log says so (the one start that
 * backfills older erasures); every later start, from any node and any data directory, does not.
 */
class PgErasureLogUpgradeTest {
  private DatabaseUrl admin;
  private String database;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void drop() {
    Await.result(vertx.close());
    if (database != null) {
      execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void onlyTheStartThatCreatesTheErasureLogReportsIt() {
    admin = TestDatabase.require();
    database = "pledgepad_v16_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(admin, "CREATE DATABASE " + database);   // name generated above, never input
    DatabaseUrl url = ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://" + admin.user()
        + (admin.password() == null || admin.password().isEmpty() ? "" : ":" + admin.password())
        + "@" + admin.host() + ":" + admin.port() + "/" + database)).databaseUrl().orElseThrow();
    // A database as the version before the erasure log left it.
    Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password()).locations("classpath:db/migration")
        .outOfOrder(true).target("15").load().migrate();

    assertThat(startAndClose(url)).as("the upgrading start").isTrue();
    assertThat(startAndClose(url)).as("any later start").isFalse();
  }

  private boolean startAndClose(DatabaseUrl url) {
    PgDocumentStore store = new PgDocumentStore(vertx, url);
    Await.result(store.start());
    try {
      return store.erasureLogCreatedAtStart();
    } finally {
      Await.result(store.close());
    }
  }

  private static void execute(DatabaseUrl admin, String sql) {
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
