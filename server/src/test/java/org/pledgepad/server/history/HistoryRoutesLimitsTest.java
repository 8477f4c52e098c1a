package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.history.HistoryTamperContract.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;
import org.pledgepad.server.testing.Eventually;

/**
 * The history routes under concurrent requests, over the embedded store: restores of one
 * document one at a time, and the reads that replay a whole log limited per client. The live session is
 * stood in for by an append to the store that the test holds back.
 */
class HistoryRoutesLimitsTest {
  private static final String SUBJECT_HEADER = "X-Test-Subject";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private DocumentStore store;
  private DocumentHistories histories;
  private HistoryRoutes routes;
  private HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String doc = "limits-" + Long.toHexString(System.nanoTime());
  /** Completed by the test to let held restores (or held display-name lookups) go on. */
  private final Promise<Void> release = Promise.promise();
  private final AtomicInteger submits = new AtomicInteger();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    store = new SqliteDocumentStore(vertx, dataDir);
    await(store.start());
    histories = new DocumentHistories(HistoryDb.of(ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString()))));
    RestoreFixture.typeThenDelete(store, doc);
  }

  private void serve(Function<String, String> displayNames) {
    LiveSubmit held = (document, actor, connectionId, update) -> {
      submits.incrementAndGet();
      return release.future().compose(v -> store.append(document, List.of(new NewUpdate(update, actor, connectionId))))
          .map(seqs -> seqs.get(0));
    };
    routes = new HistoryRoutes(vertx, histories, HistoryRoutesLimitsTest::signedInOrGuest, held, displayNames, ExportServer.temporaryDownloads(vertx));
    Router router = Router.router(vertx);
    routes.mount(router);
    server = await(vertx.createHttpServer(org.pledgepad.server.http.HttpProtocol.options()).requestHandler(router).listen(0));
  }

  private static Future<Principal> signedInOrGuest(io.vertx.ext.web.RoutingContext ctx, String document,
      org.pledgepad.auth.Operation operation) {
    String subject = ctx.request().getHeader(SUBJECT_HEADER);
    return Future.succeededFuture(subject == null ? Principal.anonymous()
        : new Principal(subject, subject, subject, false, Role.MODERATOR, Set.of(), null));
  }

  @AfterEach
  void tearDown() {
    release.tryComplete();
    if (routes != null) {
      routes.close();
    }
    await(store.close());
    await(vertx.close());
  }

  @Test
  void twoRestoresAtOnceBringTheDeletedTextBackOnce() throws Exception {
    serve(id -> id);
    CompletableFuture<HttpResponse<String>> first = restore(2);
    Eventually.until("the first restore is being logged", () -> submits.get() == 1);
    CompletableFuture<HttpResponse<String>> second = restore(2);
    Eventually.until("the second restore answered or was submitted", () -> second.isDone() || submits.get() == 2);
    vertx.runOnContext(v -> release.tryComplete());

    assertThat(List.of(first.get().statusCode(), second.get().statusCode())).containsExactly(200, 409);
    assertThat(second.get().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(second.get().body()).contains(HistoryProblems.RESTORE_IN_PROGRESS);
    assertThat(text()).isEqualTo("Wir fordern mehr Radwege");

    // Once the first is logged, a retry plans against a head that holds it.
    HttpResponse<String> retry = restore(2).get();
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(text()).isEqualTo("Wir fordern mehr Radwege");
  }

  /**
   * A restore that changes nothing (the version is the head) is answered once its turn is given
   * back, like one that changed something: answered before, the client's next restore could find
   * the turn still taken and get 409 (seen in RestPermissionMatrixTest under load).
   */
  @Test
  void aRestoreThatChangesNothingIsAnsweredOnceItsTurnIsFreeAgain() throws Exception {
    serve(id -> id);
    CountDownLatch releasing = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    RestoreLeases.beforeReleaseForTests = () -> {
      releasing.countDown();
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try {
      // The next restore goes out the moment the first is answered.
      CompletableFuture<HttpResponse<String>> next = restore(3).thenCompose(first -> {
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"changed\":false");
        return restore(3);
      });
      assertThat(releasing.await(30, TimeUnit.SECONDS)).as("the first restore gives its turn back").isTrue();
      // An early answer has had ample time to bring the next restore while the turn is held.
      Thread.sleep(2_000);
      gate.countDown();
      assertThat(next.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    } finally {
      gate.countDown();
      RestoreLeases.beforeReleaseForTests = () -> {};
    }
  }

  @Test
  void oneClientCannotTakeEveryHistorySlot() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    AtomicInteger holding = new AtomicInteger();
    // Name lookups run on the history workers: holding them keeps /history requests in flight.
    serve(id -> {
      holding.incrementAndGet();
      try {
        held.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return id;
    });
    CompletableFuture<HttpResponse<String>> first = get("/history", null);
    CompletableFuture<HttpResponse<String>> second = get("/history", null);
    Eventually.until("two history requests of one client in flight", () -> holding.get() >= 2);

    HttpResponse<String> third = get("/verify", null).get(10, TimeUnit.SECONDS);
    CompletableFuture<HttpResponse<String>> otherClient = get("/verify", "ben");
    held.countDown();

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(third.body()).contains(HistoryProblems.TOO_MANY_REQUESTS);
    assertThat(otherClient.get().statusCode()).as(otherClient.get().body()).isEqualTo(200);
    assertThat(first.get().statusCode()).isEqualTo(200);
    assertThat(second.get().statusCode()).isEqualTo(200);
    // The slots are given back: the same client gets through again.
    assertThat(get("/export", null).get().statusCode()).isEqualTo(200);
  }

  @Test
  void oneClientCannotTakeEverySlotWithDiffsAndAuthorship() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    // Diffs and authorship resolve the authors' names on the history workers: holding those
    // keeps the requests in flight.
    serve(id -> {
      try {
        held.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return id;
    });
    List<CompletableFuture<HttpResponse<String>>> first = new java.util.ArrayList<>();
    for (int i = 0; i < HistoryRoutes.MAX_READS_PER_CLIENT; i++) {
      first.add(get(i % 2 == 0 ? "/diff?from=0&to=3" : "/authorship?seq=2", "anna"));
    }
    Eventually.until("every read slot of one client taken",
        () -> routes.readsHeld("subject anna") == HistoryRoutes.MAX_READS_PER_CLIENT);

    HttpResponse<String> over = get("/diff?from=1&to=3", "anna").get(10, TimeUnit.SECONDS);
    CompletableFuture<HttpResponse<String>> otherClient = get("/diff?from=0&to=3", "ben");
    held.countDown();

    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(over.body()).contains(HistoryProblems.TOO_MANY_REQUESTS);
    assertThat(otherClient.get().statusCode()).as(otherClient.get().body()).isEqualTo(200);
    for (CompletableFuture<HttpResponse<String>> f : first) {
      assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
    }
    Eventually.until("the slots given back", () -> routes.readsHeld("subject anna") == 0);
    assertThat(get("/authorship?seq=3", "anna").get().statusCode()).isEqualTo(200);
  }

  private CompletableFuture<HttpResponse<String>> get(String path, String subject) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (subject != null) {
      b.header(SUBJECT_HEADER, subject);
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> restore(long seq) {
    return http.sendAsync(HttpRequest.newBuilder(uri("/restore")).header(SUBJECT_HEADER, "mod")
        .POST(HttpRequest.BodyPublishers.ofString("{\"seq\":" + seq + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + "/api/documents/" + doc + path);
  }

  private String text() {
    return RestoreFixture.text(histories.db(), doc);
  }
}
