package org.pledgepad.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a node may leave its commits unannounced: only within QUIET_MS of a poll that found no one. */
class ClusterPeersTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  // No Vert.x and no pool: these tests hand the poll answers in themselves.
  private final ClusterPeers peers = new ClusterPeers(null, null, () -> 0, now::get);

  private void advanceMs(long ms) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
  }

  @Test
  void announcesUntilThePollsSayNoOtherNodeListens() {
    assertThat(peers.othersMayListen()).isTrue();
  }

  @Test
  void aPollThatFoundNoOneSilencesCommitsForTheQuietTimeFromItsStart() {
    long started = now.get();
    advanceMs(300); // the poll's own round trip
    peers.answered(started, 0);
    assertThat(peers.othersMayListen()).isFalse();
    advanceMs(ClusterPeers.QUIET_MS - 300 - 1);
    assertThat(peers.othersMayListen()).as("1 ms before the quiet time ends").isFalse();
    advanceMs(1);
    assertThat(peers.othersMayListen()).as("no newer poll: announce again").isTrue();
  }

  @Test
  void aPollSlowerThanTheQuietTimeSilencesNothing() {
    long started = now.get();
    advanceMs(ClusterPeers.QUIET_MS + 100);
    peers.answered(started, 0);
    assertThat(peers.othersMayListen()).isTrue();
  }

  @Test
  void anotherListenerOrAFailedPollAnnouncesAtOnce() {
    peers.answered(now.get(), 0);
    assertThat(peers.othersMayListen()).isFalse();
    advanceMs(ClusterPeers.POLL_MS);
    peers.answered(now.get(), 1);
    assertThat(peers.othersMayListen()).isTrue();
    advanceMs(ClusterPeers.POLL_MS);
    peers.answered(now.get(), 0);
    assertThat(peers.othersMayListen()).isFalse();
    advanceMs(ClusterPeers.POLL_MS);
    peers.answered(now.get(), -1);
    assertThat(peers.othersMayListen()).isTrue();
  }

  @Test
  void anotherNodeAppearingIsReportedOnceEachTime() {
    AtomicInteger appeared = new AtomicInteger();
    peers.onOthersAppeared(appeared::incrementAndGet);
    peers.answered(now.get(), 0);
    peers.answered(now.get(), 1);
    peers.answered(now.get(), 2);
    assertThat(appeared).as("from none to some, not from some to more").hasValue(1);
    peers.answered(now.get(), 0);
    peers.answered(now.get(), 1);
    assertThat(appeared).as("none again, then some").hasValue(2);
    peers.answered(now.get(), -1);
    peers.answered(now.get(), 1);
    assertThat(appeared).as("a failed poll forgets the count: the next answer is news").hasValue(3);
  }

  @Test
  void theJoiningNodeReadsTheLogAgainAfterEveryOtherNodeMayHaveGoneQuiet() {
    // A poll that started just before the new listener appeared keeps the others quiet until
    // QUIET_MS after it; the newcomer's second catch-up must come later, with room to spare.
    assertThat(ClusterPeers.CATCH_UP_AFTER_MS).isGreaterThanOrEqualTo(ClusterPeers.QUIET_MS + ClusterPeers.POLL_MS);
  }
}
