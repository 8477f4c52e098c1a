package org.pledgepad.history;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a verification run found.
 *
 * @param problems everything found, in the order found (the chain check stops at its first
 *     problem, because every later hash depends on it)
 * @param rowsChecked rows whose hash recomputed
 * @param headSeq seq of the last row that verified (0 if none)
 * @param headHash hash of that row (the genesis hash if none)
 * @param checkpointsChecked checkpoints whose signature and head matched
 * @param snapshotsChecked snapshots compared with the replay
 * @param snapshotsSkipped snapshots not compared (after an erased row the replay lacks content)
 * @param erasedRows rows whose content was erased
 * @param backfilledErasures erased rows vouched for by a backfilled record only (erased before
 *     the erasure log existed: the server attests what they held then, not the erasure itself)
 */
public record VerificationReport(List<Problem> problems, long rowsChecked, long headSeq, byte[] headHash,
                                 int checkpointsChecked, int snapshotsChecked, int snapshotsSkipped,
                                 long erasedRows, long backfilledErasures) {
  public boolean ok() {
    return problems.isEmpty();
  }

  /** The problem with the lowest seq: where the history stops being trustworthy. */
  public Optional<Problem> first() {
    return problems.stream().min(Comparator.comparingLong(Problem::seq));
  }

  public String summary() {
    return ok()
        ? "OK: " + rowsChecked + " rows, head seq " + headSeq + " " + Hashes.hex(headHash) + ", "
            + checkpointsChecked + " checkpoints, " + snapshotsChecked + " snapshots checked ("
            + snapshotsSkipped + " skipped), " + erasedRows + " erased rows"
            + (backfilledErasures > 0 ? " (" + backfilledErasures + " under a backfilled record)" : "")
        : "FAILED: " + first().orElseThrow() + " (" + problems.size() + " problem(s))";
  }
}
