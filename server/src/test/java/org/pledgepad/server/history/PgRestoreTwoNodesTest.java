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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.PgDocumentStore;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.FreshPgDatabase;

/**
 * Two server nodes on one PostgreSQL database restoring the same document at once (review
 * 2026-11-30, history item 10). Each node has its own Vert.x, store, history database access and
 * history routes, so nothing but the database is shared; the live session is stood in for by an
 * append to the node's own store that the test holds back, which keeps node A's restore planned
 * but not yet logged while node B's arrives.
 */
class PgRestoreTwoNodesTest {
  private static final String SUBJECT_HEADER = "X-Test-Subject";

  private FreshPgDatabase database;
  private Node a;
  private Node b;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String doc = "restore-nodes";

  /** One node: its update log appends wait for {@code release}. */
  private static final class Node {
    final Vertx vertx = Vertx.vertx();
    final DocumentStore store;
    final DocumentHistories histories;
    final HistoryRoutes routes;
    final HttpServer server;
    final Promise<Void> release = Promise.promise();
    final AtomicInteger submits = new AtomicInteger();

    Node(ServerConfig config) {
      store = new PgDocumentStore(vertx, config.databaseUrl().orElseThrow());
      await(store.start());
      histories = new DocumentHistories(HistoryDb.of(config));
      LiveSubmit held = (document, actor, connectionId, update) -> {
        submits.incrementAndGet();
        return release.future().compose(v -> store.append(document, List.of(new NewUpdate(update, actor, connectionId))))
            .map(seqs -> seqs.get(0));
      };
      routes = new HistoryRoutes(vertx, histories, PgRestoreTwoNodesTest::moderator, held, id -> id, ExportServer.temporaryDownloads(vertx));
      Router router = Router.router(vertx);
      routes.mount(router);
      server = await(vertx.createHttpServer(org.pledgepad.server.http.HttpProtocol.options()).requestHandler(router)
          .listen(0));
    }

    void close() {
      release.tryComplete();
      routes.close();
      await(store.close());
      await(vertx.close());
    }
  }

  private static Future<Principal> moderator(io.vertx.ext.web.RoutingContext ctx, String document,
      org.pledgepad.auth.Operation operation) {
    String subject = ctx.request().getHeader(SUBJECT_HEADER);
    return Future.succeededFuture(new Principal(subject, subject, subject, false, Role.MODERATOR, Set.of(), null));
  }

  @BeforeEach
  void startTwoNodes() {
    database = FreshPgDatabase.create("pledgepad_restore_");
    ServerConfig config = ConfigLoader.load(Map.of("DATABASE_URL", database.url));
    a = new Node(config);
    b = new Node(config);
    RestoreFixture.typeThenDelete(a.store, doc);
  }

  @AfterEach
  void stop() {
    for (Node n : new Node[] {b, a}) {
      if (n != null) {
        n.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void twoRestoresOfOneDocumentOnTwoNodesAtOnceBringTheDeletedTextBackOnce() throws Exception {
    CompletableFuture<HttpResponse<String>> first = restore(a, 2);
    Eventually.until("node A's restore is being logged", () -> a.submits.get() == 1);
    CompletableFuture<HttpResponse<String>> second = restore(b, 2);
    Eventually.until("node B's restore answered or was submitted", () -> second.isDone() || b.submits.get() == 1);
    a.vertx.runOnContext(v -> a.release.tryComplete());
    b.vertx.runOnContext(v -> b.release.tryComplete());

    List<Integer> codes = List.of(first.get().statusCode(), second.get().statusCode());
    assertThat(text()).isEqualTo(RestoreFixture.RESTORED);
    assertThat(codes).containsExactly(200, 409);
    assertThat(second.get().headers().firstValue("Retry-After")).hasValue("2");
    assertThat(second.get().body()).contains(HistoryProblems.RESTORE_IN_PROGRESS);
    assertThat(b.submits.get()).as("node B never logged a restore").isZero();

    // Once A's restore is logged, B plans against a head that holds it: the text stays there once.
    HttpResponse<String> retry = restore(b, 2).get();
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    assertThat(text()).isEqualTo(RestoreFixture.RESTORED);
    assertThat(restore(a, 2).get().statusCode()).as("the turn was given back on both nodes").isEqualTo(200);
  }

  private CompletableFuture<HttpResponse<String>> restore(Node node, long seq) {
    URI uri = URI.create("http://127.0.0.1:" + node.server.actualPort() + "/api/documents/" + doc + "/restore");
    return http.sendAsync(HttpRequest.newBuilder(uri).header(SUBJECT_HEADER, "mod")
        .POST(HttpRequest.BodyPublishers.ofString("{\"seq\":" + seq + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String text() {
    return RestoreFixture.text(a.histories.db(), doc);
  }
}
