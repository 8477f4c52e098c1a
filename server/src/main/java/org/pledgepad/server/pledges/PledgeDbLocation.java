package org.pledgepad.server.pledges;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.config.ServerConfig;

/**
 * Where the pledge tables live for a configuration: PostgreSQL (DATABASE_URL) or the embedded
 * file DATA_DIR/pledges.sqlite. One answer for the server's PledgeDb and for the privacy steps
 * that open their own connection.
 *
 * @param embeddedFile the SQLite file, or null on PostgreSQL
 */
record PledgeDbLocation(String jdbcUrl, String user, String password, Path embeddedFile) {
  static PledgeDbLocation of(ServerConfig config) {
    if (config.databaseUrl().isPresent()) {
      DatabaseUrl url = config.databaseUrl().get();
      return new PledgeDbLocation(url.jdbcUrl(), url.user(), url.password(), null);
    }
    Path file = config.dataDir().resolve(PledgeDb.EMBEDDED_FILE).toAbsolutePath();
    return new PledgeDbLocation("jdbc:sqlite:" + file, null, null, file);
  }

  boolean embedded() {
    return embeddedFile != null;
  }

  Connection open() throws SQLException {
    if (!embedded()) {
      return DriverManager.getConnection(jdbcUrl, user, password);
    }
    try {
      org.pledgepad.server.store.OwnerOnlyFiles.restrict(embeddedFile);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot make " + embeddedFile.getFileName() + " readable by its owner only", e);
    }
    return DriverManager.getConnection(jdbcUrl);
  }
}
