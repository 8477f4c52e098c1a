package org.pledgepad.server.store;

import org.flywaydb.core.Flyway;
import org.pledgepad.server.config.DatabaseUrl;

/** Applies the SQL migrations of schema/ (packaged under db/migration) through JDBC. Blocking:
 *  call from a worker thread only. */
final class FlywayMigrations {
  private FlywayMigrations() {}

  /** The migration that creates the erasure log (history/README.md, "Erasure policy"). */
  static final String ERASURE_LOG_VERSION = "16";

  /** Applies what is missing; true when this call created the erasure log (the upgrade to it). */
  static boolean migrate(DatabaseUrl url) {
    org.flywaydb.core.api.output.MigrateResult result = Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        // Migration numbers are reserved per feature and land in any order (V8 before V7): a
        // database that already has a higher version still takes a lower one added later.
        .outOfOrder(true)
        .load()
        .migrate();
    return result.migrations.stream().anyMatch(m -> ERASURE_LOG_VERSION.equals(m.version));
  }
}
