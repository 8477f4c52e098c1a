package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.repo.Admission;
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

  /**
   * Between an admission's count and its insert no other writer of the file may start (the
   * transaction begins IMMEDIATE): a second connection cannot take the write lock meanwhile.
   */
  @Test
  void anAdmissionHoldsTheFilesWriteLockFromItsCountToItsInsert() throws Exception {
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    whileAnotherWriterIsShutOut(shutOut -> repo.insertPost(post("p2", "t", "doc", ANNA, Moderation.VISIBLE), () -> {
      assertThat(repo.countPostsBy("t", "anna")).isEqualTo(1);
      shutOut.check();
    }));
    assertThat(repo.posts("t")).extracting(Post::id).containsExactly("p1", "p2");
  }

  /** The same for a change that raises a count (here a post sent back to the moderators). */
  @Test
  void anAdmittedUpdateHoldsTheFilesWriteLockFromItsCountToItsWrite() throws Exception {
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    whileAnotherWriterIsShutOut(shutOut -> repo.updatePost(post("p1", "t", "doc", ANNA, Moderation.PENDING), () -> {
      assertThat(repo.countPendingBy("anna")).isZero();
      shutOut.check();
    }));
    assertThat(repo.countPendingBy("anna")).isEqualTo(1);
  }

  /** Runs {@code write} with a check that a second connection cannot begin a write right now. */
  private void whileAnotherWriterIsShutOut(Consumer<Admission> write) throws SQLException {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AnnotationDb.EMBEDDED_FILE));
         Statement st = other.createStatement()) {
      st.execute("PRAGMA busy_timeout=0");
      write.accept(() -> assertThatThrownBy(() -> st.execute("BEGIN IMMEDIATE")).isInstanceOf(SQLException.class)
          .hasMessageContaining("SQLITE_BUSY"));
    }
  }

  @AfterEach
  void close() {
    db.close();
  }
}
