package org.pledgepad.server.session;

/**
 * When a document's log tail (the updates since its newest snapshot) is snapshotted. A snapshot
 * encodes the whole document, so one every fixed number of updates costs O(document size) per
 * that many small updates: the larger the document, the more of the event loop it took (22 % at
 * 200 updates, docs/benchmarks.md). Here a snapshot also waits until the tail's bytes reach the
 * newest snapshot's size, so that each encoding is paid for by as many bytes of new log: at most
 * one encoded byte per logged byte, while the tail limits allow it. The tail limits bound what an
 * open after a crash replays on top of the snapshot; applying a tail costs about twice as much
 * per byte as applying a snapshot (measured), so that open costs at most ~3 snapshot applies.
 *
 * @param minUpdates no snapshot for a shorter tail (SNAPSHOT_EVERY) unless maxTailBytes is reached
 * @param maxTailUpdates a tail this long (or minUpdates, if larger) is snapshotted whatever the
 *     sizes (SNAPSHOT_MAX_TAIL)
 * @param maxTailBytes a tail holding this many update bytes is snapshotted whatever its length
 * @param maxEarlier largest fraction by which a session's {@link #jitter()} brings its next
 *     snapshot forward (0: none)
 */
public record SnapshotPolicy(int minUpdates, int maxTailUpdates, long maxTailBytes, double maxEarlier) {
  public static final int DEFAULT_MAX_TAIL_UPDATES = 5_000;
  public static final long DEFAULT_MAX_TAIL_BYTES = 1L << 20;
  /** The server's {@link #maxEarlier}: spreads equal documents over a quarter of their period. */
  public static final double DEFAULT_MAX_EARLIER = 0.25;

  public SnapshotPolicy {
    if (!(maxEarlier >= 0 && maxEarlier < 1)) {
      throw new IllegalArgumentException("maxEarlier must be in [0, 1): " + maxEarlier);
    }
  }

  /** Without jitter: every document comes due exactly at the limits. */
  public SnapshotPolicy(int minUpdates, int maxTailUpdates, long maxTailBytes) {
    this(minUpdates, maxTailUpdates, maxTailBytes, 0);
  }

  /** The default limits with {@code minUpdates} (SNAPSHOT_EVERY). */
  public static SnapshotPolicy withMinimum(int minUpdates) {
    return new SnapshotPolicy(minUpdates, DEFAULT_MAX_TAIL_UPDATES, DEFAULT_MAX_TAIL_BYTES);
  }

  /**
   * @param tailUpdates updates logged after the newest snapshot
   * @param tailBytes their bytes
   * @param snapshotBytes size of the newest snapshot (0: none, or it did not apply)
   */
  public boolean due(long tailUpdates, long tailBytes, long snapshotBytes) {
    return due(tailUpdates, tailBytes, snapshotBytes, 0);
  }

  /**
   * As {@link #due(long, long, long)} with the size rule and the tail limits lowered by the
   * fraction {@code earlier} (never below {@code minUpdates}, never above the limits). Documents
   * loaded together and edited at the same rate otherwise come due within the same second: in
   * the load benchmark all 50 documents' snapshots (an encoding on the event loop and a
   * transaction on the store each) landed within 1-3 s every 15-20 s, ahead of the appends
   * waiting behind them. A session draws its own fraction for each snapshot ({@link #jitter()}).
   *
   * @param earlier in [0, 1)
   */
  public boolean due(long tailUpdates, long tailBytes, long snapshotBytes, double earlier) {
    if (!(earlier >= 0 && earlier < 1)) {
      throw new IllegalArgumentException("earlier must be in [0, 1): " + earlier);
    }
    if (tailUpdates <= 0) {
      return false;
    }
    double keep = 1 - earlier;
    if (tailUpdates >= Math.max(minUpdates, (long) Math.ceil(maxTailUpdates * keep))
        || tailBytes >= (long) Math.ceil(maxTailBytes * keep)) {
      return true;
    }
    return tailUpdates >= minUpdates && tailBytes >= (long) Math.ceil(snapshotBytes * keep);
  }

  /** A fraction for {@link #due(long, long, long, double)}, uniform in [0, maxEarlier). */
  public double jitter() {
    return maxEarlier == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextDouble(maxEarlier);
  }

  /**
   * Whether a tail found when loading is snapshotted right away. Without the size rule: an open
   * with a tail also has to encode the state for a fresh client's step 2, and a snapshot at the
   * head spares every later open both the tail and that encoding (a load happens once per
   * session, an update thousands of times).
   */
  public boolean dueOnLoad(long tailUpdates, long tailBytes) {
    return tailUpdates > 0 && (tailUpdates >= minUpdates || tailBytes >= maxTailBytes);
  }
}
