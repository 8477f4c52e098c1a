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

  @Override
  protected DocumentStore openWithGroupCommitInterval(Vertx vertx, java.time.Duration interval) {
    return new SqliteDocumentStore(vertx, dataDir.resolve("timed"), interval);
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

  /** The head the file publishes (documents row merged with the head ledger): what a reopened store reads. */
  private ChainHeads.Head fileHead(String document) throws Exception {
    try (Connection c = file()) {
      HeadLedger.Entry e = HeadLedger.head(c, document, HeadLedger.read(c));
      assertThat(e).as("documents row of " + document).isNotNull();
      return new ChainHeads.Head(e.seq(), e.hash());
    }
  }

  /** The head the documents row alone records. */
  private ChainHeads.Head rowHead(String document) throws Exception {
    try (Connection c = file();
         PreparedStatement ps = c.prepareStatement("SELECT head_seq, head_hash FROM documents WHERE name = ?")) {
      ps.setString(1, document);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new ChainHeads.Head(rs.getLong(1), rs.getBytes(2));
      }
    }
  }

  /** The contract's store closed and opened again with these settings (closed by its @AfterEach). */
  private SqliteDocumentStore reopen(int cachedHeads, long checkpointDelayMs) {
    result(store.close());
    SqliteDocumentStore s = new SqliteDocumentStore(vertx, dataDir, cachedHeads, checkpointDelayMs);
    store = s;
    result(s.start());
    return s;
  }

  private long ledgerRows() throws Exception {
    try (Connection c = file(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM head_ledger")) {
      rs.next();
      return rs.getLong(1);
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
    SqliteDocumentStore small = reopen(2, WalCheckpointer.DEFAULT_DELAY_MS);
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

  @Test
  void aNewFileUsesTheStoresPageSize() throws Exception {
    result(store.append(uniqueName(), List.of(row("x", "c"))));
    assertThat(pageSize(dataDir)).isEqualTo(SqliteDocumentStore.PAGE_SIZE).isNotEqualTo(4096);
  }

  private static int pageSize(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteDocumentStore.FILE_NAME));
         ResultSet rs = c.createStatement().executeQuery("PRAGMA page_size")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void commitsPublishHeadsInTheLedgerAndEveryFoldEveryCommitsWritesThemIntoTheDocumentsRows() throws Exception {
    SqliteDocumentStore s = (SqliteDocumentStore) store;
    String d = uniqueName();
    result(s.append(d, List.of(row("1", "c"))));
    assertThat(rowHead(d).seq()).as("the documents row is not written per commit").isZero();
    assertThat(ledgerRows()).isEqualTo(1);
    assertCachedHeadIsTheFilesHead(s, d);
    assertThat(result(s.document(d)).orElseThrow().headSeq()).isEqualTo(1);
    for (int i = 2; i <= SqliteDocumentStore.FOLD_EVERY; i++) {
      result(s.append(d, List.of(row(Integer.toString(i), "c"))));
    }
    assertThat(ledgerRows()).isEqualTo(SqliteDocumentStore.FOLD_EVERY);
    assertThat(rowHead(d).seq()).isZero();
    result(s.append(d, List.of(row("fold", "c"))));
    long folded = SqliteDocumentStore.FOLD_EVERY + 1;
    assertThat(ledgerRows()).as("the fold empties the ledger in the commit that writes the rows").isZero();
    assertThat(rowHead(d).seq()).isEqualTo(folded);
    assertThat(rowHead(d).hash()).isEqualTo(s.cachedHead(d).hash());
    result(s.append(d, List.of(row("after", "c"))));
    assertThat(rowHead(d).seq()).isEqualTo(folded);
    assertCachedHeadIsTheFilesHead(s, d);
    assertThat(result(s.listDocuments()).stream().filter(i -> i.name().equals(d)).findFirst().orElseThrow()
        .headSeq()).isEqualTo(folded + 1);
    assertThat(result(s.verifyChain(d))).isEqualTo(new ChainCheck(folded + 1, 0));
    result(s.close());
    assertThat(ledgerRows()).as("close folds").isZero();
    assertThat(rowHead(d).seq()).isEqualTo(folded + 1);
    store = new SqliteDocumentStore(vertx, dataDir); // closed by the contract's @AfterEach
    result(store.start());
  }

  /**
   * The file as a kill -9 leaves it (committed WAL, heads still in the ledger, no close): the next
   * start folds the ledger, and chains continue from the heads it held, not from the stale rows.
   */
  @Test
  void aStartAfterAStopWithoutCloseFoldsTheLedgerAndChainsContinueFromIt() throws Exception {
    reopen(16, 3_600_000); // no background checkpoint while the files are copied: the copy is what a kill leaves
    String d = uniqueName();
    String other = uniqueName();
    for (int i = 1; i <= 3; i++) {
      result(store.append(d, List.of(row("d" + i, "c"))));
    }
    result(store.append(other, List.of(row("o", "c"))));
    assertThat(ledgerRows()).isEqualTo(4);
    ChainHeads.Head published = fileHead(d);
    Path copy = dataDir.resolve("killed");
    java.nio.file.Files.createDirectories(copy);
    for (String suffix : List.of("", "-wal")) {
      java.nio.file.Files.copy(dataDir.resolve(SqliteDocumentStore.FILE_NAME + suffix),
          copy.resolve(SqliteDocumentStore.FILE_NAME + suffix));
    }
    SqliteDocumentStore restarted = new SqliteDocumentStore(vertx, copy);
    try {
      result(restarted.start());
      try (Connection c = DriverManager.getConnection(
          "jdbc:sqlite:" + copy.resolve(SqliteDocumentStore.FILE_NAME));
           ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM head_ledger")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      assertThat(result(restarted.document(d)).orElseThrow().headSeq()).isEqualTo(3);
      assertThat(result(restarted.append(d, List.of(row("d4", "c"))))).containsExactly(4L);
      assertThat(result(restarted.append(other, List.of(row("o2", "c"))))).containsExactly(2L);
      assertThat(result(restarted.verifyChain(d))).isEqualTo(new ChainCheck(4, 0));
      assertThat(result(restarted.verifyChain(other))).isEqualTo(new ChainCheck(2, 0));
      assertThat(published.seq()).isEqualTo(3);
    } finally {
      result(restarted.close());
    }
  }

  /** A document that fell out of the head cache after its head was folded continues from its row. */
  @Test
  void documentsOutOfTheCacheContinueFromTheirFoldedRows() throws Exception {
    SqliteDocumentStore small = reopen(1, WalCheckpointer.DEFAULT_DELAY_MS);
    String d = uniqueName();
    String filler = uniqueName();
    result(small.append(d, List.of(row("d1", "c"))));
    for (int i = 0; i < SqliteDocumentStore.FOLD_EVERY; i++) {
      result(small.append(filler, List.of(row("f" + i, "c"))));
    }
    assertThat(ledgerRows()).isZero();
    assertThat(small.cachedHead(d)).isNull();
    assertThat(rowHead(d).seq()).isEqualTo(1);
    assertThat(result(small.append(d, List.of(row("d2", "c"))))).containsExactly(2L);
    assertThat(result(small.verifyChain(d))).isEqualTo(new ChainCheck(2, 0));
  }

  /** A file written by the previous version (heads only in the documents rows) is upgraded and continues. */
  @Test
  void aVersion2FileGetsTheLedgerAndItsChainsContinueFromTheDocumentsRows() throws Exception {
    Path old = dataDir.resolve("v2");
    java.nio.file.Files.createDirectories(old);
    String d = uniqueName();
    org.pledgepad.history.LogRow first = org.pledgepad.history.ChainBuilder.start(d)
        .next(1_000L, "guest", "c", "old".getBytes(StandardCharsets.UTF_8));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old.resolve(SqliteDocumentStore.FILE_NAME));
         java.sql.Statement st = c.createStatement()) {
      EmbeddedScript.apply(st, "/embedded/schema-v1.sql", 1);
      EmbeddedScript.apply(st, "/embedded/history-v1.sql", 2);
      try (PreparedStatement doc = c.prepareStatement("INSERT INTO documents (name, title, kind, stage, created_at,"
          + " updated_at, head_seq, head_hash) VALUES (?, ?, ?, ?, 1000, 1000, 1, ?)")) {
        doc.setString(1, d);
        doc.setString(2, d);
        doc.setString(3, DocumentInfo.DEFAULT_KIND.wire());
        doc.setString(4, DocumentInfo.DEFAULT_STAGE.wire());
        doc.setBytes(5, first.hash());
        doc.executeUpdate();
      }
      try (PreparedStatement row = c.prepareStatement("INSERT INTO document_updates (document, seq, created_at, actor,"
          + " connection_id, update_v1, hash, salt, commitment) VALUES (?, 1, 1000, 'guest', 'c', ?, ?, ?, ?)")) {
        row.setString(1, d);
        row.setBytes(2, first.update());
        row.setBytes(3, first.hash());
        row.setBytes(4, first.salt());
        row.setBytes(5, first.commitment());
        row.executeUpdate();
      }
      assertThat(HeadLedger.head(c, d, HeadLedger.read(c)).seq()).as("readable before the upgrade").isEqualTo(1);
    }
    assertThat(pageSize(old)).as("a file made with SQLite's default").isEqualTo(4096);
    SqliteDocumentStore upgraded = new SqliteDocumentStore(vertx, old);
    try {
      result(upgraded.start());
      assertThat(result(upgraded.append(d, List.of(row("new", "c"))))).containsExactly(2L);
      assertThat(result(upgraded.verifyChain(d))).isEqualTo(new ChainCheck(2, 0));
      assertThat(result(upgraded.document(d)).orElseThrow().headSeq()).isEqualTo(2);
    } finally {
      result(upgraded.close());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old.resolve(SqliteDocumentStore.FILE_NAME));
         ResultSet rs = c.createStatement().executeQuery("PRAGMA user_version")) {
      rs.next();
      assertThat(rs.getInt(1)).as("through every later script too (5: the restore leases)").isEqualTo(5);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old.resolve(SqliteDocumentStore.FILE_NAME));
         ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM erasure_records")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
    assertThat(pageSize(old)).as("an existing file keeps its page size").isEqualTo(4096);
  }
}
