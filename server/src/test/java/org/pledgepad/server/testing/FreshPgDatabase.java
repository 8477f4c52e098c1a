package org.pledgepad.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.pledgepad.server.config.DatabaseUrl;

/**
 * An empty PostgreSQL database next to the test database, dropped on close: for tests that need
 * a database of their own (the demo accounts print their passwords only into an empty one; no
 * other test's node may listen on it). Skipped locally without PostgreSQL,
 * failing under CI=true (see {@link TestDatabase#require}).
 */
public final class FreshPgDatabase implements AutoCloseable {
  private final DatabaseUrl admin;
  private final String name;
  /** The DATABASE_URL of the new database. */
  public final String url;

  private FreshPgDatabase(DatabaseUrl admin, String name) {
    this.admin = admin;
    this.name = name;
    this.url = "postgresql://" + admin.user()
        + (admin.password() == null || admin.password().isEmpty() ? "" : ":" + admin.password())
        + "@" + admin.host() + ":" + admin.port() + "/" + name;
  }

  public static FreshPgDatabase create(String prefix) {
    FreshPgDatabase db = new FreshPgDatabase(TestDatabase.require(),
        prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    db.execute("CREATE DATABASE " + db.name);
    return db;
  }

  /** Drops it; servers using it must be stopped first. */
  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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
