package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledgepad.server.testing.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.TestDatabase;

class PgDocumentStoreTest extends DocumentStoreContract {
  @Override
  protected DocumentStore open(Vertx vertx) {
    DatabaseUrl url = TestDatabase.require();
    return new PgDocumentStore(vertx, url);
  }

  @Override
  protected DocumentStore openWithGroupCommitInterval(Vertx vertx, java.time.Duration interval) {
    return new PgDocumentStore(vertx, TestDatabase.require(), interval);
  }

  @Override
  protected void tamper(String document, long seq, byte[] newUpdate) throws Exception {
    DatabaseUrl url = TestDatabase.require();
    try (var c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         var ps = c.prepareStatement("UPDATE document_updates SET update_v1 = ? WHERE document = ? AND seq = ?")) {
      ps.setBytes(1, newUpdate);
      ps.setString(2, document);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
  }

  /**
   * The load sends its snapshot and tail queries together, the tail finding the newest snapshot
   * again. A snapshot committed by another node between the two queries must not move the
   * tail's start: here the tail query is held on a table lock while the snapshot is committed.
   */
  @Test
  void aSnapshotCommittedBetweenTheLoadsTwoQueriesDoesNotMoveTheTail() throws Exception {
    String d = uniqueName();
    result(store.append(d, List.of(update(), update(), update())));
    result(store.writeSnapshot(d, 1, "S1".getBytes(StandardCharsets.UTF_8)));
    DatabaseUrl url = TestDatabase.require();
    try (var locker = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         var watcher = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      locker.setAutoCommit(false);
      try (var st = locker.createStatement()) {
        st.execute("LOCK TABLE document_updates IN ACCESS EXCLUSIVE MODE");
        st.execute("INSERT INTO document_snapshots (document, seq, state_v1) VALUES ('" + d + "', 2, 'S2'::bytea)");
      }
      Future<LoadedDocument> loading = store.load(d);
      awaitBlockedOnLock(watcher);
      locker.commit();
      LoadedDocument loaded = result(loading);
      assertThat(new String(loaded.snapshot(), StandardCharsets.UTF_8)).isEqualTo("S1");
      assertThat(loaded.tail()).extracting(StoredUpdate::seq).containsExactly(2L, 3L);
    }
    assertThat(result(store.load(d)).tail()).extracting(StoredUpdate::seq).containsExactly(3L);
  }

  /**
   * The tail comes packed in chunks (PackedTail): split at a few bytes here, it must still give
   * every row as the table holds it — order, microseconds (before and after PostgreSQL's 2000
   * epoch), non-ASCII text, empty and erased updates.
   */
  @Test
  void aTailLoadedInManyChunksIsEveryRowAsStored() throws Exception {
    String d = uniqueName();
    List<NewUpdate> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] u = new byte[i % 7];
      java.util.Arrays.fill(u, (byte) i);
      rows.add(new NewUpdate(u, i % 3 == 0 ? "gäst-" + i : "guest", "conn-\u00e9-" + i));
    }
    result(store.append(d, rows.subList(0, 25)));
    result(store.writeSnapshot(d, 5, "S5".getBytes(StandardCharsets.UTF_8)));
    result(store.append(d, rows.subList(25, 40)));
    DatabaseUrl url = TestDatabase.require();
    try (var c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         var st = c.createStatement()) {
      st.execute("UPDATE document_updates SET created_at = '1999-12-31 23:59:59.999999+00' WHERE document = '" + d + "' AND seq = 6");
      st.execute("UPDATE document_updates SET created_at = '2026-11-28 13:00:00.123456+00' WHERE document = '" + d + "' AND seq = 7");
      st.execute("UPDATE document_updates SET update_v1 = NULL WHERE document = '" + d + "' AND seq = 9");
    }
    PgDocumentStore chunked = new PgDocumentStore(vertx, url, 4);
    result(chunked.start());
    try {
      LoadedDocument loaded = result(chunked.load(d));
      assertThat(new String(loaded.snapshot(), StandardCharsets.UTF_8)).isEqualTo("S5");
      assertThat(loaded.headSeq()).isEqualTo(40);
      assertThat(loaded.tail()).extracting(StoredUpdate::seq)
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(6, 40).boxed().toList());
      assertThat(loaded.tail().get(0).time()).isEqualTo(java.time.Instant.parse("1999-12-31T23:59:59.999999Z"));
      assertThat(loaded.tail().get(1).time()).isEqualTo(java.time.Instant.parse("2026-11-28T13:00:00.123456Z"));
      assertThat(loaded.tail().get(3).update()).isNull();
      for (StoredUpdate u : loaded.tail()) {
        int i = (int) u.seq() - 1;
        assertThat(u.actor()).isEqualTo(rows.get(i).actor());
        assertThat(u.connectionId()).isEqualTo(rows.get(i).connectionId());
        if (u.seq() != 9) {
          assertThat(u.update()).isEqualTo(rows.get(i).update());
        }
      }
      // The default chunk size gives the same rows.
      LoadedDocument whole = result(store.load(d));
      assertThat(whole.tail()).hasSize(35);
      for (int i = 0; i < 35; i++) {
        StoredUpdate a = whole.tail().get(i);
        StoredUpdate b = loaded.tail().get(i);
        assertThat(List.of(a.seq(), a.time(), a.actor(), a.connectionId()))
            .isEqualTo(List.of(b.seq(), b.time(), b.actor(), b.connectionId()));
        assertThat(a.update()).isEqualTo(b.update());
      }
    } finally {
      result(chunked.close());
    }
  }

  /**
   * The store chains a document's next rows on the head it committed last, without reading it. If
   * another node appended meanwhile, that head is stale: the document must write nothing on it
   * and be appended after the other node's rows — here in a transaction with a document whose
   * remembered head is current, and with two appends of the stale document in it.
   */
  @Test
  void rowsChainedOnAStaleHeadAreAppendedAfterTheOtherNodesRows() throws Exception {
    String d = uniqueName();
    String e = uniqueName();
    PgDocumentStore pg = (PgDocumentStore) store;
    assertThat(result(pg.append(d, List.of(update(), update())))).containsExactly(1L, 2L);
    assertThat(result(pg.append(e, List.of(update())))).containsExactly(1L);
    PgDocumentStore other = new PgDocumentStore(vertx, TestDatabase.require());
    result(other.start());
    try {
      assertThat(result(other.append(d, List.of(update(), update(), update())))).containsExactly(3L, 4L, 5L);
    } finally {
      result(other.close());
    }
    List<AppendCoalescer.Pending> batch = List.of(pending(d, 1), pending(e, 2), pending(d, 2));

    List<List<Long>> seqs = result(pg.appendAll(batch));

    assertThat(seqs).containsExactly(List.of(6L), List.of(2L, 3L), List.of(7L, 8L));
    assertThat(result(store.load(d)).tail()).extracting(StoredUpdate::seq)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 8).boxed().toList());
    assertThat(result(store.verifyChain(d))).isEqualTo(new ChainCheck(8, 0));
    assertThat(result(store.verifyChain(e))).isEqualTo(new ChainCheck(3, 0));
    // and the head learnt on the way is used next time
    assertThat(result(pg.append(d, List.of(update())))).containsExactly(9L);
    assertThat(result(store.verifyChain(d))).isEqualTo(new ChainCheck(9, 0));
  }

  /**
   * A document row locked by a stuck transaction elsewhere (a node that lost its connection
   * before its COMMIT) must not hold the other documents' appends: they share one transaction at
   * a time. The locked document's append fails after the lock timeout; the other commits.
   */
  @Test
  void aLockedDocumentRowHoldsOnlyItsOwnAppend() throws Exception {
    String locked = uniqueName();
    String free = uniqueName();
    result(store.append(locked, List.of(update())));
    result(store.append(free, List.of(update())));
    PgDocumentStore pg = PgDocumentStore.withLockTimeout(vertx, TestDatabase.require(), java.time.Duration.ofMillis(300));
    result(pg.start());
    DatabaseUrl url = TestDatabase.require();
    try (var c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         var st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute("SELECT 1 FROM documents WHERE name = '" + locked + "' FOR UPDATE"); // held until rollback
      Future<List<Long>> onLocked = pg.append(locked, List.of(update()));
      Future<List<Long>> onFree = pg.append(free, List.of(update()));
      // Bounds against a hang, not timings: before the lock timeout both waited for the rollback.
      assertThat(result(onFree)).containsExactly(2L);
      assertThat(awaitFailure(onLocked)).hasMessageContaining("append failed");
      c.rollback();
    } finally {
      result(pg.close());
    }
    assertThat(result(store.load(locked)).headSeq()).as("nothing half-written").isEqualTo(1);
    assertThat(result(store.verifyChain(free))).isEqualTo(new ChainCheck(2, 0));
  }

  /**
   * When a document's head had moved and its locking retry fails, the batch's other documents
   * are committed already: they must count as appended, not be retried and logged twice.
   */
  @Test
  void aFailedLockingRetryFailsOnlyTheMovedDocument() throws Exception {
    String d = uniqueName();
    String e = uniqueName();
    PgDocumentStore pg = PgDocumentStore.withLockTimeout(vertx, TestDatabase.require(), java.time.Duration.ofMillis(300));
    result(pg.start());
    try {
      assertThat(result(pg.append(d, List.of(update())))).containsExactly(1L);
      assertThat(result(pg.append(e, List.of(update())))).containsExactly(1L);
      assertThat(result(store.append(d, List.of(update())))).containsExactly(2L); // "another node": pg's head of d is stale
      DatabaseUrl url = TestDatabase.require();
      try (var c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
           var st = c.createStatement()) {
        c.setAutoCommit(false);
        st.execute("SELECT 1 FROM documents WHERE name = '" + d + "' FOR UPDATE"); // the locking retry times out
        List<List<Long>> seqs = result(pg.appendAll(List.of(pending(d, 1), pending(e, 1))));
        c.rollback();
        assertThat(seqs.get(0)).as("the moved document failed").isNull();
        assertThat(seqs.get(1)).containsExactly(2L);
      }
      assertThat(result(store.load(e)).tail()).as("e's row once, not twice").hasSize(2);
      assertThat(result(store.load(d)).headSeq()).isEqualTo(2);
      assertThat(result(store.verifyChain(e))).isEqualTo(new ChainCheck(2, 0));
      assertThat(result(pg.append(d, List.of(update())))).as("d appends again afterwards").containsExactly(3L);
    } finally {
      result(pg.close());
    }
  }

  private static Throwable awaitFailure(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("no outcome within 30 s", e);
    }
    throw new AssertionError("succeeded, expected a failure");
  }

  /**
   * Schema V15 replaced the log's per-row foreign key by a check per statement and a guard on
   * documents: a row for a missing document, a deleted or renamed document with a log, must still
   * be refused as the foreign key refused them (SQLSTATE 23503), and a row batch of an existing
   * document still goes in.
   */
  @Test
  void theLogStillBelongsToExistingDocumentsWithoutAPerRowForeignKey() throws Exception {
    String d = uniqueName();
    result(store.append(d, List.of(update(), update())));
    DatabaseUrl url = TestDatabase.require();
    try (var c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         var st = c.createStatement()) {
      try (var rs = st.executeQuery("SELECT count(*) FROM pg_constraint WHERE conrelid = 'document_updates'::regclass"
          + " AND contype = 'f'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("foreign keys left on the log").isZero();
      }
      String row = "(%s, %d, now(), 'guest', 'conn-1', '\\x01'::bytea, '\\x00'::bytea)";
      String insert = "INSERT INTO document_updates (document, seq, created_at, actor, connection_id, update_v1, hash)"
          + " VALUES ";
      String missing = "'" + uniqueName() + "'";
      assertSqlState(st, insert + row.formatted(missing, 1), "23503");
      // one orphan among rows of an existing document: the whole statement is refused
      assertSqlState(st, insert + row.formatted("'" + d + "'", 3) + ", " + row.formatted(missing, 1), "23503");
      assertSqlState(st, "DELETE FROM documents WHERE name = '" + d + "'", "23503");
      assertSqlState(st, "UPDATE documents SET name = name || '-x' WHERE name = '" + d + "'", "23503");
      // what the guard must not stop: the head moving, and a document without a log going
      st.executeUpdate("UPDATE documents SET updated_at = now() WHERE name = '" + d + "'");
      String empty = uniqueName();
      st.executeUpdate("INSERT INTO documents (name, title, kind, stage) VALUES ('" + empty + "', 't', 'motion', 'draft')");
      assertThat(st.executeUpdate("DELETE FROM documents WHERE name = '" + empty + "'")).isOne();
    }
    assertThat(result(store.append(d, List.of(update())))).containsExactly(3L);
    assertThat(result(store.verifyChain(d))).isEqualTo(new ChainCheck(3, 0));
  }

  private static void assertSqlState(java.sql.Statement st, String sql, String state) {
    assertThatThrownBy(() -> st.executeUpdate(sql))
        .isInstanceOfSatisfying(java.sql.SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(state));
  }

  private static AppendCoalescer.Pending pending(String document, int updates) {
    List<NewUpdate> list = new java.util.ArrayList<>();
    for (int i = 0; i < updates; i++) {
      list.add(update());
    }
    return new AppendCoalescer.Pending(document, list, io.vertx.core.Promise.promise(), null);
  }

  private static NewUpdate update() {
    return new NewUpdate(new byte[] {1}, "guest", "conn-1");
  }

  /** Waits until a backend of this database waits for a lock on the log (the load's tail query). */
  private static void awaitBlockedOnLock(java.sql.Connection watcher) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (var st = watcher.createStatement();
           var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
               + " AND wait_event_type = 'Lock' AND query LIKE '%FROM document_updates%'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the load never reached its tail query");
  }
}
