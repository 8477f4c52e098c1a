package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDocumentStoreTest extends DocumentStoreContract {
  @TempDir
  Path dataDir;

  @Override
  protected DocumentStore open(Vertx vertx) {
    return new SqliteDocumentStore(vertx, dataDir);
  }

  private Connection file() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteDocumentStore.FILE_NAME));
  }

  @Override
  protected void tamper(String document, long seq, byte[] newUpdate) throws Exception {
    try (var c = file();
         var ps = c.prepareStatement("UPDATE document_updates SET update_v1 = ? WHERE document = ? AND seq = ?")) {
      ps.setBytes(1, newUpdate);
      ps.setString(2, document);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
  }

  @Override
  protected boolean supportsConcurrentInstances() {
    // One process owns the embedded file; multi-node setups use PostgreSQL.
    return false;
  }

  private static NewUpdate row(String text, String connectionId) {
    return new NewUpdate(text.getBytes(StandardCharsets.UTF_8), "guest", connectionId);
  }

  /** The head the documents row records: what a cache miss would read. */
  private ChainHeads.Head fileHead(String document) throws Exception {
    try (Connection c = file();
         PreparedStatement ps = c.prepareStatement("SELECT head_seq, head_hash FROM documents WHERE name = ?")) {
      ps.setString(1, document);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new ChainHeads.Head(rs.getLong(1), rs.getBytes(2));
      }
    }
  }

  private void assertCachedHeadIsTheFilesHead(SqliteDocumentStore s, String document) throws Exception {
    ChainHeads.Head cached = s.cachedHead(document);
    ChainHeads.Head stored = fileHead(document);
    assertThat(cached).isNotNull();
    assertThat(cached.seq()).isEqualTo(stored.seq());
    assertThat(cached.hash()).isEqualTo(stored.hash());
  }

  /**
   * The WAL is copied into the database file by the background checkpointer, well before the
   * writer's own threshold: 100 one-row commits of 3 KB (a few hundred frames) reach the file.
   * With SQLite's default (the writer checkpointing at 1,000 frames inside a COMMIT) they would
   * stay in the WAL, and at low rates that checkpoint ran on the commit path once a second.
   */
  @Test
  void aBackgroundCheckpointCopiesTheWalIntoTheFileWithoutTheWriterReachingItsThreshold() throws Exception {
    Path dir = dataDir.resolve("checkpointed");
    SqliteDocumentStore s = new SqliteDocumentStore(vertx, dir, 16, 20);
    result(s.start());
    try {
      String doc = uniqueName();
      byte[] update = new byte[3000];
      for (int i = 0; i < 100; i++) {
        update[0] = (byte) i;
        result(s.append(doc, List.of(new NewUpdate(update.clone(), "guest", "c"))));
      }
      java.io.File db = dir.resolve(SqliteDocumentStore.FILE_NAME).toFile();
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (db.length() < 100 * 3000 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(db.length()).isGreaterThanOrEqualTo(100 * 3000);
      assertThat(result(s.load(doc)).tail()).hasSize(100);
    } finally {
      result(s.close());
    }
  }

  @Test
  void theCachedHeadIsTheCommittedHeadAndAFailedTransactionDropsIt() throws Exception {
    SqliteDocumentStore s = (SqliteDocumentStore) store;
    String known = uniqueName();
    result(s.append(known, List.of(row("a", "c"), row("b", "c"))));
    assertCachedHeadIsTheFilesHead(s, known);
    assertThat(s.cachedHead(known).seq()).isEqualTo(2);

    // A transaction holding the known document fails (the other append's NULL connection_id)
    // after the known document's rows were written in it: its retry alone commits.
    Future<List<Long>> blocker = s.append(uniqueName(), List.of(row("first", "c")));
    Future<List<Long>> good = s.append(known, List.of(row("c", "c")));
    Future<List<Long>> bad = s.append(uniqueName(), List.of(row("x", null)));
    result(blocker);
    assertThat(result(good)).containsExactly(3L);
    assertThat(result(bad.otherwise(List.of(-1L)))).containsExactly(-1L);
    assertCachedHeadIsTheFilesHead(s, known);

    // An append that fails alone leaves no head for its document: the next one reads the file.
    String failing = uniqueName();
    result(s.append(failing, List.of(row("ok", "c"))));
    assertThat(s.cachedHead(failing)).isNotNull();
    assertThat(result(s.append(failing, List.of(row("no", null))).otherwise(List.of(-1L)))).containsExactly(-1L);
    assertThat(s.cachedHead(failing)).isNull();
    assertThat(result(s.append(failing, List.of(row("ok again", "c"))))).containsExactly(2L);
    assertCachedHeadIsTheFilesHead(s, failing);
    assertThat(result(s.verifyChain(failing)).intact()).isTrue();
  }

  @Test
  void documentsThatFellOutOfABoundedCacheContinueTheirChainsFromTheFile() throws Exception {
    result(store.close());
    SqliteDocumentStore small = new SqliteDocumentStore(vertx, dataDir, 2);
    store = small; // closed by the contract's @AfterEach
    result(small.start());
    List<String> docs = List.of(uniqueName(), uniqueName(), uniqueName(), uniqueName());
    for (int round = 1; round <= 5; round++) {
      List<Future<List<Long>>> appends = new ArrayList<>();
      for (String d : docs) {
        appends.add(small.append(d, List.of(row("r" + round, "c"))));
      }
      for (Future<List<Long>> f : appends) {
        assertThat(result(f)).containsExactly((long) round);
      }
    }
    int cached = 0;
    for (String d : docs) {
      assertThat(result(small.verifyChain(d))).isEqualTo(new ChainCheck(5, 0));
      if (small.cachedHead(d) != null) {
        cached++;
        assertCachedHeadIsTheFilesHead(small, d);
      }
    }
    assertThat(cached).isEqualTo(2);
  }

  @Test
  void aReopenedStoreContinuesChainsFromTheFile() throws Exception {
    String d = uniqueName();
    result(store.append(d, List.of(row("before", "c"))));
    result(store.close());
    SqliteDocumentStore reopened = new SqliteDocumentStore(vertx, dataDir);
    store = reopened;
    result(reopened.start());
    assertThat(reopened.cachedHead(d)).isNull();
    assertThat(result(reopened.append(d, List.of(row("after", "c"))))).containsExactly(2L);
    assertCachedHeadIsTheFilesHead(reopened, d);
    assertThat(result(reopened.verifyChain(d))).isEqualTo(new ChainCheck(2, 0));
  }
}
