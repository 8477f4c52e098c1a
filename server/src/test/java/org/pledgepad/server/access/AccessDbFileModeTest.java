package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.config.ConfigLoader;

/** access.sqlite holds password and session hashes: other local users must not read it. */
class AccessDbFileModeTest {
  @TempDir
  Path dataDir;

  private String modeOf(String name) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(name)));
  }

  /** Opens the database, writes, and returns the modes of the file and its WAL while open. */
  private String[] openAndWrite() throws Exception {
    try (AccessDb db = AccessDb.forConfig(ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString())))) {
      db.call(c -> c.createStatement().execute("INSERT OR REPLACE INTO bodies (id, name) VALUES ('b', 'B')"));
      return new String[] {modeOf("access.sqlite"), modeOf("access.sqlite-wal")};
    }
  }

  @Test
  void aNewDatabaseAndItsWalAreOwnerOnly() throws Exception {
    assertThat(openAndWrite()).containsExactly("rw-------", "rw-------");
  }

  @Test
  void aWorldReadableDatabaseFromAnEarlierStartIsTightened() throws Exception {
    openAndWrite();
    Files.setPosixFilePermissions(dataDir.resolve("access.sqlite"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(openAndWrite()).containsExactly("rw-------", "rw-------");
  }
}
