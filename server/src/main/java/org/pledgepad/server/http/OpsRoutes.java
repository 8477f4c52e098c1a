package org.pledgepad.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.pledgepad.server.store.DocumentStore;

/**
 * Liveness (the process answers), readiness (the store answers within a deadline and its appends
 * commit) and the Prometheus scrape endpoint.
 */
public final class OpsRoutes {
  /** Readiness fails if the store does not answer within this time. */
  static final long READY_TIMEOUT_MS = 2000;

  private final DocumentStore store;
  private final PrometheusMeterRegistry prometheus;
  /** Further readiness conditions by name (draining, cluster listener), all must hold. */
  private final java.util.Map<String, java.util.function.BooleanSupplier> checks = new java.util.LinkedHashMap<>();

  /**
   * The store ping in flight, which every readiness request arriving meanwhile shares. The route
   * needs no credential and is reachable through the shipped proxies; one ping per request put
   * a flood of them on the store's writer thread (embedded) or into its pool's queue
   * (PostgreSQL), ahead of the appends and loads of every document.
   */
  private final java.util.concurrent.atomic.AtomicReference<Future<Void>> ping = new java.util.concurrent.atomic.AtomicReference<>();
  /**
   * When the last ping succeeded (System.nanoTime()); requests within {@link #freshNanos} of it
   * take its answer, so requests sent one after another ping at most once a second too. A failed
   * ping is not reused: a store that comes back is seen at the next request.
   */
  private volatile long lastSuccess;
  private volatile boolean anySuccess;
  private volatile long freshNanos = TimeUnit.MILLISECONDS.toNanos(DEFAULT_PING_FRESH_MS);
  static final long DEFAULT_PING_FRESH_MS = 1_000;

  public OpsRoutes(DocumentStore store, PrometheusMeterRegistry prometheus) {
    this.store = store;
    this.prometheus = prometheus;
  }

  /** How long a successful ping answers later requests (tests: 0 pings for every request). */
  OpsRoutes pingFreshFor(long millis) {
    freshNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    return this;
  }

  /** Adds a condition readiness requires besides the store answering; reported by name. */
  public OpsRoutes readinessCheck(String name, java.util.function.BooleanSupplier up) {
    checks.put(name, up);
    return this;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").end(new JsonObject().put("status", "UP").encode()));
    router.get("/health/ready").handler(ctx -> sharedPing()
        .timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(ar -> {
          boolean appending = store.appendsFlowing();
          JsonObject results = new JsonObject().put("store", ar.succeeded() ? "UP" : "DOWN")
              .put("appends", appending ? "UP" : "DOWN");
          boolean up = ar.succeeded() && appending;
          for (var c : checks.entrySet()) {
            boolean ok = c.getValue().getAsBoolean();
            results.put(c.getKey(), ok ? "UP" : "DOWN");
            up &= ok;
          }
          ctx.response()
              .setStatusCode(up ? 200 : 503)
              .putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", results).encode());
        }));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(prometheus.scrape()));
  }

  /** The ping in flight, a fresh successful one, or a new one (see {@link #ping}). */
  private Future<Void> sharedPing() {
    while (true) {
      Future<Void> current = ping.get();
      if (current != null && !current.isComplete()) {
        return current;
      }
      if (current != null && current.succeeded() && anySuccess && System.nanoTime() - lastSuccess < freshNanos) {
        return current;
      }
      Promise<Void> mine = Promise.promise();
      if (ping.compareAndSet(current, mine.future())) {
        mine.future().onSuccess(v -> {
          lastSuccess = System.nanoTime();
          anySuccess = true;
        });
        try {
          store.ping().onComplete(mine);
        } catch (RuntimeException e) {
          mine.fail(e); // else every later request would share a ping that never ends
        }
        return mine.future();
      }
    }
  }
}
