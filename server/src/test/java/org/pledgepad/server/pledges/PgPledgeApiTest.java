package org.pledgepad.server.pledges;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.TestDatabase;

/**
 * The same API tests over PostgreSQL (Flyway V4 and the same SQL). Each test gets its own
 * database, created next to the test database and dropped afterwards, because the seed and the
 * pledge ids must start empty. Skipped locally without PostgreSQL, failing under CI=true.
 */
class PgPledgeApiTest extends PledgeApiTest {
  private String database;
  private DatabaseUrl admin;

  @Override
  PledgeTestServer open() {
    admin = TestDatabase.require();
    database = "pledgepad_pledges_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + database);
    String url = "postgresql://" + admin.user() + (admin.password() == null || admin.password().isEmpty() ? "" : ":" + admin.password())
        + "@" + admin.host() + ":" + admin.port() + "/" + database;
    return PledgeTestServer.start(Map.of("DATA_DIR", dir.toString(), "DATABASE_URL", url), true);
  }

  @AfterEach
  void drop() {
    stop();   // subclass @AfterEach runs first: disconnect before dropping
    if (database != null) {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement st = c.createStatement()) {
      st.execute(sql);   // database name is generated above, never input
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
