package org.pledgepad.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies one schema script of an embedded SQLite file (class-path resource, statements ending in
 * ";" at a line's end, "--" comment lines) in one transaction and records its version in
 * user_version, so a file is either at the old version or fully at the new one.
 */
public final class EmbeddedScript {
  private EmbeddedScript() {}

  public static void apply(Statement st, String resource, int toVersion) throws SQLException, IOException {
    String sql;
    try (InputStream in = EmbeddedScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " missing from the class path");
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    st.execute("BEGIN");
    for (String stmt : sql.split(";\\s*\\n")) {
      String body = stmt.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
      if (!body.isEmpty()) {
        st.execute(body);
      }
    }
    st.execute("PRAGMA user_version=" + toVersion);
    st.execute("COMMIT");
  }
}
