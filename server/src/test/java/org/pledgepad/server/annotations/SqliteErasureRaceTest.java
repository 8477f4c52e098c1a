package org.pledgepad.server.annotations;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The erasure race on the embedded store. */
class SqliteErasureRaceTest extends ErasureRaceContract {
  @TempDir
  Path dir;

  @Override
  protected AnnotationDb open() {
    return AnnotationDb.embedded(dir);
  }
}
