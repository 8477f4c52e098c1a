package org.pledgepad.server.annotations;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.annotations.repo.AnnotationRepositoryContract;

/** The annotation contract on the embedded store (a fresh annotations.sqlite per test). */
class SqliteAnnotationRepositoryTest extends AnnotationRepositoryContract {
  @TempDir
  Path dir;
  private AnnotationDb db;

  @Override
  protected AnnotationRepository create() {
    db = AnnotationDb.embedded(dir);
    return new SqlAnnotationRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }
}
