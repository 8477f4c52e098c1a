package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Author;
import org.pledgepad.annotations.model.ThreadKind;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.server.store.EmbeddedScript;

/** An annotations.sqlite of schema version 1 (before thread targets) is upgraded in place to the current version. */
class EmbeddedAnnotationUpgradeTest {
  @TempDir
  Path dir;

  @Test
  void versionOneFileGainsTargetsAndKeepsItsThreads() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve(AnnotationDb.EMBEDDED_FILE);
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      EmbeddedScript.apply(st, "/embedded/annotations-v1.sql", 1);
      st.execute("INSERT INTO annotation_threads (id, document, kind, anchor_start, anchor_end, quote, author_name,"
          + " author_pseudonym, created_at, status) VALUES ('old', 'doc', 'comment', x'00', x'01', 'alt', 'Anna', 0,"
          + " 1777629600000, 'open')");
    }
    try (AnnotationDb db = AnnotationDb.embedded(dir)) {
      SqlAnnotationRepository repo = new SqlAnnotationRepository(db);
      assertThat(repo.thread("old").orElseThrow().target()).isNull();
      AnnotationThread onStatus = new AnnotationThread("new", "doc", ThreadKind.COMMENT, new Anchor(new byte[0], new byte[0], ""),
          new Author("anna", "Anna", false), Instant.parse("2026-05-02T10:00:00Z"), ThreadStatus.OPEN, false, null,
          "pledge-status/glasfaser-abc/0");
      repo.insertThread(onStatus);
      assertThat(repo.thread("new")).contains(onStatus);
    }
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
    // version 3: the audit log is looked up by target (a view's restore notes)
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
             + " AND name = 'moderation_audit_target'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
