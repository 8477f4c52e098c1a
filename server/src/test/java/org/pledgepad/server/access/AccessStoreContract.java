package org.pledgepad.server.access;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.FreshPgDatabase;

/**
 * A test server on the account store of one kind, for contracts that run on both: the embedded
 * access.sqlite in the test's data directory, or a fresh PostgreSQL database per test (dropped
 * afterwards; skipped locally without PostgreSQL, failing under CI=true).
 */
abstract class AccessStoreContract {
  enum Store { EMBEDDED, POSTGRES }

  @TempDir
  Path dataDir;
  final TestClock clock = new TestClock(Instant.now());
  AccessTestServer server;
  AccessHttp http;
  private final Store store;
  private FreshPgDatabase database;

  AccessStoreContract(Store store) {
    this.store = store;
  }

  @BeforeEach
  void createDatabase() {
    if (store == Store.POSTGRES) {
      database = FreshPgDatabase.create("pledgepad_access_");
    }
  }

  @AfterEach
  void stopServerAndDropDatabase() {
    stopServer(); // disconnect before dropping
    if (database != null) {
      database.close();
    }
  }

  /** Variables naming the store (DATA_DIR is added). */
  Map<String, String> storeEnv() {
    return store == Store.POSTGRES ? Map.of("DATABASE_URL", database.url) : Map.of();
  }

  /** A JDBC connection to the database holding the access tables. */
  Connection accessDb() throws Exception {
    if (store == Store.EMBEDDED) {
      return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("access.sqlite").toAbsolutePath());
    }
    DatabaseUrl u = ConfigLoader.load(Map.of("DATABASE_URL", database.url)).databaseUrl().orElseThrow();
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }

  /** Starts the server on the test's clock, re-checking open connections every {@code recheckEvery}. */
  void start(Duration recheckEvery) throws Exception {
    server = AccessTestServer.start(dataDir, storeEnv(), recheckEvery, clock, UnaryOperator.identity());
    http = new AccessHttp(server.harness.httpBase());
  }

  void stopServer() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
