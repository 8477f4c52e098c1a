package org.pledgepad.server.access;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.TestDatabase;

/**
 * Persistent sessions in PostgreSQL (Flyway V8). Each test gets a fresh database next to the
 * test database (the demo accounts print their passwords only into an empty one), dropped
 * afterwards. Skipped locally without PostgreSQL, failing under CI=true.
 */
class PgWebSessionPersistenceTest extends WebSessionPersistenceContract {
  private DatabaseUrl admin;
  private String database;
  private String url;

  @BeforeEach
  void createDatabase() {
    admin = TestDatabase.require();
    database = "pledgepad_sessions_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + database);
    url = "postgresql://" + admin.user()
        + (admin.password() == null || admin.password().isEmpty() ? "" : ":" + admin.password())
        + "@" + admin.host() + ":" + admin.port() + "/" + database;
  }

  @AfterEach
  void dropDatabase() {
    stopServer(); // disconnect before dropping
    if (database != null) {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Override
  Map<String, String> storeEnv() {
    return Map.of("DATABASE_URL", url);
  }

  @Override
  Connection sessionsDb() throws Exception {
    DatabaseUrl u = ConfigLoader.load(Map.of("DATABASE_URL", url)).databaseUrl().orElseThrow();
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement st = c.createStatement()) {
      st.execute(sql); // the database name is generated above, never input
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
