package org.pledgepad.server.access;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

/** Persistent sessions in the embedded store (DATA_DIR/access.sqlite). */
class SqliteWebSessionPersistenceTest extends WebSessionPersistenceContract {
  @Override
  Map<String, String> storeEnv() {
    return Map.of();
  }

  @Override
  Connection sessionsDb() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("access.sqlite").toAbsolutePath());
  }
}
