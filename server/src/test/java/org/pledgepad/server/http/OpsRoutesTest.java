package org.pledgepad.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.store.DocumentStore;

/** Readiness reports the store's answer and whether its appends commit, each by name. */
class OpsRoutesTest {
  private final AtomicBoolean pingAnswers = new AtomicBoolean(true);
  private final AtomicBoolean appendsFlow = new AtomicBoolean(true);
  /** When set, pings wait for it. */
  private volatile io.vertx.core.Promise<Void> holdPings;
  private final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
  /** Readiness requests that reached the router. */
  private final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
  private Vertx vertx;
  private HttpServer server;
  private OpsRoutes ops;

  /** Only the two methods readiness calls; anything else would be a test bug. */
  private DocumentStore store() {
    return (DocumentStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DocumentStore.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "ping" -> {
            pings.incrementAndGet();
            io.vertx.core.Promise<Void> hold = holdPings;
            Future<Void> answer = pingAnswers.get() ? Future.succeededFuture() : Future.failedFuture("down");
            yield hold == null ? answer : hold.future().compose(v -> answer);
          }
          case "appendsFlowing" -> appendsFlow.get();
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/health/ready").handler(ctx -> {
      arrived.incrementAndGet();
      ctx.next();
    });
    ops = new OpsRoutes(store(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    ops.mount(router);
    server = vertx.createHttpServer(org.pledgepad.server.http.HttpProtocol.options()).requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private HttpResponse<String> ready() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.actualPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStoreThatAnswersButDoesNotCommitIsNotReady() throws Exception {
    ops.pingFreshFor(0); // every request asks the store
    HttpResponse<String> up = ready();
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(up.body()).getJsonObject("checks").getMap())
        .containsEntry("store", "UP").containsEntry("appends", "UP");

    appendsFlow.set(false);
    HttpResponse<String> stuck = ready();
    assertThat(stuck.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(stuck.body()).getString("status")).isEqualTo("DOWN");
    assertThat(new JsonObject(stuck.body()).getJsonObject("checks").getMap())
        .containsEntry("store", "UP").containsEntry("appends", "DOWN");

    appendsFlow.set(true);
    pingAnswers.set(false);
    HttpResponse<String> unreachable = ready();
    assertThat(unreachable.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(unreachable.body()).getJsonObject("checks").getMap()).containsEntry("store", "DOWN");
  }

  /**
   * Readiness needs no credential and the shipped proxies pass it on: one store ping per request
   * let a flood of them queue on the store's writer thread or pool, ahead of every document's
   * appends and loads. Requests that arrive while a ping runs share it.
   */
  @Test
  void readinessRequestsArrivingDuringAPingShareIt() throws Exception {
    holdPings = io.vertx.core.Promise.promise();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/health/ready")).build();
    java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    org.pledgepad.server.testing.Eventually.until("all twenty arrived", () -> arrived.get() == 20);
    assertThat(pings.get()).as("store pings for twenty waiting requests").isEqualTo(1);
    holdPings.complete();
    for (var a : answers) {
      assertThat(a.get().statusCode()).isEqualTo(200);
    }
    holdPings = null;
    ops.pingFreshFor(0);
    assertThat(ready().statusCode()).isEqualTo(200);
    assertThat(pings.get()).as("a request after the ping ended pings again").isEqualTo(2);
  }

  /**
   * Requests sent one after another each pinged the store (only those arriving during a ping
   * shared it): within a second of a successful ping they now take its answer; a failed ping is
   * not reused, so a store that comes back is seen at once.
   */
  @Test
  void requestsOneAfterAnotherPingAtMostOnceASecond() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(ready().statusCode()).isEqualTo(200);
    }
    assertThat(pings.get()).as("pings for ten requests within the second").isEqualTo(1);

    ops.pingFreshFor(0);
    pingAnswers.set(false);
    assertThat(ready().statusCode()).isEqualTo(503);
    ops.pingFreshFor(60_000);
    pingAnswers.set(true);
    assertThat(ready().statusCode()).as("a failure is not reused").isEqualTo(200);
    int afterRecovery = pings.get();
    assertThat(ready().statusCode()).isEqualTo(200);
    assertThat(pings.get()).isEqualTo(afterRecovery);
  }
}
