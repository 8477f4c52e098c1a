package org.pledgepad.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;

/**
 * The local PostgreSQL used by tests (database pledgepad_test, overridable with
 * PLEDGEPAD_TEST_DATABASE_URL). Missing database: tests are skipped on a developer machine
 * but fail when CI=true, so CI can never pass by skipping.
 */
public final class TestDatabase {
  public static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/pledgepad_test";

  private TestDatabase() {}

  public static String url() {
    String env = System.getenv("PLEDGEPAD_TEST_DATABASE_URL");
    return env == null || env.isBlank() ? DEFAULT_URL : env;
  }

  public static DatabaseUrl require() {
    DatabaseUrl url = ConfigLoader.load(Map.of("DATABASE_URL", url())).databaseUrl().orElseThrow();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      c.isValid(5);
    } catch (Exception e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("PostgreSQL at " + url + " is required when CI=true", e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + url);
    }
    return url;
  }
}
