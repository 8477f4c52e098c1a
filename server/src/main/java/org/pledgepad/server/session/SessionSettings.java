package org.pledgepad.server.session;

import java.time.Duration;
import org.pledgepad.server.config.ServerConfig;

/**
 * What a document session needs from the configuration.
 *
 * @param maxQueuedWhileLoading messages held for a document that is still loading
 */
public record SessionSettings(
    int snapshotEvery, int groupCommitMaxUpdates, long maxDocumentBytes, Duration unloadDelay,
    int maxQueuedWhileLoading) {

  public static final int DEFAULT_MAX_QUEUED_WHILE_LOADING = 10_000;

  public static SessionSettings from(ServerConfig c) {
    return new SessionSettings(c.snapshotEvery(), c.groupCommitMaxUpdates(),
        c.limits().maxDocumentBytes(), c.unloadDelay(), DEFAULT_MAX_QUEUED_WHILE_LOADING);
  }
}
