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
 * The token revocation list in PostgreSQL (Flyway V20), shared by the nodes. Each test gets a
 * fresh database, dropped afterwards. Skipped locally without PostgreSQL, failing under CI=true.
 */
class PgTokenRevocationTest extends TokenRevocationContract {
  private FreshPgDatabase database;

  @BeforeEach
  void createDatabase() {
    database = FreshPgDatabase.create("pledgepad_revocations_");
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
  Connection accessDb() throws Exception {
    DatabaseUrl u = ConfigLoader.load(Map.of("DATABASE_URL", database.url)).databaseUrl().orElseThrow();
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }
}
