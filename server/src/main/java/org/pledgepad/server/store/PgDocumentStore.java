package org.pledgepad.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.pledgepad.server.config.DatabaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production store: PostgreSQL through the Vert.x reactive client. Migrations in schema/
 * are applied by Flyway (JDBC, on a worker thread) before the pool serves anything. Appends lock
 * the document row, so sequence numbers stay gap-free and the hash chain linear even with
 * several server processes writing to one database.
 */
public final class PgDocumentStore implements DocumentStore {
  private static final Logger LOG = LoggerFactory.getLogger(PgDocumentStore.class);
  private static final int POOL_SIZE = 8;
  /**
   * The longest an append waits for a document row's lock. Appends run one transaction at a time,
   * so a row held by a stuck transaction elsewhere (another node that lost its connection before
   * its COMMIT, a manual session) would otherwise hold every document's commits on this node,
   * for as long as PostgreSQL takes to notice. With it the combined transaction fails, the
   * appends are retried one by one (AppendCoalescer), and only that document's fail.
   */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);
  /** Bounds any one statement of this pool (a full-log read for verify is the longest). */
  static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(2);
  /** Our own transaction left open by a stalled client is ended by the server, not kept. */
  static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofMinutes(1);

  private final Vertx vertx;
  private final DatabaseUrl url;
  /**
   * One append transaction at a time; the others wait and go into the next one together. Since an
   * append is one pipelined round trip with one statement, this batches more rows per commit:
   * with up to four at once (as before), at low rates nearly every edit had a transaction (and a
   * notification) of its own, and one at a time cut PostgreSQL's CPU per delivered update by a
   * third and p99 by 40-80 % at 10-100 edits/s per client (docs/benchmarks.md, session 9).
   * Loads, snapshots and reads keep the rest of the pool.
   */
  private final AppendCoalescer appends;
  /** Each document is in at most one append at a time (the coalescer), so its head here is its latest. */
  private final KnownHeads heads = new KnownHeads();
  private final OwnChains ownChains = new OwnChains();
  /** Bytes of updates per chunk of a loaded tail ({@link PackedTail}); small in tests. */
  private final long tailChunkBytes;
  private final Duration lockTimeout;
  private Pool pool;
  private CommitNotifier notifier;
  private volatile java.util.function.BooleanSupplier announceWhile = () -> true;

  /** Without a group commit interval (tests): each transaction starts when the previous ended. */
  public PgDocumentStore(Vertx vertx, DatabaseUrl url) {
    this(vertx, url, Duration.ZERO);
  }

  /** @param groupCommitInterval see {@link org.pledgepad.server.config.ServerConfig} */
  public PgDocumentStore(Vertx vertx, DatabaseUrl url, Duration groupCommitInterval) {
    this(vertx, url, PackedTail.CHUNK_BYTES, groupCommitInterval);
  }

  PgDocumentStore(Vertx vertx, DatabaseUrl url, long tailChunkBytes) {
    this(vertx, url, tailChunkBytes, Duration.ZERO, LOCK_TIMEOUT);
  }

  /** With a shorter lock timeout (tests). */
  static PgDocumentStore withLockTimeout(Vertx vertx, DatabaseUrl url, Duration lockTimeout) {
    return new PgDocumentStore(vertx, url, PackedTail.CHUNK_BYTES, Duration.ZERO, lockTimeout);
  }

  private PgDocumentStore(Vertx vertx, DatabaseUrl url, long tailChunkBytes, Duration groupCommitInterval) {
    this(vertx, url, tailChunkBytes, groupCommitInterval, LOCK_TIMEOUT);
  }

  private PgDocumentStore(Vertx vertx, DatabaseUrl url, long tailChunkBytes, Duration groupCommitInterval,
      Duration lockTimeout) {
    this.vertx = vertx;
    this.appends = new AppendCoalescer(this::appendAll, vertx, groupCommitInterval);
    this.url = url;
    this.tailChunkBytes = tailChunkBytes;
    this.lockTimeout = lockTimeout;
  }

  private volatile boolean erasureLogCreated;

  @Override
  public boolean erasureLogCreatedAtStart() {
    return erasureLogCreated;
  }

  @Override
  public Future<Void> start() {
    return vertx.<Void>executeBlocking(() -> {
      erasureLogCreated = FlywayMigrations.migrate(url);
      return null;
    }).map(v -> {
      // Session settings sent with each connection's startup message, so they cost no round trip.
      PgConnectOptions connect = url.connectOptions().setCachePreparedStatements(true)
          .addProperty("lock_timeout", lockTimeout.toMillis() + "ms")
          .addProperty("statement_timeout", STATEMENT_TIMEOUT.toMillis() + "ms")
          .addProperty("idle_in_transaction_session_timeout", IDLE_IN_TRANSACTION_TIMEOUT.toMillis() + "ms");
      pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(POOL_SIZE))
          .connectingTo(connect)
          .using(vertx)
          .build();
      notifier = new CommitNotifier(pool, () -> announceWhile.getAsBoolean());
      return null;
    });
  }

  /**
   * Commits are announced to the other nodes only while {@code othersMayListen} holds (by
   * default always); see {@code cluster.ClusterPeers}.
   */
  public void announceCommitsOnlyWhile(java.util.function.BooleanSupplier othersMayListen) {
    this.announceWhile = othersMayListen;
  }

  @Override
  public Future<List<Long>> append(String document, List<NewUpdate> batch) {
    return appends.append(document, batch);
  }

  @Override
  public OwnChains ownChains() {
    return ownChains;
  }

  @Override
  public boolean appendToWaiting(String document, Future<List<Long>> append, List<NewUpdate> more) {
    return appends.appendToWaiting(document, append, more);
  }

  /**
   * One transaction for the appends of every document that queued while the previous one ran.
   * When this process knows every document's head (it committed the last rows itself), the rows
   * are chained on those heads and written in one round trip: BEGIN, one {@link PgAppend#SQL} for
   * all documents, COMMIT, pipelined. A document whose head moved meanwhile (another node) wrote
   * nothing in it and is appended again on the locking path, which reads the heads first.
   * Once committed, the other nodes are told (after, not inside the transaction: see
   * {@link CommitNotifier}).
   */
  Future<List<List<Long>>> appendAll(List<AppendCoalescer.Pending> batch) {
    Map<String, PgAppend.Head> known = new HashMap<>();
    for (AppendCoalescer.Pending p : batch) {
      PgAppend.Head h = heads.get(p.document());
      if (h == null) {
        return appendLocked(batch);
      }
      known.put(p.document(), h);
    }
    return appendOnKnownHeads(batch, known);
  }

  private Future<List<List<Long>>> appendOnKnownHeads(List<AppendCoalescer.Pending> batch,
      Map<String, PgAppend.Head> known) {
    PgAppend plan = PgAppend.plan(batch, known::get, System.currentTimeMillis());
    return pool.getConnection().compose(conn -> {
      Future<RowSet<Row>> begun = conn.query("BEGIN").execute();
      return inTransaction(conn, begun.map(v -> plan));
    }).compose(result -> {
      List<String> moved = plan.staleHeads(result);
      committed(plan, moved);
      if (moved.isEmpty()) {
        return Future.succeededFuture(plan.seqs());
      }
      moved.forEach(heads::forget);
      List<AppendCoalescer.Pending> again = new ArrayList<>();
      batch.forEach(p -> {
        if (moved.contains(p.document())) {
          again.add(p);
        }
      });
      return appendLocked(again).map(seqsAgain -> {
        List<List<Long>> all = new ArrayList<>(plan.seqs());
        int j = 0;
        for (int i = 0; i < batch.size(); i++) {
          if (moved.contains(batch.get(i).document())) {
            all.set(i, seqsAgain.get(j++));
          }
        }
        return all;
      }).recover(e -> {
        // The other documents' rows are committed: only the moved ones failed (null), so that
        // no retry logs the committed rows a second time (a lock timeout makes this likelier).
        LOG.warn("Appending {} document(s) after another node moved their heads failed", again.size(), e);
        List<List<Long>> all = new ArrayList<>(plan.seqs());
        for (int i = 0; i < batch.size(); i++) {
          if (moved.contains(batch.get(i).document())) {
            all.set(i, null);
          }
        }
        return Future.succeededFuture(all);
      });
    }).recover(e -> failed(batch, e));
  }

  /**
   * Creates the document rows if missing and locks them in name order (so that server processes
   * sharing the database never deadlock), reads their heads, then appends on them. Two round
   * trips: BEGIN + create + lock, then rows + heads + COMMIT.
   */
  private Future<List<List<Long>>> appendLocked(List<AppendCoalescer.Pending> batch) {
    TreeSet<String> names = new TreeSet<>();
    batch.forEach(p -> names.add(p.document()));
    List<Tuple> ensure = new ArrayList<>(names.size());
    names.forEach(n -> ensure.add(Tuple.of(n, DocumentInfo.DEFAULT_KIND.wire(), DocumentInfo.DEFAULT_STAGE.wire())));
    // Statements that do not need each other's results are pipelined (sent together, answered
    // together); Pool.withTransaction would add a round trip for BEGIN and one for COMMIT. Each
    // round trip waits for both processes to be scheduled, which dominates on a busy machine. If
    // a statement fails, PostgreSQL turns the pipelined COMMIT into a rollback: nothing is
    // written, and the failure is reported by that statement's future.
    return pool.getConnection().compose(conn -> {
      Future<RowSet<Row>> begun = conn.query("BEGIN").execute();
      Future<RowSet<Row>> created = conn.preparedQuery(ENSURE_DOCUMENT).executeBatch(ensure);
      Future<RowSet<Row>> locked = conn.preparedQuery(
              "SELECT name, head_seq, head_hash FROM documents WHERE name = ANY($1) ORDER BY name FOR UPDATE")
          .execute(Tuple.of(names.toArray(new String[0])));
      Future<PgAppend> planned = Future.all(begun, created, locked).map(all -> {
        Map<String, PgAppend.Head> read = new HashMap<>();
        for (Row r : locked.result()) {
          read.put(r.getString(0), new PgAppend.Head(r.getLong(1), r.getBuffer(2).getBytes()));
        }
        return PgAppend.plan(batch, read::get, System.currentTimeMillis());
      });
      return inTransaction(conn, planned).compose(result -> {
        PgAppend plan = planned.result();
        if (!plan.staleHeads(result).isEmpty()) {
          // cannot happen under the row locks
          return Future.failedFuture(new IllegalStateException("locked append left a head unmoved"));
        }
        committed(plan, List.of());
        return Future.succeededFuture(plan.seqs());
      });
    }).recover(e -> failed(batch, e));
  }

  /**
   * Once the transaction began ({@code planned}: BEGIN and whatever came with it, then the plan):
   * the one {@link PgAppend#SQL} and COMMIT, pipelined; the statement's result once committed.
   * The connection goes back to the pool outside any transaction, whatever failed where.
   */
  private static Future<RowSet<Row>> inTransaction(SqlConnection conn, Future<PgAppend> planned) {
    Future<RowSet<Row>> written = planned.compose(plan -> {
      Future<RowSet<Row>> inserted = conn.preparedQuery(PgAppend.SQL).execute(plan.arguments());
      Future<RowSet<Row>> committed = conn.query("COMMIT").execute();
      return Future.all(inserted, committed).map(all -> inserted.result());
    });
    return written
        .recover(e -> conn.query("ROLLBACK").execute().transform(r -> Future.<RowSet<Row>>failedFuture(e)))
        .eventually(conn::close);
  }

  /** Remembers the new heads of the documents the plan wrote (all but {@code moved}) and tells the other nodes. */
  private void committed(PgAppend plan, List<String> moved) {
    Map<String, Long> newest = new HashMap<>();
    for (PgAppend.DocumentRows d : plan.documents()) {
      if (!moved.contains(d.document())) {
        heads.put(d.document(), d.after());
        newest.put(d.document(), d.after().seq());
        ownChains.committed(d.document(), d.before().seq(), d.before().hash(), d.after().seq(), d.after().hash());
      }
    }
    notifier.committed(newest);
  }

  /** A failed or unknown outcome: the heads are read again next time. */
  private <T> Future<T> failed(List<AppendCoalescer.Pending> batch, Throwable e) {
    batch.forEach(p -> heads.forget(p.document()));
    return Future.failedFuture(e instanceof StoreException ? e : new StoreException("append failed", e));
  }

  private static final String ENSURE_DOCUMENT = "INSERT INTO documents (name, title, kind, stage)"
      + " VALUES ($1, $1, $2, $3) ON CONFLICT (name) DO NOTHING";

  private static Future<Void> ensureDocument(SqlConnection conn, String document) {
    return conn.preparedQuery(ENSURE_DOCUMENT)
        .execute(Tuple.of(document, DocumentInfo.DEFAULT_KIND.wire(), DocumentInfo.DEFAULT_STAGE.wire()))
        .mapEmpty();
  }

  /** The newest snapshot of a document older than $2 (none or one row). */
  private static final String LATEST_SNAPSHOT =
      "SELECT seq, state_v1 FROM document_snapshots WHERE document = $1 AND seq < $2 ORDER BY seq DESC LIMIT 1";

  /**
   * Snapshot and tail in one round trip: BEGIN, both queries and COMMIT are pipelined, in a
   * read-only repeatable-read transaction, so both queries see the same moment and the tail
   * starts right after the snapshot however other nodes write meanwhile. (Pool.withTransaction
   * costs four round trips; on a busy machine each waits for both processes to be scheduled.)
   */
  @Override
  public Future<LoadedDocument> loadBefore(String document, long beforeSeq) {
    long started = System.nanoTime();
    return pool.getConnection().compose(conn -> {
      long connected = System.nanoTime();
      Future<RowSet<Row>> begun = conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute();
      Future<RowSet<Row>> snapshots = conn.preparedQuery(LATEST_SNAPSHOT).execute(Tuple.of(document, beforeSeq));
      Future<RowSet<Row>> tail = conn.preparedQuery(PackedTail.QUERY)
          .execute(Tuple.of(document, tailChunkBytes, beforeSeq));
      Future<RowSet<Row>> committed = conn.query("COMMIT").execute();
      return Future.all(begun, snapshots, tail, committed)
          .map(all -> loaded(document, snapshots.result(), tail.result(), started, connected))
          .recover(e -> conn.query("ROLLBACK").execute().transform(r -> Future.<LoadedDocument>failedFuture(e)))
          .eventually(conn::close);
    }).recover(e -> Future.failedFuture(new StoreException("load failed", e)));
  }

  private static LoadedDocument loaded(String document, RowSet<Row> snapshots, RowSet<Row> chunks,
      long started, long connected) {
    long answered = System.nanoTime();
    byte[] snapshot = null;
    long snapshotSeq = 0;
    if (snapshots.size() > 0) {
      Row r = snapshots.iterator().next();
      snapshotSeq = r.getLong(0);
      snapshot = r.getBuffer(1).getBytes();
    }
    List<StoredUpdate> tail = new ArrayList<>();
    long tailBytes = 0;
    for (Row r : chunks) {
      tailBytes += PackedTail.unpack(r.getBuffer(0).getBytes(), tail);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("Read {}: snapshot of {} bytes at seq {}, tail of {} updates ({} bytes); {} ms for a connection,"
              + " {} ms for the answer, {} ms to copy it out", document, snapshot == null ? 0 : snapshot.length,
          snapshotSeq, tail.size(), tailBytes, millis(connected - started), millis(answered - connected),
          millis(System.nanoTime() - answered));
    }
    return new LoadedDocument(snapshot, snapshotSeq, tail);
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
  }

  @Override
  public Future<Void> writeSnapshot(String document, long seq, byte[] state) {
    return pool.withTransaction(conn -> ensureDocument(conn, document)
            .compose(v -> conn.preparedQuery(
                    "INSERT INTO document_snapshots (document, seq, state_v1) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (document, seq) DO NOTHING")
                .execute(Tuple.of(document, seq, Buffer.buffer(state)))))
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(new StoreException("snapshot failed", e)));
  }

  @Override
  public Future<List<DocumentInfo>> listDocuments() {
    return pool.preparedQuery(
            "SELECT name, title, kind, stage, updated_at, head_seq FROM documents ORDER BY name")
        .execute()
        .map(rows -> {
          List<DocumentInfo> out = new ArrayList<>(rows.size());
          rows.forEach(r -> out.add(info(r)));
          return out;
        });
  }

  @Override
  public Future<Optional<DocumentInfo>> document(String name) {
    return pool.preparedQuery(
            "SELECT name, title, kind, stage, updated_at, head_seq FROM documents WHERE name = $1")
        .execute(Tuple.of(name))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(info(rows.iterator().next())));
  }

  private static DocumentInfo info(Row r) {
    OffsetDateTime updated = r.getOffsetDateTime(4);
    return new DocumentInfo(r.getString(0), r.getString(1), DocumentKind.fromWire(r.getString(2)),
        DocumentStage.fromWire(r.getString(3)), updated.toInstant(), r.getLong(5));
  }

  @Override
  public Future<Void> putDocument(String name, String title, DocumentKind kind, DocumentStage stage) {
    return pool.preparedQuery(
            "INSERT INTO documents (name, title, kind, stage) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind,"
                + " stage = EXCLUDED.stage, updated_at = now()")
        .execute(Tuple.of(name, title, kind.wire(), stage.wire()))
        .mapEmpty();
  }

  @Override
  public Future<Boolean> createDocument(String name, String title, DocumentKind kind, DocumentStage stage) {
    // A concurrent insert of the same name waits for the other transaction and then does nothing.
    return pool.preparedQuery(
            "INSERT INTO documents (name, title, kind, stage) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING")
        .execute(Tuple.of(name, title, kind.wire(), stage.wire()))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> deleteIfEmpty(String name) {
    // An append locks the row and moves head_seq: whichever commits first, the other sees it.
    return pool.preparedQuery("DELETE FROM documents WHERE name = $1 AND head_seq = 0")
        .execute(Tuple.of(name))
        .map(rows -> rows.rowCount() == 1)
        .recover(e -> e instanceof io.vertx.sqlclient.DatabaseException d && FOREIGN_KEY_VIOLATION.equals(d.getSqlState())
            ? Future.succeededFuture(false) : Future.failedFuture(e))
        .andThen(ar -> heads.forget(name));
  }

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  @Override
  public Future<ChainCheck> verifyChain(String document) {
    return pool.preparedQuery(
            "SELECT seq, created_at, actor, salt, update_v1, commitment, hash FROM document_updates"
                + " WHERE document = $1 ORDER BY seq")
        .execute(Tuple.of(document))
        .map(rows -> {
          ChainCheck.Walker walker = new ChainCheck.Walker(document);
          for (Row r : rows) {
            walker.next(document, r.getLong(0), r.getOffsetDateTime(1).toInstant().toEpochMilli(),
                r.getString(2), bytes(r, 3), bytes(r, 4), bytes(r, 5), bytes(r, 6));
          }
          return walker.result();
        });
  }

  private static byte[] bytes(Row r, int column) {
    Buffer b = r.getBuffer(column);
    return b == null ? null : b.getBytes();
  }

  @Override
  public boolean appendsFlowing() {
    return appends.flowing();
  }

  @Override
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
