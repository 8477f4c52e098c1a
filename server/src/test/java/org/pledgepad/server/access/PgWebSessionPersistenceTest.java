package org.pledgepad.server.access;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.FreshPgDatabase;

/**
 * Persistent sessions in PostgreSQL (Flyway V8). Each test gets a fresh database, dropped
 * afterwards. Skipped locally without PostgreSQL, failing under CI=true.
 */
class PgWebSessionPersistenceTest extends WebSessionPersistenceContract {
  private FreshPgDatabase database;

  @BeforeEach
  void createDatabase() {
    database = FreshPgDatabase.create("pledgepad_sessions_");
  }

  @AfterEach
  void dropDatabase() {
    stopServer(); // disconnect before dropping
    if (database != null) {
      database.close();
    }
  }

  @Override
  Map<String, String> storeEnv() {
    return Map.of("DATABASE_URL", database.url);
  }

  @Override
  Connection sessionsDb() throws Exception {
    DatabaseUrl u = ConfigLoader.load(Map.of("DATABASE_URL", database.url)).databaseUrl().orElseThrow();
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }
}
