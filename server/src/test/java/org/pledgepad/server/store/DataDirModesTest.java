package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.ServerHarness;
import org.pledgepad.server.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * The data directory's listing tells other local users which stores exist, their sizes and when
 * they were written: a DATA_DIR the server creates is the owner's only whatever the umask (the
 * test JVM's is the usual 022), and one the operator made keeps its mode with a warning.
 */
class DataDirModesTest {
  @TempDir
  Path tmp;

  @Test
  void aDataDirTheEmbeddedServerCreatesIsOwnerOnlyWithTheParentsItCreated() throws Exception {
    Path dataDir = tmp.resolve("pledgepad").resolve("data");
    startAndStop(Map.of("DATA_DIR", dataDir.toString()));
    assertThat(mode(dataDir)).isEqualTo("rwx------");
    assertThat(mode(dataDir.getParent())).isEqualTo("rwx------");
    assertThat(dataDir.resolve("pledgepad.sqlite")).exists();
  }

  /** With PostgreSQL the directory still holds the token and checkpoint keys. */
  @Test
  void aDataDirTheServerCreatesBesidePostgresqlIsOwnerOnly() throws Exception {
    Path dataDir = tmp.resolve("data");
    startAndStop(Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", TestDatabase.url(), "SEED_DEMO", "false"));
    assertThat(mode(dataDir)).isEqualTo("rwx------");
  }

  @Test
  void anExistingDataDirOthersMayListKeepsItsModeAndIsReportedByItsNameOnly() throws Exception {
    Path dataDir = Files.createDirectory(tmp.resolve("shared-data"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Logger logger = (Logger) LoggerFactory.getLogger(OwnerOnlyDirectories.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try {
      startAndStop(Map.of("DATA_DIR", dataDir.toString()));
    } finally {
      logger.detachAppender(seen);
    }
    assertThat(mode(dataDir)).isEqualTo("rwxr-xr-x");
    List<String> warnings = seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("shared-data", "rwxr-xr-x").doesNotContain(tmp.toString());
  }

  private static void startAndStop(Map<String, String> env) {
    ServerHarness.start(env, new AccessControl(AccessSettings.fromEnvironment(Map.of()))).close();
  }

  private static String mode(Path dir) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
  }
}
