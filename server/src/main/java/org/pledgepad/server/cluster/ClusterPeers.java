package org.pledgepad.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether another node listens on this database, so that this node's commits (and its clients'
 * presence, {@link ClusterFanout}) need announcing.
 * Without it a lone node notifies itself of every commit, one notification per document and
 * commit, through PostgreSQL and back to its own listening connection: measured at 18–28 % of
 * the server's and the database's CPU per delivered update together at 10 edits/s per client,
 * 5–19 % at 30–60 (docs/benchmarks.md, session 18), spent on nothing.
 *
 * <p>Every {@link #POLL_MS} the node counts the other nodes' listening connections in
 * {@code pg_stat_activity} (their {@link #LISTENER_NAME}; every role sees other sessions'
 * application names, not their queries). A count of zero lets commits go unannounced until
 * {@link #QUIET_MS} after that poll <em>started</em>; any other count, a failed poll or a poll
 * that takes longer, and commits are announced again. So a node that starts listening at time t
 * misses only commits that finished before t + {@link #QUIET_MS}: it reads every open
 * document's log again {@link #CATCH_UP_AFTER_MS} after each (re)subscription
 * ({@link ClusterFanout}), which is later.
 */
final class ClusterPeers {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterPeers.class);
  /** The application name of every node's listening connection (not of its other connections). */
  static final String LISTENER_NAME = "pledgepad-listen";
  static final long POLL_MS = 1_000;
  static final long QUIET_MS = 2_500;
  /** After QUIET_MS, with room for a late poll and the notification's own delivery. */
  static final long CATCH_UP_AFTER_MS = 4_000;
  private static final String COUNT = "SELECT count(*) FROM pg_stat_activity"
      + " WHERE datname = current_database() AND application_name = $1 AND pid <> $2";

  private final Vertx vertx;
  private final Pool pool;
  private final IntSupplier ownListenerPid;
  private final LongSupplier nanoClock;
  private Runnable othersAppeared = () -> {};
  /** Commits are announced once {@code nanoClock} has reached this. */
  private volatile long quietUntilNanos;
  /** The last poll's answer, -1 before the first or after a failure. */
  private volatile int others = -1;
  private boolean polling;
  private boolean warned;
  private long timer = -1;

  /** @param ownListenerPid the backend pid of this node's listening connection, 0 while it has none */
  ClusterPeers(Vertx vertx, Pool pool, IntSupplier ownListenerPid) {
    this(vertx, pool, ownListenerPid, System::nanoTime);
  }

  ClusterPeers(Vertx vertx, Pool pool, IntSupplier ownListenerPid, LongSupplier nanoClock) {
    this.vertx = vertx;
    this.pool = pool;
    this.ownListenerPid = ownListenerPid;
    this.nanoClock = nanoClock;
    this.quietUntilNanos = nanoClock.getAsLong(); // announce until a poll says otherwise
  }

  /** Runs when a poll finds other nodes where the one before did not (or failed). */
  void onOthersAppeared(Runnable action) {
    this.othersAppeared = action;
  }

  /** Polls at once and then every {@link #POLL_MS}, all on one timer's context. */
  void start() {
    timer = vertx.setPeriodic(1, POLL_MS, id -> poll());
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** Other nodes listening as of the last poll; -1 before the first or after a failed one. */
  int others() {
    return others;
  }

  /** False only while the last poll found no other node listening and is recent enough. */
  boolean othersMayListen() {
    return nanoClock.getAsLong() - quietUntilNanos >= 0;
  }

  void poll() {
    if (polling) {
      return; // the previous poll still runs; its quiet time, if any, is running out meanwhile
    }
    polling = true;
    long started = nanoClock.getAsLong();
    pool.preparedQuery(COUNT).execute(Tuple.of(LISTENER_NAME, ownListenerPid.getAsInt())).onComplete(ar -> {
      polling = false;
      int count = -1;
      if (ar.succeeded()) {
        Row row = ar.result().iterator().next();
        count = (int) Math.min(Integer.MAX_VALUE, row.getLong(0));
      } else if (others != -1 || !warned) {
        warned = true;
        LOG.warn("Could not count the other nodes ({}); announcing everything until it works",
            ar.cause().getMessage());
      }
      answered(started, count);
    });
  }

  /** A poll that started at {@code started} found {@code count} other listeners (-1: it failed). */
  void answered(long started, int count) {
    quietUntilNanos = count == 0 ? started + TimeUnit.MILLISECONDS.toNanos(QUIET_MS) : started;
    if (count == 0 && others != 0) {
      LOG.info("No other node listens on this database: commits and presence are not announced");
    }
    boolean appeared = count > 0 && others <= 0;
    if (appeared) {
      LOG.info("{} other node(s) listen on this database: announcing commits and presence", count);
    }
    others = count;
    if (appeared) {
      othersAppeared.run();
    }
  }
}
