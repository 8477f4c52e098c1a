package org.pledgepad.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.store.CommitNotifier;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.PgDocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes on one PostgreSQL: this node LISTENs on the channel every node's store notifies
 * after each append committed ({@link CommitNotifier}), and each open session that is behind
 * the notified seq reads the rows after its head from the log (in order, gap-free; its own
 * commits are skipped by seq). The subscriber reconnects by itself; after every
 * (re)subscription all open sessions read the log, because notifications sent while the
 * connection was down are lost. A node announces its commits only while another node listens
 * ({@link ClusterPeers}); so after each subscription the open sessions read the log once more,
 * once every other node has had time to count this one. Presence crosses nodes through
 * {@link AwarenessRelay} on a second channel, likewise only while another node listens; when
 * another node appears, every open session relays its clients' presence once more.
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
  private final DocumentStore store;
  private volatile ClusterPeers peers;
  private volatile boolean closed;
  private final List<Listener> listeners = new ArrayList<>();

  private record Listener(String channel, Consumer<String> notice, Runnable subscribed) {}

  /** @param store this node's store; a {@link PgDocumentStore} announces commits only to other nodes */
  public ClusterFanout(Vertx vertx, DatabaseUrl url, SessionRegistry sessions, DocumentStore store) {
    this.vertx = vertx;
    this.url = url;
    this.sessions = sessions;
    this.store = store;
  }

  /**
   * Another feature's channel on the same listening connection (call before {@link #start}):
   * {@code notice} gets each payload, {@code subscribed} runs after every (re)subscription, since
   * notifications sent while the connection was down are lost. Both on this node's event loop.
   */
  public ClusterFanout listen(String channel, Consumer<String> notice, Runnable subscribed) {
    listeners.add(new Listener(channel, notice, subscribed));
    return this;
  }

  /** Completes once the node listens; start it before the node accepts sockets. */
  public Future<Void> start() {
    readPool = PgBuilder.pool().with(new PoolOptions().setMaxSize(3)).connectingTo(connectOptions("pledgepad-fanout"))
        .using(vertx).build();
    sessions.setLogReader(new PgLogReader(readPool));
    awareness = new AwarenessRelay(vertx, vertx.getOrCreateContext(),
        payload -> readPool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(AwarenessRelay.CHANNEL, payload)),
        sessions);
    peers = new ClusterPeers(vertx, readPool, () -> {
      PgConnection c = subscriber == null ? null : subscriber.actualConnection();
      return c == null ? 0 : c.processId();
    });
    // A node that begins to listen gets this node's current presence at once, not at renewal.
    peers.onOthersAppeared(sessions::republishAwareness);
    // Presence too only while another node listens: cursors move with every keystroke.
    sessions.setAwarenessRelay((document, update) -> {
      if (peers.othersMayListen()) {
        awareness.published(document, update);
      }
    });
    Promise<Void> subscribed = Promise.promise();
    // Its own name: the other nodes count the listening connections (ClusterPeers).
    subscriber = PgSubscriber.subscriber(vertx, connectOptions(ClusterPeers.LISTENER_NAME))
        // Retry for ever: a node without its listener reports not ready instead of dying.
        .reconnectPolicy(retries -> Math.min(5_000L, 200L * (retries + 1)));
    subscriber.channel(CHANNEL)
        .handler(this::notified)
        .subscribeHandler(v -> {
          if (!subscribed.tryComplete()) {
            LOG.info("Listening on {} again; open documents read what they missed from the log", CHANNEL);
            sessions.catchUpAll();
          }
          // Until every other node has counted this listener, their commits may go unannounced.
          vertx.setTimer(ClusterPeers.CATCH_UP_AFTER_MS, t -> {
            if (!closed) {
              sessions.catchUpAll();
            }
          });
        });
    subscriber.channel(AwarenessRelay.CHANNEL).handler(awareness::received);
    for (Listener l : listeners) {
      subscriber.channel(l.channel()).handler(l.notice()::accept).subscribeHandler(v -> l.subscribed().run());
    }
    if (store instanceof PgDocumentStore pg) {
      pg.announceCommitsOnlyWhile(peers::othersMayListen);
    }
    return subscriber.connect()
        .compose(v -> subscribed.future().timeout(FIRST_SUBSCRIBE_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .onSuccess(v -> {
          LOG.info("Listening on {} for commits of other nodes", CHANNEL);
          peers.start();
        });
  }

  private PgConnectOptions connectOptions(String applicationName) {
    return url.connectOptions().addProperty("application_name", applicationName);
  }

  private void notified(String payload) {
    CommitNotice n = CommitNotice.parse(payload);
    if (n == null) {
      LOG.warn("Ignoring a malformed {} notification", CHANNEL);
      return;
    }
    sessions.committedElsewhere(n.document(), n.seq());
  }

  /** Other nodes listening on the database as of the last count; -1 before it or when it failed. */
  public int otherNodes() {
    ClusterPeers p = peers;
    return p == null ? -1 : p.others();
  }

  /** True while the listening connection is up (else this node may miss other nodes' edits). */
  public boolean listening() {
    PgSubscriber s = subscriber;
    return s != null && !s.closed() && s.actualConnection() != null;
  }

  /** Sends the last presence changes (removals of the closed sockets), then disconnects. */
  public Future<Void> close() {
    closed = true;
    if (peers != null) {
      peers.stop();
    }
    Future<Void> flushed = awareness == null ? Future.succeededFuture() : awareness.flush();
    Future<Void> sub = flushed.eventually(() -> subscriber == null ? Future.succeededFuture() : subscriber.close());
    return sub.eventually(() -> readPool == null ? Future.succeededFuture() : readPool.close());
  }
}
