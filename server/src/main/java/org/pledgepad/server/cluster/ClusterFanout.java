package org.pledgepad.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.store.CommitNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes on one PostgreSQL: this node LISTENs on the channel every node's store notifies
 * after each append committed ({@link CommitNotifier}), and each open session that is behind
 * the notified seq reads the rows after its head from the log (in order, gap-free; its own
 * commits are skipped by seq). The subscriber reconnects by itself; after every
 * (re)subscription all open sessions read the log, because notifications sent while the
 * connection was down are lost. Presence crosses nodes through {@link AwarenessRelay} on a
 * second channel.
 */
public final class ClusterFanout {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterFanout.class);
  static final String CHANNEL = CommitNotifier.CHANNEL;
  private static final long FIRST_SUBSCRIBE_TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final DatabaseUrl url;
  private final SessionRegistry sessions;
  private PgSubscriber subscriber;
  private Pool readPool;
  private AwarenessRelay awareness;

  public ClusterFanout(Vertx vertx, DatabaseUrl url, SessionRegistry sessions) {
    this.vertx = vertx;
    this.url = url;
    this.sessions = sessions;
  }

  /** Completes once the node listens; start it before the node accepts sockets. */
  public Future<Void> start() {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(url.host()).setPort(url.port()).setDatabase(url.database()).setUser(url.user())
        .addProperty("application_name", "pledgepad-fanout");
    if (url.password() != null) {
      connect.setPassword(url.password());
    }
    readPool = PgBuilder.pool().with(new PoolOptions().setMaxSize(3)).connectingTo(connect).using(vertx).build();
    sessions.setLogReader(new PgLogReader(readPool));
    awareness = new AwarenessRelay(vertx, vertx.getOrCreateContext(), readPool, sessions);
    sessions.setAwarenessRelay(awareness::published);
    Promise<Void> subscribed = Promise.promise();
    subscriber = PgSubscriber.subscriber(vertx, connect)
        // Retry for ever: a node without its listener reports not ready instead of dying.
        .reconnectPolicy(retries -> Math.min(5_000L, 200L * (retries + 1)));
    subscriber.channel(CHANNEL)
        .handler(this::notified)
        .subscribeHandler(v -> {
          if (!subscribed.tryComplete()) {
            LOG.info("Listening on {} again; open documents read what they missed from the log", CHANNEL);
            sessions.catchUpAll();
          }
        });
    subscriber.channel(AwarenessRelay.CHANNEL).handler(awareness::received);
    return subscriber.connect()
        .compose(v -> subscribed.future().timeout(FIRST_SUBSCRIBE_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .onSuccess(v -> LOG.info("Listening on {} for commits of other nodes", CHANNEL));
  }

  private void notified(String payload) {
    CommitNotice n = CommitNotice.parse(payload);
    if (n == null) {
      LOG.warn("Ignoring a malformed {} notification", CHANNEL);
      return;
    }
    sessions.committedElsewhere(n.document(), n.seq());
  }

  /** True while the listening connection is up (else this node may miss other nodes' edits). */
  public boolean listening() {
    PgSubscriber s = subscriber;
    return s != null && !s.closed() && s.actualConnection() != null;
  }

  /** Sends the last presence changes (removals of the closed sockets), then disconnects. */
  public Future<Void> close() {
    Future<Void> flushed = awareness == null ? Future.succeededFuture() : awareness.flush();
    Future<Void> sub = flushed.eventually(() -> subscriber == null ? Future.succeededFuture() : subscriber.close());
    return sub.eventually(() -> readPool == null ? Future.succeededFuture() : readPool.close());
  }
}
