package org.pledgepad.server.session;

import java.time.Duration;
import org.pledgepad.server.config.ServerConfig;

/**
 * What a document session needs from the configuration.
 *
 * @param snapshots when a document's log tail is snapshotted
 * @param maxQueuedWhileLoading peers' messages held for a document that is still loading, all peers together
 *     (each peer at most {@link #MAX_QUEUED_PER_PEER_WHILE_LOADING}); a sender over a limit is closed
 */
public record SessionSettings(
    SnapshotPolicy snapshots, int groupCommitMaxUpdates, long maxDocumentBytes, Duration unloadDelay,
    int maxQueuedWhileLoading) {

  public static final int DEFAULT_MAX_QUEUED_WHILE_LOADING = 10_000;
  /** One peer's share of those (a burst at the rate limit is 500). */
  public static final int MAX_QUEUED_PER_PEER_WHILE_LOADING = 1_000;
  /** Bytes of messages held while loading: one peer's, and all peers' of one document. */
  public static final long MAX_BYTES_QUEUED_PER_PEER_WHILE_LOADING = 32L << 20;
  public static final long MAX_BYTES_QUEUED_WHILE_LOADING = 256L << 20;
  /**
   * Updates of one document accepted and not yet committed: far above what arrives during a
   * healthy commit (milliseconds), reached only behind a slow or stalled store.
   */
  public static final int MAX_UPDATES_WAITING_FOR_COMMIT = 10_000;

  /** With the default snapshot limits and at least {@code snapshotEvery} updates per snapshot. */
  public SessionSettings(int snapshotEvery, int groupCommitMaxUpdates, long maxDocumentBytes,
      Duration unloadDelay, int maxQueuedWhileLoading) {
    this(SnapshotPolicy.withMinimum(snapshotEvery), groupCommitMaxUpdates, maxDocumentBytes, unloadDelay,
        maxQueuedWhileLoading);
  }

  public static SessionSettings from(ServerConfig c) {
    return new SessionSettings(
        new SnapshotPolicy(c.snapshotEvery(), c.snapshotMaxTail(), SnapshotPolicy.DEFAULT_MAX_TAIL_BYTES,
            SnapshotPolicy.DEFAULT_MAX_EARLIER),
        c.groupCommitMaxUpdates(), c.limits().maxDocumentBytes(), c.unloadDelay(),
        DEFAULT_MAX_QUEUED_WHILE_LOADING);
  }
}
