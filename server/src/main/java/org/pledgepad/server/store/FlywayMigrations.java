package org.pledgepad.server.store;

import org.flywaydb.core.Flyway;
import org.pledgepad.server.config.DatabaseUrl;

/** Applies the SQL migrations of schema/ (packaged under db/migration) through JDBC. Blocking:
 *  call from a worker thread only. */
final class FlywayMigrations {
  private FlywayMigrations() {}

  static void migrate(DatabaseUrl url) {
    Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        // Migration numbers are reserved per feature and land in any order (V8 before V7): a
        // database that already has a higher version still takes a lower one added later.
        .outOfOrder(true)
        .load()
        .migrate();
  }
}
