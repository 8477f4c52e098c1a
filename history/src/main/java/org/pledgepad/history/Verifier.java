package org.pledgepad.history;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.StructStore;
import org.pledgepad.crdt.Y;

/**
 * Checks a document's log: hash chain, seq continuity, checkpoint signatures and heads, that
 * every erased row is vouched for by the signed erasure log ({@link ErasureLog}) and keeps only
 * its recorded stand-in, and that replaying the updates gives each stored snapshot. Rows are
 * streamed once, in the order the store returns them (which must be seq order); memory stays one
 * row plus one document (and a set of the erased seqs the records list).
 */
public final class Verifier {
  /**
   * Erased rows named one by one; beyond that one problem counts the rest. An old export of B4
   * without erasure records would otherwise list 154,926 unrecorded rows.
   */
  static final int ERASURE_PROBLEMS_LISTED = 100;
  private final String doc;
  private final TreeMap<Long, List<Checkpoint>> checkpoints = new TreeMap<>();
  private Map<String, PublicKey> keys = Map.of();
  /** Ascending by seq; iterated once, alongside the rows, so a lazy source holds one at a time. */
  private Iterable<StoredSnapshot> snapshots = List.of();
  private Long publishedSeq;
  private byte[] publishedHash;
  private Long signedSeq;
  private byte[] signedHash;
  private boolean replay = true;
  private long resumeSeq;
  private byte[] resumeHash;
  private StoredSnapshot resumeState;
  private List<ErasureRecord> erasures = List.of();
  private Map<String, PublicKey> erasureKeys = Map.of();
  private boolean checkErasures = true;

  public Verifier(String doc) {
    this.doc = doc;
  }

  public Verifier checkpoints(List<Checkpoint> cs, Map<String, PublicKey> publicKeys) {
    for (Checkpoint c : cs) {
      checkpoints.computeIfAbsent(c.seq(), k -> new ArrayList<>()).add(c);
    }
    keys = Map.copyOf(publicKeys);
    return this;
  }

  /** Snapshots in any order (the last one given for a seq counts). */
  public Verifier snapshots(List<StoredSnapshot> ss) {
    TreeMap<Long, StoredSnapshot> bySeq = new TreeMap<>();
    for (StoredSnapshot s : ss) {
      bySeq.put(s.seq(), s);
    }
    snapshots = List.copyOf(bySeq.values());
    return this;
  }

  /**
   * Snapshots in strictly ascending seq order, taken one at a time as the replay reaches each, e.g.
   * read lazily from the store's read transaction: then only one is in memory at a time (the B4
   * log's 1,298 snapshots are 162 MB). One out of order is not checked.
   */
  public Verifier snapshotsInOrder(Iterable<StoredSnapshot> ascending) {
    snapshots = ascending;
    return this;
  }

  /**
   * The document's erasure records and the keys trusted to sign them. Without them every erased
   * row is reported as {@link Problem.Kind#ERASURE_UNRECORDED}: a missing salt proves nothing.
   */
  public Verifier erasures(List<ErasureRecord> records, Map<String, PublicKey> trustedKeys) {
    erasures = List.copyOf(records);
    erasureKeys = Map.copyOf(trustedKeys);
    return this;
  }

  /**
   * Whether erased rows are checked against the erasure records (default on). Off only for
   * checks about the chain alone, such as whether a head may be signed.
   */
  public Verifier checkErasures(boolean on) {
    checkErasures = on;
    return this;
  }

  /** A head published outside the store (e.g. in the council minutes): the log must reach it. */
  public Verifier publishedHead(long seq, byte[] hash) {
    publishedSeq = seq;
    publishedHash = hash.clone();
    return this;
  }

  /**
   * The head the server signed last and remembers outside the store (its data directory): the log
   * must reach it with that hash. Catches a log rewritten from genesis with every hash recomputed
   * and every checkpoint deleted, which chains again on its own.
   */
  public Verifier signedHead(long seq, byte[] hash) {
    signedSeq = seq;
    signedHash = hash.clone();
    return this;
  }

  /**
   * Verifies only rows after {@code seq}, trusting (seq, hash) — e.g. a checkpoint verified
   * earlier. {@code state} is the document at seq for the replay (a stored snapshot); without it
   * replay is off.
   */
  public Verifier resumeFrom(long seq, byte[] hash, StoredSnapshot state) {
    if (state != null && state.seq() != seq) {
      throw new IllegalArgumentException("state must be the snapshot at seq " + seq);
    }
    resumeSeq = seq;
    resumeHash = hash.clone();
    resumeState = state;
    if (state == null) {
      replay = false;
    }
    return this;
  }

  /** Replaying is the expensive part; without it snapshots and decodability are not checked. */
  public Verifier replay(boolean on) {
    replay = on;
    return this;
  }

  public VerificationReport verify(Iterable<LogRow> rows) {
    List<Problem> problems = new ArrayList<>();
    int checkpointsOk = 0;
    for (List<Checkpoint> atSeq : checkpoints.values()) {
      for (Checkpoint c : atSeq) {
        if (!c.doc().equals(doc) || !CheckpointSigner.verify(c, keys.get(c.keyId()))) {
          problems.add(new Problem(Problem.Kind.BAD_SIGNATURE, c.seq(),
              keys.containsKey(c.keyId()) ? "checkpoint signature invalid" : "unknown key id " + c.keyId()));
        }
      }
    }
    ErasureLog erasureLog = checkErasures ? ErasureLog.check(doc, erasures, erasureKeys) : null;
    if (erasureLog != null) {
      problems.addAll(erasureLog.problems());
    }
    int badSignatures = problems.size();

    Doc replayDoc = replay ? new Doc() : null;
    int snapshotsOk = 0;
    int snapshotsSkipped = 0;
    boolean erasedSeen = false;
    long erased = 0;
    long backfilled = 0;
    List<Problem> erasureProblems = new ArrayList<>();
    // Units partial stand-ins kept, by the head their record was planned at: checked there.
    TreeMap<Long, List<Kept>> kept = new TreeMap<>();
    long expected = resumeSeq + 1;
    byte[] prev = resumeHash != null ? resumeHash : Hashes.genesis(doc);
    long rowsOk = 0;
    if (replayDoc != null && resumeState != null) {
      Y.applyUpdate(replayDoc, resumeState.state());
    }
    Iterator<StoredSnapshot> snaps = snapshots.iterator();
    StoredSnapshot snap = snaps.hasNext() ? snaps.next() : null;
    long lastSnapshotSeq = snap == null ? 0 : snap.seq();
    if (snap != null && snap.seq() == 0) {
      if (replayDoc != null && resumeSeq == 0) {
        snapshotsOk += compareSnapshot(replayDoc, snap, problems) ? 1 : 0;
      }
      snap = snaps.hasNext() ? snaps.next() : null;
    }
    Iterator<LogRow> it = rows.iterator();
    LogRow row = it.hasNext() ? it.next() : null;
    while (row != null) {
      LogRow next = it.hasNext() ? it.next() : null;
      if (row.seq() < expected) {
        problems.add(new Problem(Problem.Kind.SEQ_ORDER, row.seq(), "seq " + row.seq() + " after " + (expected - 1)));
        break;
      }
      if (row.seq() > expected) {
        boolean later = next != null && next.seq() == expected;
        problems.add(later
            ? new Problem(Problem.Kind.SEQ_ORDER, expected, "seq " + row.seq() + " comes before " + expected)
            : new Problem(Problem.Kind.SEQ_GAP, expected, "next row has seq " + row.seq()));
        break;
      }
      if (!row.doc().equals(doc)) {
        problems.add(new Problem(Problem.Kind.HASH_MISMATCH, row.seq(), "row belongs to document " + row.doc()));
        break;
      }
      if (!row.erased() && !Hashes.same(Hashes.commitment(row.salt(), row.update()), row.commitment())) {
        problems.add(new Problem(Problem.Kind.HASH_MISMATCH, row.seq(), "update or salt does not match its commitment"));
        break;
      }
      byte[] h = Hashes.rowHash(prev, doc, row.seq(), row.timeMillis(), row.actor(), row.commitment());
      if (!Hashes.same(h, row.hash())) {
        problems.add(new Problem(Problem.Kind.HASH_MISMATCH, row.seq(), "row hash does not recompute"));
        break;
      }
      rowsOk++;
      for (Checkpoint c : checkpoints.getOrDefault(row.seq(), List.of())) {
        if (!Hashes.same(c.head(), h)) {
          problems.add(new Problem(Problem.Kind.CHECKPOINT_MISMATCH, row.seq(), "checkpoint by " + c.keyId()
              + " names another head"));
        } else {
          checkpointsOk++;
        }
      }
      if (publishedSeq != null && publishedSeq == row.seq() && !Hashes.same(publishedHash, h)) {
        problems.add(new Problem(Problem.Kind.CHECKPOINT_MISMATCH, row.seq(), "published head differs"));
      }
      if (signedSeq != null && signedSeq == row.seq() && !Hashes.same(signedHash, h)) {
        problems.add(new Problem(Problem.Kind.CHECKPOINT_MISMATCH, row.seq(),
            "the head the server signed last differs (log rewritten)"));
      }
      if (row.erased()) {
        erased++;
        if (erasureLog != null) {
          checkErased(row, erasureLog, erasureProblems, kept);
          backfilled += erasureLog.backfilled(row.seq()) ? 1 : 0;
        }
        // A plain tombstone leaves a hole in the replay; a redacted stand-in does not, and the
        // server rebuilds later snapshots from the redacted replay when it erases.
        erasedSeen |= row.update() == null;
      }
      if (row.update() != null && replayDoc != null) {
        try {
          Y.applyUpdate(replayDoc, row.update());
        } catch (RuntimeException e) {
          problems.add(new Problem(Problem.Kind.UNDECODABLE_UPDATE, row.seq(), String.valueOf(e.getMessage())));
          replayDoc = null;
        }
      }
      List<Kept> due = kept.remove(row.seq());
      if (due != null) {
        checkKept(replayDoc, row.seq(), due, erasureProblems);
      }
      while (snap != null && snap.seq() < row.seq()) { // at or before a resumed seq: not checked
        lastSnapshotSeq = Math.max(lastSnapshotSeq, snap.seq());
        snap = snaps.hasNext() ? snaps.next() : null;
      }
      if (snap != null && snap.seq() == row.seq()) {
        if (replayDoc == null || erasedSeen) {
          snapshotsSkipped++;
        } else if (compareSnapshot(replayDoc, snap, problems)) {
          snapshotsOk++;
        }
        lastSnapshotSeq = Math.max(lastSnapshotSeq, snap.seq());
        snap = snaps.hasNext() ? snaps.next() : null;
      }
      prev = h;
      expected = row.seq() + 1;
      row = next;
    }
    kept.forEach((asOf, rs) -> rs.forEach(k -> erasureProblems.add(new Problem(Problem.Kind.ERASURE_STANDIN_CONTENT,
        k.seq(), "stand-in keeps content, but the log ends before seq " + asOf + ", the head its erasure record names"))));
    problems.addAll(erasureProblems.subList(0, Math.min(erasureProblems.size(), ERASURE_PROBLEMS_LISTED)));
    if (erasureProblems.size() > ERASURE_PROBLEMS_LISTED) {
      Problem next = erasureProblems.get(ERASURE_PROBLEMS_LISTED);
      problems.add(new Problem(next.kind(), next.seq(), "and " + (erasureProblems.size() - ERASURE_PROBLEMS_LISTED)
          + " more erased rows from here on fail their erasure check (not listed)"));
    }
    boolean chainBroken = problems.size() > badSignatures && row != null;
    long last = expected - 1;
    if (!chainBroken) {
      // Snapshots beyond the last row (a cut log) are read only to learn how far they reach.
      while (snap != null) {
        lastSnapshotSeq = Math.max(lastSnapshotSeq, snap.seq());
        snap = snaps.hasNext() ? snaps.next() : null;
      }
      long needed = Math.max(Math.max(checkpoints.isEmpty() ? 0 : checkpoints.lastKey(), signedSeq == null ? 0 : signedSeq),
          Math.max(publishedSeq == null ? 0 : publishedSeq, lastSnapshotSeq));
      if (needed > last) {
        problems.add(new Problem(Problem.Kind.TRUNCATED, last + 1, "log ends at seq " + last
            + " but a checkpoint, published head or snapshot reaches seq " + needed));
      }
    }
    return new VerificationReport(List.copyOf(problems), rowsOk, last, prev, checkpointsOk, snapshotsOk,
        snapshotsSkipped, erased, backfilled);
  }

  /** The units a partial stand-in of row {@code seq} kept: runs {client, clock, length}. */
  private record Kept(long seq, List<long[]> units) {}

  /**
   * An erased row is one a signed record lists, keeping exactly the stand-in the record names,
   * and that stand-in is nothing but redaction marks — or, under a record that names the head
   * it was planned at, marks except in units that stood at that head, which {@link #checkKept}
   * checks once the replay is there (history/README.md, "Partial redaction"). One hash and one
   * decode per erased row.
   */
  private static void checkErased(LogRow row, ErasureLog log, List<Problem> problems, Map<Long, List<Kept>> kept) {
    byte[] standin = log.standin(row.seq());
    if (standin == null) {
      problems.add(new Problem(Problem.Kind.ERASURE_UNRECORDED, row.seq(),
          "row has no salt but no valid erasure record lists it"));
      return;
    }
    if (!Hashes.same(standin, Hashes.standin(row.update()))) {
      problems.add(new Problem(Problem.Kind.ERASURE_STANDIN_CONTENT, row.seq(),
          "stand-in differs from the one its erasure record names"));
      return;
    }
    if (row.update() == null) {
      return;
    }
    List<long[]> units = Redaction.contentUnits(row.update());
    long asOf = log.asOf(row.seq());
    if (units == null || !units.isEmpty() && asOf == 0) {
      problems.add(new Problem(Problem.Kind.ERASURE_STANDIN_CONTENT, row.seq(),
          "stand-in holds more than redaction marks"));
    } else if (!units.isEmpty()) {
      kept.computeIfAbsent(asOf, k -> new ArrayList<>()).add(new Kept(row.seq(), units));
    }
  }

  /** Every unit a partial stand-in kept must be present, not deleted, at the head its record names. */
  private static void checkKept(Doc replayDoc, long asOf, List<Kept> due, List<Problem> problems) {
    for (Kept k : due) {
      if (replayDoc == null) {
        problems.add(new Problem(Problem.Kind.ERASURE_STANDIN_CONTENT, k.seq(),
            "stand-in keeps content that cannot be checked without replaying to seq " + asOf));
        continue;
      }
      for (long[] u : k.units()) {
        if (!standing(replayDoc, u[0], u[1], u[1] + u[2])) {
          problems.add(new Problem(Problem.Kind.ERASURE_STANDIN_CONTENT, k.seq(),
              "stand-in keeps content that did not stand at seq " + asOf + ", the head its erasure record names"));
          break;
        }
      }
    }
  }

  private static boolean standing(Doc doc, long client, long from, long to) {
    if (StructStore.getState(doc.store, client) < to) {
      return false;
    }
    for (long clock = from; clock < to; ) {
      AbstractStruct s = StructStore.find(doc.store, client, clock);
      if (!(s instanceof Item item) || item.deleted()) {
        return false;
      }
      clock = s.clock + s.length;
    }
    return true;
  }

  private static boolean compareSnapshot(Doc replayDoc, StoredSnapshot snap, List<Problem> problems) {
    Doc stored = new Doc();
    try {
      Y.applyUpdate(stored, snap.state());
    } catch (RuntimeException e) {
      problems.add(new Problem(Problem.Kind.SNAPSHOT_MISMATCH, snap.seq(), "snapshot cannot be decoded"));
      return false;
    }
    if (!SameState.of(replayDoc, stored)) {
      problems.add(new Problem(Problem.Kind.SNAPSHOT_MISMATCH, snap.seq(), "replay differs from stored snapshot"));
      return false;
    }
    return true;
  }
}
