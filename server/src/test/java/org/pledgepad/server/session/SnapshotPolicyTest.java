package org.pledgepad.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotPolicyTest {
  private final SnapshotPolicy policy = new SnapshotPolicy(200, 5_000, 1 << 20);

  @Test
  void nothingLoggedSinceTheSnapshotIsNeverDue() {
    assertThat(policy.due(0, 0, 0)).isFalse();
    assertThat(policy.due(0, 2 << 20, 10)).isFalse();
  }

  @Test
  void withoutASnapshotTheMinimumCountDecides() {
    assertThat(policy.due(199, 1_000, 0)).isFalse();
    assertThat(policy.due(200, 1_000, 0)).isTrue();
  }

  @Test
  void aTailMustHoldAsManyBytesAsTheSnapshot() {
    assertThat(policy.due(200, 9_999, 10_000)).isFalse();
    assertThat(policy.due(200, 10_000, 10_000)).isTrue();
    assertThat(policy.due(199, 10_000, 10_000)).as("and the minimum count").isFalse();
  }

  @Test
  void theTailsLengthAndBytesAreBoundedWhateverTheSnapshotsSize() {
    assertThat(policy.due(4_999, 100_000, 1 << 30)).isFalse();
    assertThat(policy.due(5_000, 100_000, 1 << 30)).isTrue();
    assertThat(policy.due(3, 1 << 20, 1 << 30)).as("1 MiB of tail, below the minimum count").isTrue();
  }

  @Test
  void aTailFoundOnLoadIsSnapshottedFromTheMinimumCountWhateverTheSnapshotsSize() {
    assertThat(policy.due(4_463, 130_000, 1_800_000)).isFalse();
    assertThat(policy.dueOnLoad(4_463, 130_000)).isTrue();
    assertThat(policy.dueOnLoad(199, 6_000)).isFalse();
    assertThat(policy.dueOnLoad(3, 1 << 20)).isTrue();
    assertThat(policy.dueOnLoad(0, 0)).isFalse();
  }

  @Test
  void aMinimumAboveTheTailLimitWins() {
    SnapshotPolicy rare = new SnapshotPolicy(20_000, 5_000, 1 << 20);
    assertThat(rare.due(19_999, 100_000, 1 << 30)).isFalse();
    assertThat(rare.due(20_000, 100_000, 1 << 30)).isTrue();
  }

  @Test
  void earlierLowersTheSizeRuleAndTheTailLimitsButNeverTheMinimumCount() {
    assertThat(policy.due(3_999, 100_000, 1 << 30, 0.2)).isFalse();
    assertThat(policy.due(4_000, 100_000, 1 << 30, 0.2)).isTrue();
    assertThat(policy.due(200, 8_000, 10_000, 0.2)).isTrue();
    assertThat(policy.due(200, 7_999, 10_000, 0.2)).isFalse();
    assertThat(policy.due(3, 838_861, 1 << 30, 0.2)).as("0.8 MiB of tail").isTrue();
    assertThat(policy.due(199, 1 << 30, 0, 0.2)).as("below the minimum count, by the byte limit")
        .isTrue();
    assertThat(policy.due(199, 10_000, 10_000, 0.24)).as("the minimum count stays").isFalse();
    assertThat(policy.due(0, 1 << 30, 10, 0.2)).isFalse();
    assertThat(policy.due(5_000, 100_000, 1 << 30, 0)).isEqualTo(policy.due(5_000, 100_000, 1 << 30));
  }

  @Test
  void earlierOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new SnapshotPolicy(1, 1, 1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.due(1, 1, 1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.due(1, 1, 1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.due(1, 1, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * 50 documents loaded together and edited at one rate (the load benchmark): without the jitter
   * every snapshot of all of them comes due at the same update; with it, their first snapshots
   * spread over a range of updates and stay within the limits.
   */
  @Test
  void equalDocumentsComeDueAtSpreadPointsWithTheJitter() {
    SnapshotPolicy jittered = new SnapshotPolicy(200, 5_000, 1 << 20, SnapshotPolicy.DEFAULT_MAX_EARLIER);
    java.util.Set<Long> without = new java.util.TreeSet<>();
    java.util.TreeSet<Long> with = new java.util.TreeSet<>();
    for (int d = 0; d < 50; d++) {
      assertThat(policy.jitter()).as("a policy without jitter").isZero();
      without.add(firstDue(policy, policy.jitter()));
      double j = jittered.jitter();
      assertThat(j).isGreaterThanOrEqualTo(0).isLessThan(SnapshotPolicy.DEFAULT_MAX_EARLIER);
      with.add(firstDue(jittered, j));
    }
    assertThat(without).containsExactly(5_000L);
    assertThat(with.first()).isGreaterThanOrEqualTo(3_750);
    assertThat(with.last()).isLessThanOrEqualTo(5_000);
    assertThat(with.last() - with.first()).as("spread in updates").isGreaterThan(500);
  }

  /** The update at which a tail of 40-byte updates (after a 1 GiB snapshot: only the limits apply) comes due. */
  private static long firstDue(SnapshotPolicy p, double earlier) {
    for (long n = 1; ; n++) {
      if (p.due(n, 40 * n, 1L << 30, earlier)) {
        return n;
      }
    }
  }

  /**
   * A document typed at random positions, as in load-bench and server/bench/open-time.sh: each
   * update ~30 bytes, its snapshot ~18 bytes per character (measured: 1,805,885 bytes for
   * 100,000 updates). Every 200 updates, the encoded bytes grow with the square of its length
   * (450 MB over 100,000 updates); here 18 MB, and no tail is longer than the limit.
   */
  @Test
  void aGrowingDocumentIsReEncodedFarLessOftenWithABoundedTail() {
    long[] every200 = simulate(new SnapshotPolicy(200, 200, 1 << 20));
    long[] amortized = simulate(policy);
    assertThat(every200).containsExactly(450_900_000, 200, 500);
    assertThat(amortized[0] * 20).as("encoded bytes").isLessThan(every200[0]);
    assertThat(amortized[1]).as("longest tail").isEqualTo(5_000);
    assertThat(amortized[2]).as("snapshots").isEqualTo(26);
  }

  /** Encoded snapshot bytes, the longest tail and the number of snapshots over 100,000 updates. */
  private static long[] simulate(SnapshotPolicy p) {
    long encoded = 0;
    long longestTail = 0;
    long snapshots = 0;
    long snapshotBytes = 0;
    long tail = 0;
    long tailBytes = 0;
    for (int seq = 1; seq <= 100_000; seq++) {
      tail++;
      tailBytes += 30;
      longestTail = Math.max(longestTail, tail);
      if (p.due(tail, tailBytes, snapshotBytes)) {
        snapshotBytes = 18L * seq;
        encoded += snapshotBytes;
        snapshots++;
        tail = 0;
        tailBytes = 0;
      }
    }
    return new long[] {encoded, longestTail, snapshots};
  }
}
