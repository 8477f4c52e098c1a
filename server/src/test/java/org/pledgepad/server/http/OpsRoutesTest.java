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
  private Vertx vertx;
  private HttpServer server;

  /** Only the two methods readiness calls; anything else would be a test bug. */
  private DocumentStore store() {
    return (DocumentStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DocumentStore.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "ping" -> pingAnswers.get() ? Future.succeededFuture() : Future.failedFuture("down");
          case "appendsFlowing" -> appendsFlow.get();
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    new OpsRoutes(store(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).mount(router);
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
}
