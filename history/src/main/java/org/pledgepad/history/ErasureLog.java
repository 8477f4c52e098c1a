package org.pledgepad.history;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A document's erasure records as checked against trusted keys: which erased rows they vouch
 * for (and with which stand-in), and what is wrong with the records themselves. Only records
 * whose signature verifies and whose chain from the document's erasure genesis is intact up to
 * them vouch for anything, so deleting, reordering, altering or replaying (from another
 * document) a record leaves its rows unrecorded and names the break. Records are walked in
 * index order; one that does not chain is named and skipped.
 */
public final class ErasureLog {
  private final Map<Long, byte[]> standins;
  /** Per listed seq the asOf of its vouching record (0: none named). */
  private final Map<Long, Long> asOfs;
  /** Seqs whose vouching record is a backfilled one. */
  private final Set<Long> backfilled;
  private final List<Problem> problems;
  private final ErasureRecord last;

  private ErasureLog(Map<Long, byte[]> standins, Map<Long, Long> asOfs, Set<Long> backfilled, List<Problem> problems,
                     ErasureRecord last) {
    this.standins = standins;
    this.asOfs = asOfs;
    this.backfilled = backfilled;
    this.problems = problems;
    this.last = last;
  }

  public static ErasureLog check(String doc, List<ErasureRecord> records, Map<String, PublicKey> keys) {
    List<ErasureRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparingLong(ErasureRecord::index));
    Map<Long, byte[]> standins = new HashMap<>();
    Map<Long, Long> asOfs = new HashMap<>();
    Set<Long> backfilled = new HashSet<>();
    List<Problem> problems = new ArrayList<>();
    byte[] prev = Hashes.erasureGenesis(doc);
    long lastIndex = 0;
    ErasureRecord last = null;
    for (ErasureRecord r : sorted) {
      long at = r.entries().isEmpty() ? 0 : r.entries().get(0).seq();
      String why = null;
      if (!CheckpointSigner.verify(r, doc, keys.get(r.keyId()))) {
        why = keys.containsKey(r.keyId()) ? "signature invalid for this document" : "unknown key id " + r.keyId();
      } else if (r.index() <= lastIndex || !Hashes.same(r.prev(), prev)) {
        // Indexes may skip: the server chains past a record that does not verify (junk inserted
        // by SQL) to the next free index. The prev hash alone decides what follows what.
        why = "does not chain from record " + lastIndex + " (a record was deleted, replaced or reordered)";
      } else if (r.asOf() != 0 && r.entries().stream().anyMatch(e -> e.seq() > r.asOf())) {
        why = "lists a row after the head it was planned at (" + r.asOf() + ")";
      }
      if (why != null) {
        // Skipped: an inserted record does not void the genuine ones, but after a deleted or
        // altered one no later record chains, so nothing after the break vouches for a row.
        problems.add(new Problem(Problem.Kind.ERASURE_RECORD_INVALID, at, "erasure record " + r.index() + ": " + why));
        continue;
      }
      // Ascending index: a later run that erased a row again (after a crash) has the last word.
      for (ErasureRecord.Entry e : r.entries()) {
        standins.put(e.seq(), e.standin());
        asOfs.put(e.seq(), r.asOf());
        if (r.backfilled()) {
          backfilled.add(e.seq());
        } else {
          backfilled.remove(e.seq());
        }
      }
      prev = Hashes.erasureRecordHash(r.message(doc));
      lastIndex = r.index();
      last = r;
    }
    return new ErasureLog(standins, asOfs, backfilled, List.copyOf(problems), last);
  }

  /**
   * The newest record that verifies and chains (null if none): the one the next record chains
   * from. Chaining from the newest stored one instead let a junk row inserted by SQL make every
   * later genuine record fail to chain.
   */
  public ErasureRecord last() {
    return last;
  }

  /** The stand-in digest the newest vouching record names for {@code seq}, or null if none lists it. */
  public byte[] standin(long seq) {
    return standins.get(seq);
  }

  /**
   * The head the record vouching for {@code seq} was planned at: its stand-in may keep content
   * only in units that stood then. 0 when that record names none (only marks allowed).
   */
  public long asOf(long seq) {
    return asOfs.getOrDefault(seq, 0L);
  }

  /** True if the record vouching for {@code seq} was written by the backfill, not by the erasure. */
  public boolean backfilled(long seq) {
    return backfilled.contains(seq);
  }

  public boolean lists(long seq) {
    return standins.containsKey(seq);
  }

  public List<Problem> problems() {
    return problems;
  }
}
