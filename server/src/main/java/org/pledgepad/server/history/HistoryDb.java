package org.pledgepad.server.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.pledgepad.history.Checkpoint;
import org.pledgepad.history.ErasureRecord;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.NamedVersion;
import org.pledgepad.history.RestorePoint;
import org.pledgepad.history.StoredSnapshot;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.HeadLedger;

/**
 * Blocking JDBC reads (and the few writes) of the history tables, for both stores: the embedded
 * SQLite file (WAL, so these reads never block the store's writer) or PostgreSQL. Call only from
 * worker threads. A connection per operation: history requests are rare next to updates, and it
 * keeps this class free of pooling. The append path stays in the stores (same transaction as
 * the update); this class never writes log rows.
 */
public final class HistoryDb {
  private final String url;
  private final Properties props;
  private final boolean sqlite;
  private final Path accessFile;

  private HistoryDb(String url, Properties props, boolean sqlite, Path accessFile) {
    this.url = url;
    this.props = props;
    this.sqlite = sqlite;
    this.accessFile = accessFile;
  }

  public static HistoryDb of(ServerConfig config) {
    if (config.databaseUrl().isPresent()) {
      var u = config.databaseUrl().get();
      Properties p = new Properties();
      p.setProperty("user", u.user());
      if (u.password() != null) {
        p.setProperty("password", u.password());
      }
      return new HistoryDb(u.jdbcUrl(), p, false, null);
    }
    Path file = config.dataDir().resolve("pledgepad.sqlite").toAbsolutePath();
    return new HistoryDb("jdbc:sqlite:" + file, new Properties(), true,
        config.dataDir().resolve("access.sqlite").toAbsolutePath());
  }

  public boolean embedded() {
    return sqlite;
  }

  /** A new connection (the restore leases write through it too); the caller closes it. */
  Connection open() throws SQLException {
    Connection c = DriverManager.getConnection(url, props);
    if (sqlite) {
      try (Statement st = c.createStatement()) {
        // The store's thread may hold the write lock for a group commit; wait for it.
        st.execute("PRAGMA busy_timeout=10000");
      }
    }
    return c;
  }

  /**
   * Head (seq, hash) of a document as the database publishes it (the documents row; in the
   * embedded store merged with its head ledger), or empty if unknown.
   */
  public Optional<Head> head(String doc) throws SQLException {
    return inReadTransaction(c -> head(c, doc));
  }

  private Optional<Head> head(Connection c, String doc) throws SQLException {
    if (sqlite) {
      HeadLedger.Entry e = HeadLedger.head(c, doc, HeadLedger.read(c));
      return e == null ? Optional.empty() : Optional.of(new Head(e.seq(), e.hash()));
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT head_seq, head_hash FROM documents WHERE name = ?")) {
      ps.setString(1, doc);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
      }
    }
  }

  /**
   * Head, rows, checkpoints, erasure records and every stored snapshot, all read in one
   * transaction, handed to {@code body} while that transaction is open. Read one after the other,
   * an append, snapshot or checkpoint committed in between made a healthy document look truncated
   * (a head or checkpoint beyond the rows read before it), and an erasure committed in between
   * would show rows erased without their record, or the reverse. Every snapshot, because version
   * reads and document loads start from whichever is nearest: one left out of the check could be
   * forged unnoticed (review 2026-11-30, History item 2). The snapshots are read one by one as
   * {@code body} iterates them (once, in seq order), so verify and export hold one at a time
   * instead of all (B4: 162 MB); the rows likewise, a page at a time ({@link RowPages}), so
   * neither grows the heap with the log. The transaction therefore stays open while {@code body}
   * runs. Iterating either after {@code body} returned fails.
   */
  public <T> T readLog(String doc, java.util.function.Function<LogState, T> body) throws SQLException {
    return inReadTransaction(c -> {
      Optional<Head> head = head(c, doc);
      List<Checkpoint> checkpoints = checkpoints(c, doc);
      Iterable<LogRow> rows = () -> new RowPages(0, (after, limit) -> rows(c, doc, after, Long.MAX_VALUE, limit));
      List<Long> seqs = snapshotSeqs(c, doc);
      Iterable<StoredSnapshot> snapshots = () -> new SnapshotReader(c, doc, seqs.iterator());
      return body.apply(new LogState(head, rows, checkpoints, snapshots, erasureRecords(c, doc)));
    });
  }

  /**
   * The log in seq order, a page at a time. A page's row count follows the sizes seen so far, so
   * that a page holds about {@link #PAGE_BYTES} however large the updates are (typed characters:
   * a few dozen bytes; an import: megabytes).
   */
  private static final class RowPages implements java.util.Iterator<LogRow> {
    /** The rows after {@code after} in seq order, at most {@code limit}. */
    interface Page {
      List<LogRow> read(long after, int limit) throws SQLException;
    }

    private final Page reader;
    private java.util.Iterator<LogRow> page = java.util.Collections.emptyIterator();
    private long after;
    private int limit = FIRST_PAGE_ROWS;
    private boolean exhausted;

    RowPages(long fromExclusive, Page reader) {
      this.after = fromExclusive;
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      if (!page.hasNext() && !exhausted) {
        List<LogRow> rows = DocumentHistories.sql(() -> reader.read(after, limit));
        exhausted = rows.size() < limit;
        if (!rows.isEmpty()) {
          after = rows.get(rows.size() - 1).seq();
          limit = nextPageRows(rows);
        }
        page = rows.iterator();
      }
      return page.hasNext();
    }

    @Override
    public LogRow next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return page.next();
    }
  }

  /**
   * As {@link #rows(String, long, long)}, read a page at a time when iterated (each page a
   * statement of its own, outside any transaction: below the head the log only grows, and an
   * erasure that rewrites rows meanwhile is seen from the page it reached on). For the history's
   * replays of a whole log (revisions, authorship), which held every row before.
   */
  public Iterable<LogRow> rowsInPages(String doc, long fromExclusive, long toInclusive) {
    return () -> new RowPages(fromExclusive, (after, limit) -> {
      try (Connection c = open()) {
        return rows(c, doc, after, toInclusive, limit);
      }
    });
  }

  /** About this many bytes of updates per page of {@link RowPages}. */
  static final long PAGE_BYTES = 4L << 20;
  static final int FIRST_PAGE_ROWS = 256;
  static final int MAX_PAGE_ROWS = 8192; // typed rows (~530 bytes each on the heap) fill 4 MiB at about 7,900

  /** Rows for the next page: {@link #PAGE_BYTES} at the average row size of this one. */
  static int nextPageRows(List<LogRow> page) {
    long bytes = 0;
    for (LogRow r : page) {
      // 500: what the row's other fields take on the heap (strings, salt, hashes, the objects)
      bytes += 500 + (r.update() == null ? 0 : r.update().length);
    }
    long perRow = Math.max(1, bytes / page.size());
    return (int) Math.max(1, Math.min(MAX_PAGE_ROWS, PAGE_BYTES / perRow));
  }

  /** Reads the next stored snapshot only when asked for it. */
  private final class SnapshotReader implements java.util.Iterator<StoredSnapshot> {
    private final Connection c;
    private final String doc;
    private final java.util.Iterator<Long> seqs;
    private StoredSnapshot next;

    SnapshotReader(Connection c, String doc, java.util.Iterator<Long> seqs) {
      this.c = c;
      this.doc = doc;
      this.seqs = seqs;
    }

    @Override
    public boolean hasNext() {
      while (next == null && seqs.hasNext()) {
        long seq = seqs.next();
        next = DocumentHistories.sql(() -> snapshot(c, doc, seq)); // null: not in this transaction's view
      }
      return next != null;
    }

    @Override
    public StoredSnapshot next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      StoredSnapshot out = next;
      next = null;
      return out;
    }
  }

  public record Head(long seq, byte[] hash) {}

  public List<String> documents() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement("SELECT name FROM documents ORDER BY name");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Log rows with fromExclusive < seq <= toInclusive, in the order the store returns by seq. */
  public List<LogRow> rows(String doc, long fromExclusive, long toInclusive) throws SQLException {
    try (Connection c = open()) {
      return rows(c, doc, fromExclusive, toInclusive);
    }
  }

  private List<LogRow> rows(Connection c, String doc, long from, long to) throws SQLException {
    return rows(c, doc, from, to, Long.MAX_VALUE);
  }

  private List<LogRow> rows(Connection c, String doc, long from, long to, long limit) throws SQLException {
    List<LogRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT seq, created_at, actor, connection_id, salt, update_v1, commitment, hash FROM document_updates"
            + " WHERE document = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?")) {
      ps.setString(1, doc);
      ps.setLong(2, from);
      ps.setLong(3, to);
      ps.setLong(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] salt = rs.getBytes(5);
          byte[] update = rs.getBytes(6);
          byte[] commitment = rs.getBytes(7);
          if (salt != null && update == null) {
            salt = null; // damaged row: treated as erased so the verifier reports its hash
          }
          out.add(new LogRow(doc, rs.getLong(1), millis(rs, 2), rs.getString(3), rs.getString(4), salt, update,
              // Rows logged before schema V5 have no commitment: they fail verification.
              commitment == null ? new byte[32] : commitment, rs.getBytes(8)));
        }
      }
    }
    return out;
  }

  private long millis(ResultSet rs, int col) throws SQLException {
    if (sqlite) {
      return rs.getLong(col);
    }
    Timestamp t = rs.getTimestamp(col);
    return t.getTime();
  }

  /** Seqs of the stored snapshots, ascending (states are read one at a time: they are large). */
  public List<Long> snapshotSeqs(String doc) throws SQLException {
    try (Connection c = open()) {
      return snapshotSeqs(c, doc);
    }
  }

  private List<Long> snapshotSeqs(Connection c, String doc) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT seq FROM document_snapshots WHERE document = ? ORDER BY seq")) {
      ps.setString(1, doc);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  public StoredSnapshot snapshot(String doc, long seq) throws SQLException {
    try (Connection c = open()) {
      return snapshot(c, doc, seq);
    }
  }

  private StoredSnapshot snapshot(Connection c, String doc, long seq) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT state_v1 FROM document_snapshots WHERE document = ? AND seq = ?")) {
      ps.setString(1, doc);
      ps.setLong(2, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new StoredSnapshot(seq, rs.getBytes(1)) : null;
      }
    }
  }

  public List<Checkpoint> checkpoints(String doc) throws SQLException {
    try (Connection c = open()) {
      return checkpoints(c, doc);
    }
  }

  private List<Checkpoint> checkpoints(Connection c, String doc) throws SQLException {
    List<Checkpoint> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT seq, head, time_ms, key_id, signature FROM document_checkpoints WHERE document = ? ORDER BY seq")) {
      ps.setString(1, doc);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Checkpoint(doc, rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)));
        }
      }
    }
    return out;
  }

  public List<NamedVersion> named(String doc) throws SQLException {
    List<NamedVersion> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT seq, name, creator, created_at FROM named_versions WHERE document = ? ORDER BY seq, name")) {
      ps.setString(1, doc);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new NamedVersion(rs.getLong(1), rs.getString(2), rs.getString(3), millis(rs, 4)));
        }
      }
    }
    return out;
  }

  public List<RestorePoint> restores(String doc) throws SQLException {
    List<RestorePoint> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT seq, restored_seq, actor, created_at FROM restore_points WHERE document = ? ORDER BY seq")) {
      ps.setString(1, doc);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new RestorePoint(rs.getLong(1), rs.getLong(2), rs.getString(3), millis(rs, 4)));
        }
      }
    }
    return out;
  }

  /**
   * One read transaction for reads that must agree with each other: one WAL snapshot in SQLite,
   * REPEATABLE READ (one snapshot for every statement) in PostgreSQL.
   */
  private <T> T inReadTransaction(SqlRead<T> body) throws SQLException {
    try (Connection c = open()) {
      c.setAutoCommit(false);
      if (!sqlite) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      }
      try {
        return body.read(c);
      } finally {
        c.rollback();
      }
    }
  }

  private interface SqlRead<T> {
    T read(Connection c) throws SQLException;
  }

  /** Documents whose head moved past their newest checkpoint (or that have none yet). */
  public List<Head> headsWithoutCheckpoint(List<String> names) throws SQLException {
    if (sqlite) {
      return inReadTransaction(c -> embeddedHeadsWithoutCheckpoint(c, names));
    }
    List<Head> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT d.head_seq, d.head_hash FROM documents d WHERE d.name = ? AND d.head_seq > 0 AND d.head_seq >"
            + " COALESCE((SELECT MAX(seq) FROM document_checkpoints k WHERE k.document = d.name), 0)")) {
      for (String name : names) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          out.add(rs.next() ? new Head(rs.getLong(1), rs.getBytes(2)) : null);
        }
      }
    }
    return out;
  }

  private static List<Head> embeddedHeadsWithoutCheckpoint(Connection c, List<String> names) throws SQLException {
    Map<String, HeadLedger.Entry> ledger = HeadLedger.read(c);
    List<Head> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(MAX(seq), 0) FROM document_checkpoints WHERE document = ?")) {
      for (String name : names) {
        HeadLedger.Entry head = HeadLedger.head(c, name, ledger);
        long checkpointed = 0;
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            checkpointed = rs.getLong(1);
          }
        }
        boolean moved = head != null && head.seq() > 0 && head.seq() > checkpointed;
        out.add(moved ? new Head(head.seq(), head.hash()) : null);
      }
    }
    return out;
  }

  /**
   * Reads over one connection, for the checkpointer's per-document checks: one connection per
   * document would cost thousands of connects per round when thousands of documents moved.
   */
  public Batch batch() throws SQLException {
    return new Batch(open());
  }

  public final class Batch implements AutoCloseable {
    private final Connection c;

    private Batch(Connection c) {
      this.c = c;
    }

    public List<Checkpoint> checkpoints(String doc) throws SQLException {
      return HistoryDb.this.checkpoints(c, doc);
    }

    public List<LogRow> rows(String doc, long fromExclusive, long toInclusive) throws SQLException {
      return HistoryDb.this.rows(c, doc, fromExclusive, toInclusive);
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }

  /** The document's erasure records in index order. */
  public List<ErasureRecord> erasureRecords(String doc) throws SQLException {
    try (Connection c = open()) {
      return erasureRecords(c, doc);
    }
  }

  private List<ErasureRecord> erasureRecords(Connection c, String doc) throws SQLException {
    List<ErasureRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT idx, prev, time_ms, key_id, backfilled, entries, signature"
        + " FROM erasure_records WHERE document = ? ORDER BY idx")) {
      ps.setString(1, doc);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] entries = rs.getBytes(6);
          out.add(new ErasureRecord(doc, rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4),
              rs.getBoolean(5), ErasureEntries.asOf(entries), ErasureEntries.unpack(entries), rs.getBytes(7)));
        }
      }
    }
    return out;
  }

  /**
   * Stores an erasure record; fails (primary key) when the document already has one with that
   * index, e.g. two erasures of one document racing on two nodes: the loser is simply run again.
   */
  public void addErasureRecord(ErasureRecord r) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement("INSERT INTO erasure_records"
        + " (document, idx, prev, time_ms, key_id, backfilled, entries, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.doc());
      ps.setLong(2, r.index());
      ps.setBytes(3, r.prev());
      ps.setLong(4, r.timeMillis());
      ps.setString(5, r.keyId());
      ps.setBoolean(6, r.backfilled());
      ps.setBytes(7, ErasureEntries.pack(r.entries(), r.asOf()));
      ps.setBytes(8, r.signature());
      ps.executeUpdate();
    }
  }

  /** Documents with at least one erased row (salt dropped), for the erasure log's backfill. */
  public List<String> documentsWithErasedRows() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT DISTINCT document FROM document_updates WHERE salt IS NULL ORDER BY document");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Rows per transaction: one fsync per chunk, and the store's writer waits at most one chunk. */
  static final int CHECKPOINT_CHUNK = 256;

  public void addCheckpoint(Checkpoint cp) throws SQLException {
    addCheckpoints(List.of(cp));
  }

  /**
   * Writes checkpoints over one connection in transactions of {@link #CHECKPOINT_CHUNK} rows.
   * One autocommit insert per document cost an fsync and a write-lock round each: with 10,000
   * moved documents the periodic checkpoint held the SQLite writer off for over a minute.
   */
  public void addCheckpoints(List<Checkpoint> cps) throws SQLException {
    if (cps.isEmpty()) {
      return;
    }
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO document_checkpoints (document, seq, head, time_ms, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING")) {
      c.setAutoCommit(false);
      try {
        for (int i = 0; i < cps.size(); i++) {
          Checkpoint cp = cps.get(i);
          ps.setString(1, cp.doc());
          ps.setLong(2, cp.seq());
          ps.setBytes(3, cp.head());
          ps.setLong(4, cp.timeMillis());
          ps.setString(5, cp.keyId());
          ps.setBytes(6, cp.signature());
          ps.addBatch();
          if ((i + 1) % CHECKPOINT_CHUNK == 0 || i == cps.size() - 1) {
            ps.executeBatch();
            c.commit();
          }
        }
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** False when the name already exists at that seq. */
  public boolean addNamed(String doc, NamedVersion v) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO named_versions (document, seq, name, creator, created_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING")) {
      ps.setString(1, doc);
      ps.setLong(2, v.seq());
      ps.setString(3, v.name());
      ps.setString(4, v.creator());
      setMillis(ps, 5, v.timeMillis());
      return ps.executeUpdate() == 1;
    }
  }

  public void addRestore(String doc, RestorePoint r) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO restore_points (document, seq, restored_seq, actor, created_at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, doc);
      ps.setLong(2, r.seq());
      ps.setLong(3, r.restoredSeq());
      ps.setString(4, r.actor());
      setMillis(ps, 5, r.timeMillis());
      ps.executeUpdate();
    }
  }

  /**
   * Restore points that the log's notes prove but the restore_points index lacks (the server
   * writes that row after the restore's own transaction) are added; existing rows win.
   */
  public void addRestoreIfMissing(String doc, RestorePoint r) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO restore_points (document, seq, restored_seq, actor, created_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING")) {
      ps.setString(1, doc);
      ps.setLong(2, r.seq());
      ps.setLong(3, r.restoredSeq());
      ps.setString(4, r.actor());
      setMillis(ps, 5, r.timeMillis());
      ps.executeUpdate();
    }
  }

  /** Rows with fromExclusive < seq <= toInclusive whose connection id is a server's {@link LogNote}. */
  public List<LogNote> notes(String doc, long fromExclusive, long toInclusive) throws SQLException {
    List<LogNote> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT seq, created_at, actor, connection_id FROM document_updates WHERE document = ? AND seq > ?"
            + " AND seq <= ? AND (connection_id LIKE ? OR connection_id LIKE ?) ORDER BY seq")) {
      ps.setString(1, doc);
      ps.setLong(2, fromExclusive);
      ps.setLong(3, toInclusive);
      ps.setString(4, LogNote.RESTORE_LIKE);
      ps.setString(5, LogNote.SUGGESTION_LIKE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LogNote(rs.getLong(1), millis(rs, 2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  // --- erasure (GDPR Art. 17) and export (Art. 15/20) of one person's rows -------------------

  /** Documents in which {@code actor} has log rows or accepted suggestions (by their note). */
  public List<String> documentsOf(String actor) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT DISTINCT document FROM document_updates WHERE actor = ? OR connection_id LIKE ? ORDER BY document")) {
      ps.setString(1, actor);
      ps.setString(2, suggestionNoteLike(actor));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * One log row attributed to a person, without its content (for the personal data export):
   * sent by them, or an accepted suggestion of theirs ({@code suggestion}, logged by the editor).
   */
  public record Edit(String document, long seq, long timeMillis, boolean erased, String suggestion) {}

  public List<Edit> editsOf(String actor) throws SQLException {
    List<Edit> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT document, seq, created_at, salt IS NULL, actor, connection_id FROM document_updates"
            + " WHERE actor = ? OR connection_id LIKE ? ORDER BY document, seq")) {
      ps.setString(1, actor);
      ps.setString(2, suggestionNoteLike(actor));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LogNote note = new LogNote(rs.getLong(2), 0, rs.getString(5), rs.getString(6));
          var suggestion = note.suggestion().filter(n -> n.suggesterId().equals(actor));
          if (rs.getString(5).equals(actor) || suggestion.isPresent()) {
            out.add(new Edit(rs.getString(1), rs.getLong(2), millis(rs, 3), rs.getBoolean(4),
                suggestion.map(n -> n.suggestionId()).orElse(null)));
          }
        }
      }
    }
    return out;
  }

  /** LIKE pattern for notes naming {@code subject} as suggester (candidates; callers parse exactly). */
  private static String suggestionNoteLike(String subject) {
    return LogNote.SUGGESTION_LIKE + " by " + subject.replace("\\", "_").replace("%", "_");
  }

  /** Named versions created by {@code creator}, as (document, version) pairs. */
  public List<Map.Entry<String, NamedVersion>> namedBy(String creator) throws SQLException {
    List<Map.Entry<String, NamedVersion>> out = new ArrayList<>();
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "SELECT document, seq, name, creator, created_at FROM named_versions WHERE creator = ? ORDER BY document, seq")) {
      ps.setString(1, creator);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Map.entry(rs.getString(1), new NamedVersion(rs.getLong(2), rs.getString(3), rs.getString(4), millis(rs, 5))));
        }
      }
    }
    return out;
  }

  /**
   * Drops a row's salt and replaces its update by the redacted stand-in (the commitment and
   * hash stay, so the chain verifies). False when the row was already erased.
   */
  public boolean eraseRow(String doc, long seq, byte[] redacted, long nowMillis) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "UPDATE document_updates SET salt = NULL, update_v1 = ?, erased_at = ? WHERE document = ? AND seq = ?"
            + " AND salt IS NOT NULL")) {
      ps.setBytes(1, redacted);
      setMillis(ps, 2, nowMillis);
      ps.setString(3, doc);
      ps.setLong(4, seq);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Replaces the stand-in of a row erased in part before by {@code redacted} (some of the units
   * it kept no longer stand), only while it still holds {@code previous}: a concurrent run that
   * got there first is not undone. Salt, commitment and hash are untouched.
   */
  public boolean reeraseRow(String doc, long seq, byte[] previous, byte[] redacted, long nowMillis)
      throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "UPDATE document_updates SET update_v1 = ?, erased_at = ? WHERE document = ? AND seq = ?"
            + " AND salt IS NULL AND update_v1 = ?")) {
      ps.setBytes(1, redacted);
      setMillis(ps, 2, nowMillis);
      ps.setString(3, doc);
      ps.setLong(4, seq);
      ps.setBytes(5, previous);
      return ps.executeUpdate() == 1;
    }
  }

  /** Overwrites a stored snapshot (rebuilt after an erasure). */
  public void replaceSnapshot(String doc, long seq, byte[] state) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "UPDATE document_snapshots SET state_v1 = ? WHERE document = ? AND seq = ?")) {
      ps.setBytes(1, state);
      ps.setString(2, doc);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
  }

  /** Replaces a row's connection id (not hashed): notes written before they named subjects. */
  public void rewriteNote(String doc, long seq, String connectionId) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
        "UPDATE document_updates SET connection_id = ? WHERE document = ? AND seq = ?")) {
      ps.setString(1, connectionId);
      ps.setString(2, doc);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
  }

  private void setMillis(PreparedStatement ps, int col, long millis) throws SQLException {
    if (sqlite) {
      ps.setLong(col, millis);
    } else {
      ps.setTimestamp(col, new Timestamp(millis));
    }
  }

  /** The server's clientID → actor binding (table client_ids; empty when it does not exist yet). */
  public Map<Long, String> clientActors(String doc) {
    Map<Long, String> out = new HashMap<>();
    String where = "SELECT client_id, actor FROM client_ids WHERE document = ?";
    try (Connection c = sqlite
        ? (accessFile != null && Files.exists(accessFile) ? DriverManager.getConnection("jdbc:sqlite:" + accessFile) : null)
        : open()) {
      if (c == null) {
        return out;
      }
      try (PreparedStatement ps = c.prepareStatement(where)) {
        ps.setString(1, doc);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getLong(1), rs.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      // No binding table (older schema): authorship falls back to the row's actor.
    }
    return out;
  }
}
