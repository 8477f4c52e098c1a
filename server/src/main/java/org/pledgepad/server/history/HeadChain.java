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
 */
final class HeadChain {
  private HeadChain() {}

  static boolean chains(String doc, HistoryDb.Head head, Map<String, PublicKey> keys, HistoryDb.Batch db)
      throws SQLException {
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
    if (baseSeq >= head.seq()) {
      // A head at or behind a genuine checkpoint moved backwards (or is that checkpoint).
      return baseSeq == head.seq() && Hashes.same(baseHash, head.hash());
    }
    List<org.pledgepad.history.LogRow> rows = db.rows(doc, baseSeq, head.seq());
    // The chain alone: a checkpoint signs hashes, which an erasure (forged or not) leaves as they
    // were; erased rows are checked against the erasure log by verify.
    VerificationReport r = new Verifier(doc).resumeFrom(baseSeq, baseHash, null).checkErasures(false)
        .publishedHead(head.seq(), head.hash()).verify(rows);
    return r.ok() && r.headSeq() == head.seq();
  }
}
