package org.pledgepad.server.session;

import static org.assertj.core.api.Assertions.assertThat;

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
