package org.pledgepad.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.testing.ServerProcess;

/** The embedded store is single-process: a second server on one DATA_DIR refuses to start. */
class DataDirLockTest {
  @TempDir
  Path dataDir;

  @Test
  void theLockIsExclusiveUntilReleased() {
    DataDirLock first = DataDirLock.acquire(dataDir);
    assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
        .hasMessageContaining("is in use by another Pledgepad process")
        .hasMessageContaining("DATABASE_URL");
    first.close();
    DataDirLock.acquire(dataDir).close();
  }

  @Tag("slow")
  @Test
  void aSecondServerProcessOnTheSameEmbeddedDataDirExitsWithAClearMessage() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false");
    File firstLog = dataDir.resolve("first.log").toFile();
    File secondLog = dataDir.resolve("second.log").toFile();
    try (ServerProcess first = ServerProcess.start(env, firstLog)) {
      assertThatThrownBy(() -> ServerProcess.start(env, secondLog)).hasMessageContaining("exited with 1");
      assertThat(Files.readString(secondLog.toPath())).contains("is in use by another Pledgepad process");
    }
  }
}
