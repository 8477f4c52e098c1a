package org.pledgepad.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.doc.SharedDocument;
import org.pledgepad.server.http.ApiRoutes;
import org.pledgepad.server.http.HttpProtocol;
import org.pledgepad.server.http.OpsRoutes;
import org.pledgepad.server.http.Problems;
import org.pledgepad.server.http.SyncEndpoints;
import org.pledgepad.server.http.WebClientRoutes;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.seed.DemoSeeder;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.session.SessionSettings;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.DocumentStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server as one verticle: store (migrated), demo seed, sessions, HTTP routes and the
 * two sync endpoints. Start order matters: nothing listens before the store is ready.
 */
public final class ServerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ServerVerticle.class);

  private final ServerConfig config;
  private final PrometheusMeterRegistry prometheus;
  private final Supplier<SharedDocument> documents;
  private final DemoSeeder seeder;
  private final AuthHook auth;
  private DocumentStore store;
  private SessionRegistry sessions;
  private org.pledgepad.server.pledges.PledgeModule pledges;
  private HttpServer http;
  private org.pledgepad.server.cluster.ClusterFanout fanout;
  private org.pledgepad.server.cluster.DataDirLock dataDirLock;
  /** Readiness conditions the launcher adds (the start-time warm-up). */
  private final java.util.Map<String, java.util.function.BooleanSupplier> extraReadiness =
      new java.util.LinkedHashMap<>();
  /** Set when shutdown begins: readiness fails and new sockets are refused from then on. */
  private volatile boolean draining;

  public ServerVerticle(ServerConfig config, PrometheusMeterRegistry prometheus,
      Supplier<SharedDocument> documents, DemoSeeder seeder, AuthHook auth) {
    this.config = config;
    this.prometheus = prometheus;
    this.documents = documents;
    this.seeder = seeder;
    this.auth = auth;
  }

  /**
   * Reads one (normally absent) document before the server listens, result discarded: the first
   * real open then finds the store's load statements prepared and their code loaded, which took
   * ~30–40 ms of CPU off a cold open with PostgreSQL (docs/benchmarks.md). Read-only; a failure
   * is ignored here (readiness reports the store on its own).
   */
  public static Future<Void> warmStoreRead(DocumentStore store) {
    return store.load(".open-path-warmup").<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /** Adds a condition /health/ready requires; call before deploying. */
  public ServerVerticle readinessCheck(String name, java.util.function.BooleanSupplier up) {
    extraReadiness.put(name, up);
    return this;
  }

  @Override
  public Future<?> start() {
    // An exception escaping a handler (a future's callback, a timer) is otherwise only reported
    // to this handler; without one it went unseen (a commit batch cut short, logged nowhere).
    vertx.exceptionHandler(t -> LOG.error("Unhandled exception on {}", Thread.currentThread().getName(), t));
    ServerMetrics metrics = new ServerMetrics(prometheus);
    if (config.databaseUrl().isEmpty()) {
      try {
        dataDirLock = org.pledgepad.server.cluster.DataDirLock.acquire(config.dataDir());
      } catch (IllegalStateException e) {
        return Future.failedFuture(e);
      }
    }
    store = DocumentStores.create(vertx, config);
    return store.start()
        .compose(v -> warmStoreRead(store))
        .compose(v -> config.seedDemo() ? seeder.seedIfEmpty(store) : Future.succeededFuture())
        .compose(v -> auth instanceof org.pledgepad.server.access.AccessControl ac
            ? ac.start(vertx, store, config) : Future.succeededFuture())
        .compose(v -> org.pledgepad.server.pledges.PledgeModule.start(vertx, config, store).map(m -> {
          pledges = auth instanceof org.pledgepad.server.access.AccessControl ac
              ? m.guard(new org.pledgepad.server.pledges.AccessGuardAdapter(ac, store)) : m;
          return null;
        }))
        .compose(v -> {
          sessions = new SessionRegistry(vertx, store, documents, SessionSettings.from(config), metrics);
          if (auth instanceof org.pledgepad.server.access.AccessControl ac) {
            sessions.setUpdateAdmission(ac::admissionFor); // clientID ownership
          }
          // With PostgreSQL other nodes may share the store: listen before taking sockets.
          fanout = config.databaseUrl()
              .map(url -> new org.pledgepad.server.cluster.ClusterFanout(vertx, url, sessions, store)).orElse(null);
          if (fanout != null) {
            pledges.followOtherNodes(fanout); // metadata another node writes drops this node's cached readings
            if (auth instanceof org.pledgepad.server.access.AccessControl ac) {
              ac.followOtherNodes(fanout); // access another node changes applies here at once
            }
            io.micrometer.core.instrument.Gauge.builder("pledgepad.cluster.other.nodes", fanout,
                    org.pledgepad.server.cluster.ClusterFanout::otherNodes)
                .description("Other nodes listening on the database; -1 before the first count or when it failed")
                .register(metrics.registry());
          }
          return fanout == null ? Future.succeededFuture() : fanout.start();
        })
        .compose(v -> {
          Router router = Router.router(vertx);
          if (auth instanceof org.pledgepad.server.access.AccessControl ac) {
            ac.mount(router); // before ApiRoutes: its /api/* catch-all and placeholder /api/me
          }
          pledges.mount(router); // before ApiRoutes and its /api/* catch-all
          org.pledgepad.server.annotations.AnnotationModule.mount(router, vertx, config, store, sessions, auth,
              pledges.service().store()::hasStatusEntry); // comments on a pledge's status entries
          var history = org.pledgepad.server.history.HistoryModule.mount(router, vertx, config, sessions, auth, store);
          registerCheckpointMeters(metrics.registry(), history.histories());
          if (auth instanceof org.pledgepad.server.access.AccessControl ac) {
            // Export and erasure need accounts; they share the history's caches (erasure invalidates them).
            org.pledgepad.server.privacy.PrivacyModule.mount(router, vertx, config, ac, history.histories(), sessions);
          }
          ApiRoutes api = new ApiRoutes(store);
          if (auth instanceof org.pledgepad.server.access.AccessControl ac) {
            api.readFilter(ac.guard()::readable); // drafts only for those who may read them
            api.ownerOf(ac::ownerOf);
          }
          api.mount(router);
          OpsRoutes ops = new OpsRoutes(store, prometheus).readinessCheck("draining", () -> !draining);
          if (fanout != null) {
            ops.readinessCheck("fanout", fanout::listening);
          }
          extraReadiness.forEach(ops::readinessCheck);
          ops.mount(router);
          new WebClientRoutes().mount(router);
          router.route().last().handler(ctx -> Problems.send(ctx, 404, Problems.NOT_FOUND, "Not found"));
          router.route().failureHandler(ServerVerticle::failed);
          SyncEndpoints sync = new SyncEndpoints(vertx, config.limits(), metrics, auth, sessions,
              config.allowedOrigins());
          sync.refuseWhen(() -> draining); // 503: the load balancer sends it to another node
          HttpServerOptions options = HttpProtocol.options()
              .setHost(config.host())
              .setPort(config.port())
              // Incoming frames may be as large as a message: browsers and Node's ws send every
              // message as one frame, and a client must be able to send its sync step 2, which
              // carries the whole delete set. Outgoing messages are split at MAX_FRAME_BYTES.
              .setMaxWebSocketFrameSize(config.limits().maxMessageBytes())
              .setMaxWebSocketMessageSize(config.limits().maxMessageBytes())
              .setIdleTimeout((int) config.limits().idleTimeout().toSeconds() * 2);
          http = vertx.createHttpServer(options)
              .webSocketHandshakeHandler(sync::handshake)
              .webSocketHandler(sync::connect)
              .connectionHandler(conn -> {
                org.pledgepad.server.http.FlushCoalescing.install(conn);
                org.pledgepad.server.http.StalledWrites.install(conn, () -> metrics.connectionCut("stalled"));
              })
              .requestHandler(router);
          return http.listen();
        })
        .onSuccess(s -> LOG.info("Pledgepad listening on {}:{} ({} store)", config.host(), s.actualPort(),
            config.databaseUrl().isPresent() ? "PostgreSQL" : "embedded"));
  }

  /**
   * Drains: readiness fails and new sockets are refused; every session commits and acknowledges
   * what it took, closes its sockets with going-away (providers reconnect, to another node behind
   * a load balancer) and writes a final snapshot; then the listener, HTTP server and store close.
   * The caller bounds the time (SHUTDOWN_GRACE_SECONDS, see Main).
   */
  @Override
  public Future<?> stop() {
    draining = true;
    Future<Void> drained = sessions == null ? Future.succeededFuture() : sessions.shutdown();
    return drained
        .eventually(() -> http == null ? Future.succeededFuture() : http.close())
        .eventually(() -> fanout == null ? Future.succeededFuture() : fanout.close())
        .andThen(v -> {
          if (auth instanceof org.pledgepad.server.access.AccessControl ac) {
            ac.stop();
          }
        })
        .eventually(() -> pledges == null ? Future.succeededFuture() : pledges.close())
        .eventually(() -> store == null ? Future.succeededFuture() : store.close())
        .andThen(v -> {
          if (dataDirLock != null) {
            dataDirLock.close();
          }
        });
  }

  /**
   * The router's failures: a client error (body over a limit, undecodable query, ...) is the
   * client's business and logged at DEBUG only, so that nobody can flood the log with oversized
   * bodies; a server error is logged at ERROR with its exception (never the request body).
   */
  static void failed(io.vertx.ext.web.RoutingContext ctx) {
    int status = ctx.statusCode() >= 400 && ctx.statusCode() < 600 ? ctx.statusCode() : 500;
    if (status >= 500) {
      LOG.error("Request {} {} failed with {}", ctx.request().method(), ctx.request().path(), status, ctx.failure());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("Request {} {} rejected with {}: {}", ctx.request().method(), ctx.request().path(), status,
          ctx.failure() == null ? "-" : ctx.failure().toString());
    }
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    String[] problem = Problems.forStatus(status);
    Problems.send(ctx, status, problem[0], problem[1]);
  }

  /** True from the start of shutdown (readiness reports it). */
  public boolean draining() {
    return draining;
  }

  /** The port actually bound (differs from the config when it asked for 0). */
  public int actualPort() {
    return http.actualPort();
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  /**
   * Heads the history checkpointer signed (by how it checked them) and refused: a refusal means
   * the log does not chain from what was signed before, i.e. tampering or a database restored
   * behind this node's memory (deploy/README.md, alerts).
   */
  private static void registerCheckpointMeters(io.micrometer.core.instrument.MeterRegistry registry,
      org.pledgepad.server.history.DocumentHistories histories) {
    String name = "pledgepad.history.checkpoint.heads";
    // One description: Prometheus keeps a single HELP line per metric name.
    String description = "Heads the history checkpointer signed (without reading back the rows this process"
        + " hashed itself, or after checking the rows) or refused (the log does not chain from what was signed)";
    io.micrometer.core.instrument.FunctionCounter.builder(name, histories,
            org.pledgepad.server.history.DocumentHistories::signedOwnHeads)
        .tag("outcome", "signed-own-chain")
        .description(description)
        .register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder(name, histories,
            org.pledgepad.server.history.DocumentHistories::signedCheckedHeads)
        .tag("outcome", "signed-rows-checked")
        .description(description)
        .register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder(name, histories,
            org.pledgepad.server.history.DocumentHistories::refusedHeads)
        .tag("outcome", "refused")
        .description(description)
        .register(registry);
  }
}
