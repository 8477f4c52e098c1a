package org.pledgepad.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.pledgepad.server.store.DocumentStore;

/**
 * Liveness (the process answers), readiness (the store answers within a deadline) and the
 * Prometheus scrape endpoint.
 */
public final class OpsRoutes {
  /** Readiness fails if the store does not answer within this time. */
  static final long READY_TIMEOUT_MS = 2000;

  private final DocumentStore store;
  private final PrometheusMeterRegistry prometheus;

  public OpsRoutes(DocumentStore store, PrometheusMeterRegistry prometheus) {
    this.store = store;
    this.prometheus = prometheus;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").end(new JsonObject().put("status", "UP").encode()));
    router.get("/health/ready").handler(ctx -> store.ping()
        .timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(ar -> ctx.response()
            .setStatusCode(ar.succeeded() ? 200 : 503)
            .putHeader("Content-Type", "application/json")
            .end(new JsonObject()
                .put("status", ar.succeeded() ? "UP" : "DOWN")
                .put("checks", new JsonObject().put("store", ar.succeeded() ? "UP" : "DOWN"))
                .encode())));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(prometheus.scrape()));
  }
}
