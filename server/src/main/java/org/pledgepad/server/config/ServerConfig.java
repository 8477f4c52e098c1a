package org.pledgepad.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The validated, frozen configuration of one server process.
 *
 * @param databaseUrl present → PostgreSQL store; absent → embedded store under dataDir
 * @param snapshotEvery a document's snapshot is written after at least this many updates (and
 *     once the new log holds as many bytes as the previous snapshot, see SnapshotPolicy)
 * @param snapshotMaxTail ... and at the latest after this many updates (or snapshotEvery if larger)
 * @param unloadDelay a document without connections stays loaded this long
 * @param groupCommitMaxUpdates most updates committed in one transaction
 * @param groupCommitInterval least time between the starts of two append transactions: under
 *     load, what arrives meanwhile joins the next one (fewer commits, fsyncs and wake-ups per
 *     update); an append to an idle store starts at once. Zero: start as soon as the previous
 *     transaction ended.
 * @param allowedOrigins browser origins allowed to open WebSockets; empty = any, but then the
 *     session cookie counts only for a page of the server's own origin (access/CookieOrigin)
 * @param identity OIDC sign-in and trusted proxies (see {@link IdentityConfig})
 * @param shutdownGrace on SIGTERM the node drains (commits what it took, closes sockets with
 *     going-away) for at most this long before it exits
 */
public record ServerConfig(
    int port,
    String host,
    Path dataDir,
    Optional<DatabaseUrl> databaseUrl,
    Limits limits,
    boolean seedDemo,
    int snapshotEvery,
    int snapshotMaxTail,
    Duration unloadDelay,
    int groupCommitMaxUpdates,
    Duration groupCommitInterval,
    java.util.Set<String> allowedOrigins,
    IdentityConfig identity,
    Duration shutdownGrace) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final boolean DEFAULT_SEED_DEMO = true;
  public static final int DEFAULT_SNAPSHOT_EVERY = 200;
  public static final int DEFAULT_SNAPSHOT_MAX_TAIL = org.pledgepad.server.session.SnapshotPolicy.DEFAULT_MAX_TAIL_UPDATES;
  public static final Duration DEFAULT_UNLOAD_DELAY = Duration.ofSeconds(10);
  public static final int DEFAULT_GROUP_COMMIT_MAX_UPDATES = 256;
  /** Measured in docs/benchmarks.md ("Group commit interval", session 10). */
  public static final Duration DEFAULT_GROUP_COMMIT_INTERVAL = Duration.ofMillis(10);
  /** Kubernetes' default termination grace is 30 s; this leaves room for a preStop pause. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

  /** A copy with another port (tests start servers on port 0). */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(newPort, host, dataDir, databaseUrl, limits, seedDemo, snapshotEvery, snapshotMaxTail,
        unloadDelay, groupCommitMaxUpdates, groupCommitInterval, allowedOrigins, identity, shutdownGrace);
  }
}
