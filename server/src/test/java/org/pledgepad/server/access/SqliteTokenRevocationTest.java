package org.pledgepad.server.access;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

/** The token revocation list in the embedded store (DATA_DIR/access.sqlite). */
class SqliteTokenRevocationTest extends TokenRevocationContract {
  @Override
  Map<String, String> storeEnv() {
    return Map.of();
  }

  @Override
  Connection accessDb() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("access.sqlite").toAbsolutePath());
  }
}
