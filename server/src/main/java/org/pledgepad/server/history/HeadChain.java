package org.pledgepad.server.history;

import java.security.PublicKey;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.pledgepad.history.Checkpoint;
import org.pledgepad.history.CheckpointSigner;
import org.pledgepad.history.Hashes;
import org.pledgepad.history.VerificationReport;
import org.pledgepad.history.Verifier;

/**
 * Whether a head the database reports chains from the newest checkpoint we signed (or from
 * genesis). Signing a head unchecked would put our signature on rows someone rewrote by SQL
 * (with the checkpoints that would expose them deleted). Only the hash chain and commitments
 * of the rows since that checkpoint are checked, not a replay: the checkpointer runs often.
 * With the head this node signed last ({@link SignedHeads}), the head must also extend that one:
 * a log rewritten from genesis with its checkpoints deleted chains, but not from there.
 */
final class HeadChain {
  private HeadChain() {}

  /** The outcome: whether the head chains, and whether {@code point} lies on the rows checked. */
  record Result(boolean chains, boolean pointOnChain) {}

  /**
   * @param signed the head this node signed last for {@code doc}, or null (none, or not remembered)
   * @param point a head to look for on the checked chain (the base of rows this process hashed
   *     itself, see {@link org.pledgepad.server.store.OwnChains}), or null
   */
  static Result chains(String doc, HistoryDb.Head head, Map<String, PublicKey> keys, HistoryDb.Batch db,
      HistoryDb.Head signed, org.pledgepad.server.store.OwnChains.Head point) throws SQLException {
    long baseSeq = 0;
    byte[] baseHash = Hashes.genesis(doc);
    List<Checkpoint> cps = db.checkpoints(doc);
    for (int i = cps.size() - 1; i >= 0; i--) { // newest first: one signature check, as a rule
      Checkpoint c = cps.get(i);
      if (c.doc().equals(doc) && CheckpointSigner.verify(c, keys.get(c.keyId()))) {
        baseSeq = c.seq();
        baseHash = c.head();
        break;
      }
    }
    if (signed != null) {
      if (signed.seq() > head.seq()) {
        return new Result(false, false); // behind what was signed: cut, or the database restored from an older backup
      }
      if (signed.seq() > baseSeq || (signed.seq() == baseSeq && !Hashes.same(signed.hash(), baseHash))) {
        // No valid checkpoint at or after it (deleted?): the rows must chain from what we signed.
        baseSeq = signed.seq();
        baseHash = signed.hash();
      } else if (signed.seq() < baseSeq && !rowHashIs(db, doc, signed)) {
        return new Result(false, false); // rewritten beneath a later checkpoint
      }
    }
    if (baseSeq >= head.seq()) {
      // A head at or behind a genuine checkpoint moved backwards (or is that checkpoint).
      boolean ok = baseSeq == head.seq() && Hashes.same(baseHash, head.hash());
      return new Result(ok, ok && point != null && onChain(db, doc, point, baseSeq, baseHash, List.of()));
    }
    List<org.pledgepad.history.LogRow> rows = db.rows(doc, baseSeq, head.seq());
    // The chain alone: a checkpoint signs hashes, which an erasure (forged or not) leaves as they
    // were; erased rows are checked against the erasure log by verify.
    VerificationReport r = new Verifier(doc).resumeFrom(baseSeq, baseHash, null).checkErasures(false)
        .publishedHead(head.seq(), head.hash()).verify(rows);
    boolean ok = r.ok() && r.headSeq() == head.seq();
    return new Result(ok, ok && point != null && onChain(db, doc, point, baseSeq, baseHash, rows));
  }

  /**
   * Whether {@code point} is the base, one of the (verified, contiguous) rows after it, or a row
   * before it from which the rows chain to the base: then it is the row the base's checkpoint (or
   * this node's signed head) commits to. The last case reads the rows between them once; it
   * arises when another node signed a checkpoint inside this node's run of appends.
   */
  private static boolean onChain(HistoryDb.Batch db, String doc, org.pledgepad.server.store.OwnChains.Head point,
      long baseSeq, byte[] baseHash, List<org.pledgepad.history.LogRow> rows) throws SQLException {
    if (point.seq() == baseSeq) {
      return Hashes.same(point.hash(), baseHash);
    }
    if (point.seq() < baseSeq) {
      VerificationReport r = new Verifier(doc).resumeFrom(point.seq(), point.hash(), null).checkErasures(false)
          .publishedHead(baseSeq, baseHash).verify(db.rows(doc, point.seq(), baseSeq));
      return r.ok() && r.headSeq() == baseSeq;
    }
    long i = point.seq() - baseSeq - 1;
    return i >= 0 && i < rows.size() && rows.get((int) i).seq() == point.seq()
        && Hashes.same(rows.get((int) i).hash(), point.hash());
  }

  private static boolean rowHashIs(HistoryDb.Batch db, String doc, HistoryDb.Head expected) throws SQLException {
    List<org.pledgepad.history.LogRow> row = db.rows(doc, expected.seq() - 1, expected.seq());
    return row.size() == 1 && Hashes.same(row.get(0).hash(), expected.hash());
  }
}
