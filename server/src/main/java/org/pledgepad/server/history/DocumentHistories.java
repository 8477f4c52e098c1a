package org.pledgepad.server.history;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pledgepad.crdt.Doc;
import org.pledgepad.history.AuthorSpan;
import org.pledgepad.history.ClockIndex;
import org.pledgepad.history.ContentKind;
import org.pledgepad.history.DocumentHistory;
import org.pledgepad.history.Erasure;
import org.pledgepad.history.ErasureLog;
import org.pledgepad.history.ErasureRecord;
import org.pledgepad.history.HistoryExport;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.NamedVersion;
import org.pledgepad.history.RestorePoint;
import org.pledgepad.history.Revision;
import org.pledgepad.history.Revisions;
import org.pledgepad.history.StoredSnapshot;
import org.pledgepad.history.VerificationReport;
import org.pledgepad.history.Verifier;
import org.pledgepad.history.VersionDiff;
import org.pledgepad.history.VersionView;
import org.pledgepad.server.store.OwnChains;

/**
 * Blocking history operations over {@link HistoryDb}; run them on worker threads only (they
 * replay CRDT updates). Keeps one {@link ClockIndex} per document, extended as rows arrive, so
 * diffs and authorship do not re-decode the whole log each time. The index is not thread-safe:
 * operations on one document that use it are serialised on a per-document lock.
 */
public final class DocumentHistories {
  private final HistoryDb db;
  private final Map<String, ClockIndex> indexes = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, ContentKind> kinds = new ConcurrentHashMap<>();
  private final Map<String, Object> overviewLocks = new ConcurrentHashMap<>();
  /** Documents whose history overview is kept (each a few KB to a few MB of summaries). */
  static final int CACHED_OVERVIEWS = 64;
  private final RevisionCache revisionCache = new RevisionCache(CACHED_OVERVIEWS);
  /**
   * Documents whose revision grouping is kept with its replay (about two copies of the document
   * each), so that the history page's first request after an edit replays only the rows logged
   * since instead of the whole log. Few: these are the documents being written and read now.
   */
  static final int CACHED_REPLAYS = 4;
  /**
   * A kept replay is started anew after this long: an erasure made on another node rewrites rows
   * this node replayed already. What it could get wrong meanwhile is the sizes of old revisions
   * (the grouping shows no text), and only until then.
   */
  static final long REPLAY_MAX_AGE_MILLIS = 10 * 60_000;

  private record Replay(Revisions.Builder builder, long startedMillis) {}

  private final Map<String, Replay> replays = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Replay> eldest) {
          return size() > CACHED_REPLAYS;
        }
      });

  private final CheckpointKey key;
  private final SignedHeads signedHeads;
  private final OwnChains ownChains;
  /** Heads signed without reading their rows back, and heads checked row by row (/metrics). */
  private final java.util.concurrent.atomic.AtomicLong signedOwn = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong signedChecked = new java.util.concurrent.atomic.AtomicLong();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentHistories.class);
  /** Heads the checkpointer would not sign (/metrics: pledgepad_history_checkpoint_heads_total{outcome="refused"}). */
  private final java.util.concurrent.atomic.AtomicLong refusedHeads = new java.util.concurrent.atomic.AtomicLong();

  public DocumentHistories(HistoryDb db) {
    this(db, null);
  }

  /** @param key the checkpoint key whose signatures verification trusts (null: none) */
  public DocumentHistories(HistoryDb db, CheckpointKey key) {
    this(db, key, null);
  }

  /**
   * @param signedHeads the heads this data directory signed last (null: not remembered); the
   *     checkpointer signs only heads that extend them and updates them, verify checks them
   */
  public DocumentHistories(HistoryDb db, CheckpointKey key, SignedHeads signedHeads) {
    this(db, key, signedHeads, null);
  }

  /**
   * @param ownChains the log stretches this process's store hashed itself (null: every head is
   *     checked against its rows); with {@code signedHeads}, a stretch whose start the checkpointer
   *     once verified is signed without reading its rows back (see {@link OwnChains})
   */
  public DocumentHistories(HistoryDb db, CheckpointKey key, SignedHeads signedHeads, OwnChains ownChains) {
    this.db = db;
    this.key = key;
    this.signedHeads = signedHeads;
    this.ownChains = ownChains;
  }

  /**
   * Signs the head of every document that moved since its last checkpoint and chains from it
   * (or from genesis, see {@link HeadChain}); returns how many were written. Checkpoints make a
   * cut tail visible even if the documents row was rewritten.
   */
  public int checkpoint() {
    return key == null ? 0 : checkpoint(sql(db::documents));
  }

  /** As {@link #checkpoint()} for the named documents only. */
  public int checkpoint(List<String> names) {
    if (key == null) {
      return 0;
    }
    // Before the heads are read: every head in these spans is then at or behind the database's.
    Map<String, OwnChains.Span> own = ownChains == null || signedHeads == null ? Map.of() : ownChains.spans(names);
    List<HistoryDb.Head> heads = sql(() -> db.headsWithoutCheckpoint(names));
    List<org.pledgepad.history.Checkpoint> cps = new ArrayList<>();
    try (HistoryDb.Batch batch = db.batch()) {
      for (int i = 0; i < names.size(); i++) {
        HistoryDb.Head h = heads.get(i);
        if (h == null) {
          continue;
        }
        String doc = names.get(i);
        HistoryDb.Head signed = signedHeads == null ? null : signedHeads.get(doc);
        OwnChains.Span span = own.get(doc);
        if (span != null && span.verified() && signed != null && span.head().seq() > signed.seq()
            && span.head().seq() <= h.seq()) {
          // Rows this process hashed itself, from a row it verified: sign what it computed. The
          // database's head may be further on (appends since the spans were taken): next round.
          cps.add(key.signer().sign(doc, span.head().seq(), span.head().hash(), System.currentTimeMillis()));
          signedOwn.incrementAndGet();
          continue;
        }
        HeadChain.Result r = HeadChain.chains(doc, h, key.publicKeys(), batch, signed,
            span == null ? null : span.base());
        if (r.chains()) {
          cps.add(key.signer().sign(doc, h.seq(), h.hash(), System.currentTimeMillis()));
          signedChecked.incrementAndGet();
          if (r.pointOnChain()) {
            ownChains.verified(doc, span);
          }
        } else {
          refusedHeads.incrementAndGet();
          // Name and seq only: the rows' content stays out of the log.
          LOG.warn("History checkpoint refused: the head of {} at seq {} does not chain from its last checkpoint"
              + " or does not extend the head this server signed last (seq {}); run verify --database",
              doc, h.seq(), signed == null ? "none" : signed.seq());
        }
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(new java.io.IOException("history database: " + e.getMessage(), e));
    }
    sql(() -> {
      db.addCheckpoints(cps);
      return null;
    });
    if (signedHeads != null) {
      try {
        // After the commit: a file behind the checkpoints is harmless (the next round chains from
        // them), one ahead of a lost commit would still name heads the rows hold.
        signedHeads.remember(cps);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cps.size();
  }

  /** How many heads {@link #checkpoint} signed since start without reading their rows back. */
  public long signedOwnHeads() {
    return signedOwn.get();
  }

  /** How many heads {@link #checkpoint} signed since start after checking their rows. */
  public long signedCheckedHeads() {
    return signedChecked.get();
  }

  /** How many heads {@link #checkpoint} refused to sign since start (they did not chain). */
  public long refusedHeads() {
    return refusedHeads.get();
  }

  private Map<String, java.security.PublicKey> trustedKeys() {
    return key == null ? Map.of() : key.publicKeys();
  }

  public HistoryDb db() {
    return db;
  }

  /** Head seq of the document, or -1 when it does not exist. */
  public long headSeq(String doc) {
    return sql(() -> db.head(doc).map(HistoryDb.Head::seq).orElse(-1L));
  }

  /** The document as it stands at its newest row (empty when it has none). */
  public Doc current(String doc) {
    long head = headSeq(doc);
    return head <= 0 ? new Doc() : history(doc, List.of(head), null).docAt(head);
  }

  public VersionView version(String doc, long seq) {
    DocumentHistory h = history(doc, List.of(seq), null);
    return h.version(seq);
  }

  public List<VersionDiff.Change> diff(String doc, long from, long to) {
    synchronized (lock(doc)) {
      DocumentHistory h = history(doc, List.of(from, to), index(doc));
      return h.diff(from, to);
    }
  }

  public List<AuthorSpan> authorship(String doc, long seq) {
    synchronized (lock(doc)) {
      return history(doc, List.of(seq), index(doc)).authorship(seq);
    }
  }

  public List<Revision> revisions(String doc, long head) {
    return overview(doc, head).revisions();
  }

  /**
   * Revisions, named versions, restore points and accepted suggestions as of {@code head},
   * from the cache while nothing changed. Restore points that the log's notes prove but the
   * restore_points table lacks (the server stopped between the restore's commit and writing
   * that row) are added first, so the restore is never lost (see {@link LogNote}).
   */
  public HistoryOverview overview(String doc, long head) {
    synchronized (overviewLock(doc)) {
      HistoryOverview previous = revisionCache.get(doc);
      long scannedTo = previous == null || previous.head() > head ? 0 : previous.head();
      List<LogNote> fresh = scannedTo == head ? List.of() : sql(() -> db.notes(doc, scannedTo, head));
      for (LogNote n : fresh) {
        n.restorePoint().ifPresent(r -> sql(() -> {
          db.addRestoreIfMissing(doc, r);
          return null;
        }));
      }
      List<NamedVersion> named = sql(() -> db.named(doc));
      List<RestorePoint> restores = sql(() -> db.restores(doc));
      if (previous != null && previous.sameInputs(head, named, restores)) {
        return previous;
      }
      List<LogNote> suggestions = RevisionCache.extend(scannedTo == 0 ? null : previous, fresh);
      List<Revision> revs = revisions(doc, head, named, restores);
      HistoryOverview o = new HistoryOverview(head, revs, named, restores, suggestions);
      revisionCache.put(doc, o);
      return o;
    }
  }

  /** The revisions up to {@code head}, from the kept grouping when it can go on from where it is. */
  private List<Revision> revisions(String doc, long head, List<NamedVersion> named, List<RestorePoint> restores) {
    ContentKind kind = kind(doc);
    long now = System.currentTimeMillis();
    Replay kept = replays.remove(doc);
    Replay replay = kept != null && kept.builder().seq() <= head && now - kept.startedMillis() < REPLAY_MAX_AGE_MILLIS
        && kept.builder().madeWith(Revisions.DEFAULT_PAUSE, named, restores, kind)
        ? kept : new Replay(new Revisions.Builder(Revisions.DEFAULT_PAUSE, named, restores, kind), now);
    for (LogRow r : db.rowsInPages(doc, replay.builder().seq(), head)) {
      replay.builder().add(r);
    }
    List<Revision> out = replay.builder().revisions();
    replays.put(doc, replay); // kept only once it is whole: a failed read leaves nothing half-fed
    return out;
  }

  /**
   * The update that turns the document as of {@code head} back into version {@code seq}. Edits
   * logged after {@code head} are untouched by it, so concurrent typing survives the restore.
   */
  public byte[] restoreUpdate(String doc, long head, long seq) {
    DocumentHistory h = history(doc, List.of(head, seq), null);
    Doc current = h.docAt(head);
    return h.restore(current, seq, "restore");
  }

  /**
   * What erasing one person from one document's history did; {@code snapshotsRebuilt} counts the
   * snapshots rewritten because they differed from the redacted replay.
   */
  public record ErasureResult(String document, int redacted, int kept, int snapshotsRebuilt) {}

  /**
   * Erases the content of {@code actor}'s rows of {@code doc} (see {@link #theirs}) that no longer
   * stands in the document (history/README.md, "Erasure policy"): first a signed erasure record
   * listing them, then per row the salt dropped and the update replaced by the redacted stand-in
   * (commitment and hash kept), and the stored snapshots from the first
   * redacted row on rebuilt from the redacted log, so that none still holds the erased text and
   * verification passes. What still stands is kept: a row that stands in part keeps only the
   * units that stand, the rest redacted in its stand-in (history/README.md, "Partial
   * redaction"); {@code redacted} counts rows redacted in whole or in part. Idempotent.
   */
  public ErasureResult erase(String doc, String actor) {
    synchronized (lock(doc)) {
      synchronized (overviewLock(doc)) {
        try {
          return eraseLocked(doc, actor);
        } finally {
          revisionCache.invalidate(doc);
      replays.remove(doc);
          indexes.remove(doc);
        }
      }
    }
  }

  /**
   * Rewrites the notes of accepted suggestions logged before notes named subjects ("... by
   * DISPLAY NAME") to name {@code subject} instead; returns how many. A display name can be
   * shared, so a note whose suggestion {@code suggesterOf} knows to be another person's is left
   * alone; one it does not know (thread gone) is taken by the name. Connection ids are not
   * hashed, so the chain is unaffected.
   */
  public int rewriteLegacyNotes(String doc, String subject, String displayName,
      java.util.function.Function<String, Optional<String>> suggesterOf) {
    int rewritten = 0;
    String prefix = LogNote.SUGGESTION_PREFIX;
    String suffix = " by " + displayName;
    for (LogNote n : sql(() -> db.notes(doc, 0, Long.MAX_VALUE))) {
      String id = n.connectionId();
      if (!id.startsWith(prefix) || !id.endsWith(suffix) || id.length() <= prefix.length() + suffix.length()) {
        continue;
      }
      String suggestion = id.substring(prefix.length(), id.length() - suffix.length());
      if (suggesterOf.apply(suggestion).filter(s -> !s.equals(subject)).isPresent()) {
        continue; // a namesake's suggestion
      }
      String fixed = prefix + suggestion + " by " + subject;
      sql(() -> {
        db.rewriteNote(doc, n.seq(), fixed);
        return null;
      });
      rewritten++;
    }
    if (rewritten > 0) {
      revisionCache.invalidate(doc);
      replays.remove(doc);
    }
    return rewritten;
  }

  /**
   * The rows that carry {@code subject}'s words: those they sent, and accepted suggestions of
   * theirs (logged under the accepting editor, the note names the suggester).
   */
  static boolean theirs(LogRow r, String subject) {
    return r.actor().equals(subject) || new LogNote(r.seq(), r.timeMillis(), r.actor(), r.connectionId()).suggestion()
        .map(n -> n.suggesterId().equals(subject)).orElse(false);
  }

  private ErasureResult eraseLocked(String doc, String actor) {
    List<LogRow> rows = sql(() -> db.rows(doc, 0, Long.MAX_VALUE));
    // Restores that typed the person's words in again are logged under whoever restored.
    Set<Long> retyped = Erasure.restoresRetyping(rows, restores(doc, rows), r -> theirs(r, actor));
    java.util.function.Predicate<LogRow> carries = r -> theirs(r, actor) || retyped.contains(r.seq());
    Erasure.Plan plan = Erasure.plan(rows, carries);
    long now = System.currentTimeMillis();
    List<LogRow> redacted = plan.erased();
    if (!redacted.isEmpty()) {
      // The record commits before any row loses its salt: a run stopped in between leaves rows
      // listed but intact (they verify), and a repeated run records what it erases itself.
      recordErasure(doc, redacted, now, false, plan.asOf());
    }
    List<LogRow> after = new ArrayList<>(rows);
    for (LogRow red : redacted) {
      int at = indexOf(after, red.seq());
      LogRow before = after.get(at);
      // A row erased in part before loses more of what it kept: its stand-in is replaced.
      sql(() -> before.erased() ? db.reeraseRow(doc, red.seq(), before.update(), red.update(), now)
          : db.eraseRow(doc, red.seq(), red.update(), now));
      after.set(at, red);
    }
    // Redactions and snapshot rewrites commit one by one, so an earlier run may have stopped
    // between them. The snapshots are therefore checked from the person's first erased row,
    // whether erased now or before, not only from the rows this run redacted.
    long first = after.stream().filter(r -> r.erased() && carries.test(r)).mapToLong(LogRow::seq).min().orElse(-1);
    if (first < 0) {
      return new ErasureResult(doc, 0, withContent(rows, actor), 0);
    }
    List<Long> candidates = sql(() -> db.snapshotSeqs(doc)).stream().filter(s -> s >= first).toList();
    int rewritten = 0;
    for (StoredSnapshot snap : Erasure.rebuildSnapshots(after, candidates)) {
      StoredSnapshot stored = sql(() -> db.snapshot(doc, snap.seq()));
      // Bytes, not SameState: the verifier's comparison ignores the content of deleted items, which
      // a snapshot written without GC still carries. A snapshot the live server wrote may differ
      // in bytes only and is then rewritten with the same state, which costs a write, not text.
      if (stored == null || java.util.Arrays.equals(stored.state(), snap.state())) {
        continue;
      }
      sql(() -> {
        db.replaceSnapshot(doc, snap.seq(), snap.state());
        return null;
      });
      rewritten++;
    }
    return new ErasureResult(doc, redacted.size(), withContent(after, actor), rewritten);
  }

  /**
   * Restore row seq → restored seq: the restore_points index and the restore notes in the rows
   * themselves (the index row may be missing, see {@link LogNote}).
   */
  private Map<Long, Long> restores(String doc, List<LogRow> rows) {
    Map<Long, Long> out = new java.util.HashMap<>();
    for (RestorePoint p : sql(() -> db.restores(doc))) {
      out.put(p.seq(), p.restoredSeq());
    }
    for (LogRow r : rows) {
      new LogNote(r.seq(), r.timeMillis(), r.actor(), r.connectionId()).restorePoint()
          .ifPresent(p -> out.putIfAbsent(p.seq(), p.restoredSeq()));
    }
    return out;
  }

  /** Signs and stores the next erasure record of {@code doc}, listing {@code erased} as they will be stored. */
  private void recordErasure(String doc, List<LogRow> erased, long now, boolean backfilled, long asOf) {
    if (key == null) {
      // An erased row without a signed record is indistinguishable from a forged one.
      throw new IllegalStateException("erasing history needs the checkpoint key (" + CheckpointKey.FILE + ")");
    }
    List<ErasureRecord> existing = sql(() -> db.erasureRecords(doc));
    // Chained from the newest record that verifies, not the newest stored: a junk row inserted
    // by SQL would otherwise make this record, and every later one, fail to chain. It takes the
    // next index no stored record holds, so the junk neither blocks the insert nor is replaced.
    ErasureRecord previous = ErasureLog.check(doc, existing, trustedKeys()).last();
    java.util.Set<Long> taken = new java.util.HashSet<>();
    existing.forEach(r -> taken.add(r.index()));
    long index = previous == null ? 1 : previous.index() + 1;
    while (taken.contains(index)) {
      index++;
    }
    ErasureRecord record = key.signer().signErasure(doc, previous, index, now, backfilled, asOf,
        erased.stream().map(ErasureRecord.Entry::of).toList());
    sql(() -> {
      db.addErasureRecord(record);
      return null;
    });
  }

  /**
   * The erasure log's one-time backfill (history/README.md, "Erasure policy"): for every
   * document, the erased rows no intact, validly signed record lists get one record flagged
   * {@code backfilled}, fixing the stand-ins they hold now. Meant for rows erased before the
   * erasure log existed; {@link ErasureBackfill} runs it once per data directory, never again,
   * so rows forged later are not signed over. Returns the number of documents given a record.
   */
  public int backfillErasures() {
    if (key == null) {
      return 0;
    }
    int documents = 0;
    for (String doc : sql(db::documentsWithErasedRows)) {
      synchronized (lock(doc)) {
        List<LogRow> rows = sql(() -> db.rows(doc, 0, Long.MAX_VALUE));
        ErasureLog log = ErasureLog.check(doc, sql(() -> db.erasureRecords(doc)), trustedKeys());
        List<LogRow> unrecorded = rows.stream().filter(r -> r.erased() && !log.lists(r.seq())).toList();
        if (!unrecorded.isEmpty()) {
          // No head named: what was erased before the log holds nothing but marks.
          recordErasure(doc, unrecorded, System.currentTimeMillis(), true, 0);
          documents++;
        }
      }
    }
    return documents;
  }

  private static int withContent(List<LogRow> rows, String actor) {
    return (int) rows.stream().filter(r -> theirs(r, actor) && !r.erased()).count();
  }

  private static int indexOf(List<LogRow> rows, long seq) {
    int i = (int) Math.min(seq - 1, rows.size() - 1);
    while (i >= 0 && rows.get(i).seq() != seq) {
      i--;
    }
    return i;
  }

  /** Chain, published head (documents row), checkpoints without pinned keys, snapshots, replay. */
  public VerificationReport verify(String doc) {
    return verify(doc, null);
  }

  /** Verifications running now, per document, for {@link #verifyShared}. */
  private final Map<String, java.util.concurrent.CompletableFuture<VerificationReport>> verifying =
      new ConcurrentHashMap<>();
  /** Test hook: runs inside each verification {@link #verifyShared} starts, before it reads. */
  volatile Runnable beforeSharedVerification = () -> { };

  /**
   * As {@link #verify(String)}, but a request that comes while a verification of the same
   * document runs takes that one's report instead of starting its own. Each opening of the
   * history page asks for a verification (a whole replay with every snapshot checked: seconds for
   * a long log), so without this the page's readers of one document each cost that much at once,
   * up to the history's slots. The report a joiner gets comes from a verification that started
   * before its request, at most one verification's time (seconds) earlier; nothing is kept after
   * the run, so the next request verifies anew.
   */
  public VerificationReport verifyShared(String doc) {
    var mine = new java.util.concurrent.CompletableFuture<VerificationReport>();
    var running = verifying.putIfAbsent(doc, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    try {
      beforeSharedVerification.run();
      VerificationReport r = verify(doc);
      mine.complete(r);
      return r;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      verifying.remove(doc, mine);
    }
  }

  /**
   * As {@link #verify(String)}, checked against a head published elsewhere (seq, hash) instead
   * of the documents row, which someone able to cut the log could rewrite as well.
   */
  public VerificationReport verify(String doc, HistoryDb.Head published) {
    // Inside the read transaction: the snapshots stream from it into the replay one at a time.
    return sql(() -> db.readLog(doc, log -> {
      Verifier v = new Verifier(doc).snapshotsInOrder(log.snapshots());
      java.util.Optional<HistoryDb.Head> head = published != null ? java.util.Optional.of(published) : log.head();
      head.ifPresent(h -> {
        if (h.seq() > 0) {
          v.publishedHead(h.seq(), h.hash());
        }
      });
      if (!log.checkpoints().isEmpty()) {
        v.checkpoints(log.checkpoints(), trustedKeys());
      }
      v.erasures(log.erasures(), trustedKeys());
      HistoryDb.Head signed = signedHeads == null ? null : signedHeads.get(doc);
      if (signed != null) {
        v.signedHead(signed.seq(), signed.hash());
      }
      return v.verify(log.rows());
    }));
  }

  /** The export file whole in memory (tests, benchmarks); the HTTP route streams it instead. */
  public byte[] export(String doc) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      export(doc, out);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the export file into {@code out} from inside the read transaction, snapshot by
   * snapshot; {@code out} may block (a slow client), which keeps the transaction open that long.
   * An {@link java.io.IOException} from {@code out} ends the read and closes the transaction.
   */
  public void export(String doc, java.io.OutputStream out) throws java.io.IOException {
    try {
      sql(() -> db.readLog(doc, log -> {
        try {
          HistoryExport.write(out, doc, log.rows(), log.checkpoints(), trustedKeys(), log.snapshots(), log.erasures());
          return null;
        } catch (java.io.IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private DocumentHistory history(String doc, List<Long> seqs, ClockIndex index) {
    // Only the snapshots the requested versions start from are loaded: each is a full state.
    List<Long> available = sql(() -> db.snapshotSeqs(doc));
    List<StoredSnapshot> snaps = new ArrayList<>();
    for (long seq : seqs) {
      long best = -1;
      for (long s : available) {
        if (s <= seq && s > best) {
          best = s;
        }
      }
      long chosen = best;
      if (chosen > 0 && snaps.stream().noneMatch(x -> x.seq() == chosen)) {
        StoredSnapshot snap = sql(() -> db.snapshot(doc, chosen));
        if (snap != null) {
          snaps.add(snap);
        }
      }
    }
    snaps.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    Map<Long, String> actors = db.clientActors(doc);
    ContentKind kind = kind(doc);
    return new DocumentHistory(kind, (from, to) -> db.rowsInPages(doc, from, to), snaps, actors, index);
  }

  /** What the root "default" holds, detected once from the log (the web client writes XML). */
  private ContentKind kind(String doc) {
    ContentKind known = kinds.get(doc);
    if (known != null) {
      return known;
    }
    List<LogRow> first = sql(() -> db.rows(doc, 0, 50));
    if (first.isEmpty()) {
      return ContentKind.XML;
    }
    Doc probe = new Doc();
    for (LogRow r : first) {
      if (r.update() != null) {
        try {
          org.pledgepad.crdt.Y.applyUpdate(probe, r.update());
        } catch (RuntimeException e) {
          // An undecodable row is the verifier's business; the guess uses what applies.
        }
      }
    }
    ContentKind k = ContentKind.detect(probe, ContentKind.XML);
    kinds.put(doc, k);
    return k;
  }

  private ClockIndex index(String doc) {
    return indexes.computeIfAbsent(doc, d -> new ClockIndex());
  }

  private Object lock(String doc) {
    return locks.computeIfAbsent(doc, d -> new Object());
  }

  private Object overviewLock(String doc) {
    return overviewLocks.computeIfAbsent(doc, d -> new Object());
  }

  public interface SqlCall<T> {
    T call() throws SQLException;
  }

  public static <T> T sql(SqlCall<T> c) {
    try {
      return c.call();
    } catch (SQLException e) {
      throw new UncheckedIOException(new java.io.IOException("history database: " + e.getMessage(), e));
    }
  }
}
