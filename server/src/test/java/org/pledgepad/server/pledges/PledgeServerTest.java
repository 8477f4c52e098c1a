package org.pledgepad.server.pledges;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.testing.FreshPgDatabase;

/**
 * A seeded pledge test server per test: embedded here; a PostgreSQL variant returns
 * {@link #openPostgres} from {@link #open}, a database of its own per test because the seed and the
 * pledge ids must start empty (skipped locally without PostgreSQL, failing under CI=true).
 */
abstract class PledgeServerTest {
  @TempDir
  Path dir;
  PledgeTestServer server;
  private FreshPgDatabase database;

  @BeforeEach
  void start() {
    server = open();
  }

  /** The server under test. */
  PledgeTestServer open() {
    return PledgeTestServer.start(dir, true);
  }

  PledgeTestServer openPostgres() {
    database = FreshPgDatabase.create("pledgepad_pledges_");
    return PledgeTestServer.start(Map.of("DATA_DIR", dir.toString(), "DATABASE_URL", database.url), true);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.held.release();
      server.close();   // disconnect before the database is dropped
      server = null;
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
