package org.pledgepad.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pledgepad.history.ChainBuilder;
import org.pledgepad.history.LogRow;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file under DATA_DIR, reached through JDBC on a single dedicated
 * worker thread.
 *
 * <p>Why SQLite rather than H2 or a hand-written log file: with {@code journal_mode=WAL} and
 * {@code synchronous=FULL} a commit returns only after its WAL frames were written and fsynced,
 * so a committed update survives kill -9 (and power loss); H2's MVStore writes committed data
 * asynchronously after a delay, and a hand-written checksummed log would need its own recovery,
 * compaction-free indexing and tests that SQLite already has. One thread owns the connection,
 * so statements never interleave and the JDBC calls never block an event loop.
 */
public final class SqliteDocumentStore implements DocumentStore {
  static final String FILE_NAME = "pledgepad.sqlite";
  private static final int SCHEMA_VERSION = 5;
  /**
   * Bytes per page of a new file (SQLite's default is 4096). A commit writes every page it touched
   * to the WAL, whole, and a group commit touches one leaf of the (document, seq) index per
   * document it carries: with 50 documents and 60 rows, 242 KiB of WAL per commit at 4096 and 154
   * KiB at 2048. Our server at 30 edits/s per client wrote 29 % fewer bytes to disk per update,
   * with the same CPU within the noise (docs/benchmarks.md, session 11). Reading a 2 MB snapshot
   * over twice the overflow pages measured 0.9 against 0.8 ms.
   */
  static final int PAGE_SIZE = 2048;
  /** Script that brings the file from version i to i + 1 (index i). */
  private static final String[] SCRIPTS =
      {"/embedded/schema-v1.sql", "/embedded/history-v1.sql", "/embedded/head-ledger-v1.sql",
          "/embedded/erasure-log-v1.sql", "/embedded/restore-leases-v1.sql"};
  /**
   * Ledger rows after which a group commit writes the heads into the documents rows instead:
   * bounds what readers of the published head merge, while a document that is in every commit
   * has its row written once per this many commits rather than in each.
   */
  static final int FOLD_EVERY = 64;

  private final Vertx vertx;
  private final Path file;
  private final AppendCoalescer appends;
  /** Updated only on the store thread; about 200 bytes a document. */
  private final ChainHeads heads;
  private final OwnChains ownChains = new OwnChains();
  /** The committed heads that are in the ledger, not yet in the documents rows (store thread only). */
  private final Map<String, HeadLedger.Entry> unfolded = new HashMap<>();
  private int ledgerRows;
  private final long checkpointDelayMs;
  private WalCheckpointer checkpointer;
  private WorkerExecutor worker;
  private Connection conn;

  /** Without a group commit interval (tests): each transaction starts when the previous ended. */
  public SqliteDocumentStore(Vertx vertx, Path dataDir) {
    this(vertx, dataDir, Duration.ZERO);
  }

  /** @param groupCommitInterval see {@link org.pledgepad.server.config.ServerConfig} */
  public SqliteDocumentStore(Vertx vertx, Path dataDir, Duration groupCommitInterval) {
    this(vertx, dataDir, 16_384, WalCheckpointer.DEFAULT_DELAY_MS, groupCommitInterval);
  }

  /** @param cachedHeads documents whose chain head is kept in memory (tests use a few) */
  SqliteDocumentStore(Vertx vertx, Path dataDir, int cachedHeads) {
    this(vertx, dataDir, cachedHeads, WalCheckpointer.DEFAULT_DELAY_MS, Duration.ZERO);
  }

  /** @param checkpointDelayMs from a commit to the background WAL checkpoint it asks for */
  SqliteDocumentStore(Vertx vertx, Path dataDir, int cachedHeads, long checkpointDelayMs) {
    this(vertx, dataDir, cachedHeads, checkpointDelayMs, Duration.ZERO);
  }

  private SqliteDocumentStore(Vertx vertx, Path dataDir, int cachedHeads, long checkpointDelayMs,
      Duration groupCommitInterval) {
    this.vertx = vertx;
    this.appends = new AppendCoalescer(this::appendAll, vertx, groupCommitInterval);
    this.file = dataDir.resolve(FILE_NAME);
    this.heads = new ChainHeads(cachedHeads);
    this.checkpointDelayMs = checkpointDelayMs;
  }

  /** The head the next append of this document would continue from without reading the file. */
  ChainHeads.Head cachedHead(String document) {
    return heads.get(document);
  }

  /** The schema version whose script creates the erasure log (erasure-log-v1.sql). */
  static final int ERASURE_LOG_VERSION = 4;
  private volatile boolean erasureLogCreated;

  @Override
  public boolean erasureLogCreatedAtStart() {
    return erasureLogCreated;
  }

  @Override
  public Future<Void> start() {
    worker = vertx.createSharedWorkerExecutor("pledgepad-sqlite-" + System.identityHashCode(this), 1);
    return run(() -> {
      OwnerOnlyDirectories.create(file.toAbsolutePath().getParent());
      OwnerOnlyFiles.restrict(file.toAbsolutePath());
      SQLiteConfig config = new SQLiteConfig();
      // Otherwise the driver runs a second query after every INSERT for keys nobody reads.
      config.setGetGeneratedKeys(false);
      conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      try (Statement st = conn.createStatement()) {
        // Before anything is written: a file that exists keeps the page size it was made with.
        st.execute("PRAGMA page_size=" + PAGE_SIZE);
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA foreign_keys=ON");
        WalCheckpointer.configureWriter(st);
        int version;
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
          throw new StoreException("embedded store " + file + " has schema version " + version
              + ", newer than this server (" + SCHEMA_VERSION + ")", null);
        }
        for (int v = version; v < SCHEMA_VERSION; v++) {
          migrate(st, SCRIPTS[v], v + 1);
        }
        erasureLogCreated = version < ERASURE_LOG_VERSION;
      }
      conn.setAutoCommit(false);
      // A stop without close (kill -9) leaves heads in the ledger: into the documents rows first.
      Map<String, HeadLedger.Entry> left = HeadLedger.read(conn);
      if (!left.isEmpty()) {
        HeadLedger.fold(conn, left);
      }
      conn.commit();
      checkpointer = new WalCheckpointer(file, checkpointDelayMs);
      return null;
    });
  }

  private void migrate(Statement st, String script, int toVersion) throws SQLException, IOException {
    EmbeddedScript.apply(st, script, toVersion);
  }

  @Override
  public OwnChains ownChains() {
    return ownChains;
  }

  @Override
  public Future<List<Long>> append(String document, List<NewUpdate> batch) {
    return appends.append(document, batch);
  }

  @Override
  public boolean appendToWaiting(String document, Future<List<Long>> append, List<NewUpdate> more) {
    return appends.appendToWaiting(document, append, more);
  }

  /**
   * One transaction (one fsync) for the appends of every document that queued while the
   * previous one ran; a document may occur several times, its rows continue its chain. The
   * heads cache is updated on this thread right after the commit, before the next transaction
   * can start, and forgets the batch's documents if anything failed.
   */
  private Future<List<List<Long>>> appendAll(List<AppendCoalescer.Pending> batch) {
    return run(() -> {
      Map<String, ChainBuilder> chains = new HashMap<>();
      Map<String, OwnChains.Head> bases = new HashMap<>();
      try {
        long now = System.currentTimeMillis();
        List<List<Long>> out = writeAppends(batch, chains, bases, now);
        Map<String, HeadLedger.Entry> moved = new HashMap<>();
        chains.forEach((document, chain) -> moved.put(document,
            new HeadLedger.Entry(chain.headSeq(), chain.headHash(), now)));
        boolean fold = ledgerRows >= FOLD_EVERY;
        if (fold) {
          Map<String, HeadLedger.Entry> all = new HashMap<>(unfolded);
          all.putAll(moved);
          HeadLedger.fold(conn, all);
        } else {
          PreparedStatement ledger = appendStatements().ledger();
          ledger.setBytes(1, HeadLedger.encode(now, moved));
          ledger.executeUpdate();
        }
        conn.commit();
        heads.committed(chains);
        chains.forEach((document, chain) -> {
          OwnChains.Head base = bases.get(document);
          ownChains.committed(document, base.seq(), base.hash(), chain.headSeq(), chain.headHash());
        });
        if (fold) {
          unfolded.clear();
          ledgerRows = 0;
        } else {
          unfolded.putAll(moved);
          ledgerRows++;
        }
        checkpointer.afterCommit();
        return out;
      } catch (Exception e) {
        batch.forEach(p -> heads.forget(p.document()));
        rollback(e);
        throw e;
      }
    });
  }

  /** Every row in one batch; the moved heads go to the ledger (appendAll). */
  private List<List<Long>> writeAppends(List<AppendCoalescer.Pending> batch, Map<String, ChainBuilder> chains,
      Map<String, OwnChains.Head> bases, long now) throws SQLException {
    List<List<Long>> out = new ArrayList<>(batch.size());
    AppendStatements st = appendStatements();
    PreparedStatement ins = st.insert();
    ins.clearBatch(); // a failed transaction may have left rows in the batch
    for (AppendCoalescer.Pending p : batch) {
      String document = p.document();
      ChainBuilder chain = chains.get(document);
      if (chain == null) {
        chain = openChain(st, document, now);
        chains.put(document, chain);
        bases.put(document, new OwnChains.Head(chain.headSeq(), chain.headHash()));
      }
      List<Long> seqs = new ArrayList<>(p.updates().size());
      for (NewUpdate u : p.updates()) {
        LogRow row = chain.next(now, u.actor(), u.connectionId(), u.update());
        ins.setString(1, document);
        ins.setLong(2, row.seq());
        ins.setLong(3, now);
        ins.setString(4, u.actor());
        ins.setString(5, u.connectionId());
        ins.setBytes(6, u.update());
        ins.setBytes(7, row.hash());
        ins.setBytes(8, row.salt());
        ins.setBytes(9, row.commitment());
        ins.addBatch();
        seqs.add(row.seq());
      }
      out.add(seqs);
    }
    ins.executeBatch();
    return out;
  }

  /** A document's chain from the cached head, else the ledger's, else from its row (created if missing). */
  private ChainBuilder openChain(AppendStatements st, String document, long now) throws SQLException {
    ChainHeads.Head known = heads.get(document);
    if (known != null) {
      return new ChainBuilder(document, known.seq(), known.hash());
    }
    HeadLedger.Entry inLedger = unfolded.get(document);
    if (inLedger != null) {
      return new ChainBuilder(document, inLedger.seq(), inLedger.hash());
    }
    bindEnsure(st.ensure(), document, now);
    st.ensure().executeUpdate();
    st.head().setString(1, document);
    try (ResultSet rs = st.head().executeQuery()) {
      rs.next();
      return new ChainBuilder(document, rs.getLong(1), rs.getBytes(2));
    }
  }

  /**
   * The append statements, prepared once on the store thread and reused by every transaction:
   * a group commit runs them for each document it contains, and preparing means parsing SQL.
   */
  private record AppendStatements(PreparedStatement ensure, PreparedStatement head, PreparedStatement insert,
      PreparedStatement ledger) {
    void close() throws SQLException {
      ensure.close();
      head.close();
      insert.close();
      ledger.close();
    }
  }

  private AppendStatements appendStatements;

  private AppendStatements appendStatements() throws SQLException {
    if (appendStatements == null) {
      appendStatements = new AppendStatements(conn.prepareStatement(ENSURE_DOCUMENT),
          conn.prepareStatement("SELECT head_seq, head_hash FROM documents WHERE name = ?"),
          conn.prepareStatement(
              "INSERT INTO document_updates (document, seq, created_at, actor, connection_id, update_v1, hash,"
                  + " salt, commitment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          conn.prepareStatement("INSERT INTO head_ledger (heads) VALUES (?)"));
    }
    return appendStatements;
  }

  private static final String ENSURE_DOCUMENT =
      "INSERT INTO documents (name, title, kind, stage, created_at, updated_at, head_seq, head_hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (name) DO NOTHING";

  private static void bindEnsure(PreparedStatement ps, String document, long now) throws SQLException {
    ps.setString(1, document);
    ps.setString(2, document);
    ps.setString(3, DocumentInfo.DEFAULT_KIND.wire());
    ps.setString(4, DocumentInfo.DEFAULT_STAGE.wire());
    ps.setLong(5, now);
    ps.setLong(6, now);
    ps.setBytes(7, org.pledgepad.history.Hashes.genesis(document));
  }

  private void ensureDocument(String document, long now) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(ENSURE_DOCUMENT)) {
      bindEnsure(ps, document, now);
      ps.executeUpdate();
    }
  }

  @Override
  public Future<LoadedDocument> loadBefore(String document, long beforeSeq) {
    return transaction(() -> {
      byte[] snapshot = null;
      long snapshotSeq = 0;
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT seq, state_v1 FROM document_snapshots WHERE document = ? AND seq < ? ORDER BY seq DESC LIMIT 1")) {
        ps.setString(1, document);
        ps.setLong(2, beforeSeq);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            snapshotSeq = rs.getLong(1);
            snapshot = rs.getBytes(2);
          }
        }
      }
      List<StoredUpdate> tail = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT seq, created_at, actor, connection_id, update_v1 FROM document_updates"
              + " WHERE document = ? AND seq > ? ORDER BY seq")) {
        ps.setString(1, document);
        ps.setLong(2, snapshotSeq);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tail.add(new StoredUpdate(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3), rs.getString(4), rs.getBytes(5)));
          }
        }
      }
      return new LoadedDocument(snapshot, snapshotSeq, tail);
    });
  }

  @Override
  public Future<Void> writeSnapshot(String document, long seq, byte[] state) {
    return transaction(() -> {
      long now = System.currentTimeMillis();
      ensureDocument(document, now);
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO document_snapshots (document, seq, created_at, state_v1) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (document, seq) DO NOTHING")) {
        ps.setString(1, document);
        ps.setLong(2, seq);
        ps.setLong(3, now);
        ps.setBytes(4, state);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<List<DocumentInfo>> listDocuments() {
    return transaction(() -> {
      List<DocumentInfo> out = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT name, title, kind, stage, updated_at, head_seq FROM documents ORDER BY name");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(withLedger(info(rs)));
        }
      }
      return out;
    });
  }

  @Override
  public Future<Optional<DocumentInfo>> document(String name) {
    return transaction(() -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT name, title, kind, stage, updated_at, head_seq FROM documents WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(withLedger(info(rs))) : Optional.empty();
        }
      }
    });
  }

  private static DocumentInfo info(ResultSet rs) throws SQLException {
    return new DocumentInfo(rs.getString(1), rs.getString(2), DocumentKind.fromWire(rs.getString(3)),
        DocumentStage.fromWire(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getLong(6));
  }

  /** The row's info with the head and time of its newest commit if that is still in the ledger. */
  private DocumentInfo withLedger(DocumentInfo row) {
    HeadLedger.Entry e = unfolded.get(row.name());
    if (e == null) {
      return row;
    }
    Instant committed = Instant.ofEpochMilli(e.timeMillis());
    return new DocumentInfo(row.name(), row.title(), row.kind(), row.stage(),
        committed.isAfter(row.updatedAt()) ? committed : row.updatedAt(), e.seq());
  }

  @Override
  public Future<Void> putDocument(String name, String title, DocumentKind kind, DocumentStage stage) {
    return transaction(() -> {
      insertDocument(name, title, kind, stage,
          "DO UPDATE SET title = excluded.title, kind = excluded.kind, stage = excluded.stage, updated_at = excluded.updated_at");
      return null;
    });
  }

  @Override
  public Future<Boolean> createDocument(String name, String title, DocumentKind kind, DocumentStage stage) {
    return transaction(() -> insertDocument(name, title, kind, stage, "DO NOTHING") == 1);
  }

  @Override
  public Future<Boolean> deleteIfEmpty(String name) {
    return transaction(() -> {
      // head_seq of the row may lag behind the head ledger; the log itself does not.
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM documents WHERE name = ?"
          + " AND NOT EXISTS (SELECT 1 FROM document_updates WHERE document = ?)")) {
        ps.setString(1, name);
        ps.setString(2, name);
        boolean deleted = ps.executeUpdate() == 1;
        if (deleted) {
          heads.forget(name);
          unfolded.remove(name);
        }
        return deleted;
      } catch (org.sqlite.SQLiteException e) {
        if (e.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
          return false; // a row elsewhere refers to it; the failed statement changed nothing
        }
        throw e;
      }
    });
  }

  /** Inserts a document row; {@code onConflict} (a constant of the two callers) says what an existing name gets. */
  private int insertDocument(String name, String title, DocumentKind kind, DocumentStage stage, String onConflict)
      throws SQLException {
    long now = System.currentTimeMillis();
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO documents (name, title, kind, stage, created_at, updated_at, head_seq, head_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (name) " + onConflict)) {
      ps.setString(1, name);
      ps.setString(2, title);
      ps.setString(3, kind.wire());
      ps.setString(4, stage.wire());
      ps.setLong(5, now);
      ps.setLong(6, now);
      ps.setBytes(7, org.pledgepad.history.Hashes.genesis(name));
      return ps.executeUpdate();
    }
  }

  @Override
  public Future<ChainCheck> verifyChain(String document) {
    return transaction(() -> {
      ChainCheck.Walker walker = new ChainCheck.Walker(document);
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT seq, created_at, actor, salt, update_v1, commitment, hash FROM document_updates"
              + " WHERE document = ? ORDER BY seq")) {
        ps.setString(1, document);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            walker.next(document, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4),
                rs.getBytes(5), rs.getBytes(6), rs.getBytes(7));
          }
        }
      }
      return walker.result();
    });
  }

  @Override
  public boolean appendsFlowing() {
    return appends.flowing();
  }

  @Override
  public Future<Void> ping() {
    return transaction(() -> {
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
        rs.next();
      }
      return null;
    });
  }

  @Override
  public Future<Void> close() {
    if (worker == null) {
      return Future.succeededFuture();
    }
    Future<Void> closing = run(() -> {
      if (checkpointer != null) {
        checkpointer.close(); // first: the writer's close then checkpoints what is left and removes the WAL
        checkpointer = null;
      }
      foldBeforeClose();
      if (appendStatements != null) {
        appendStatements.close();
        appendStatements = null;
      }
      if (conn != null) {
        conn.close();
      }
      return null;
    });
    return closing.eventually(() -> worker.close());
  }

  /** Leaves the documents rows complete; if this fails, the next start folds the ledger. */
  private void foldBeforeClose() {
    if (conn == null || ledgerRows == 0) {
      return;
    }
    try {
      HeadLedger.fold(conn, unfolded);
      conn.commit();
      unfolded.clear();
      ledgerRows = 0;
    } catch (SQLException e) {
      rollback(e);
    }
  }

  /** Runs the body in one transaction on the store's thread; rolls back on any failure. */
  private <T> Future<T> transaction(Callable<T> body) {
    return run(() -> {
      try {
        T result = body.call();
        conn.commit();
        if (checkpointer != null) {
          checkpointer.afterCommit(); // snapshots add WAL frames too
        }
        return result;
      } catch (Exception e) {
        rollback(e);
        throw e;
      }
    });
  }

  private void rollback(Exception cause) {
    try {
      conn.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private <T> Future<T> run(Callable<T> body) {
    return worker.executeBlocking(() -> {
      try {
        return body.call();
      } catch (StoreException e) {
        throw e;
      } catch (Exception e) {
        throw new StoreException("embedded store operation failed", e);
      }
    }, true);
  }
}
