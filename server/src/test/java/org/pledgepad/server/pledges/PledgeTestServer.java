package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.Stage;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.seed.DemoSeeder;
import org.pledgepad.server.seed.ProseMirrorSeedEncoder;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.DocumentStores;
import org.pledgepad.server.testing.Await;

/**
 * The pledge routes over a real store (embedded, or PostgreSQL when DATABASE_URL is given) and
 * real HTTP, with a test guard: header {@code X-Test-User: ROLE subject [body [document]]} gives the
 * principal; every document is owned by the body "council".
 */
final class PledgeTestServer implements AutoCloseable {
  static final Body COUNCIL = new Body("council");

  final Vertx vertx = Vertx.vertx();
  final DocumentStore store;
  /** The store as the pledge module sees it: its document lookups can be held ({@link HeldStore}). */
  final HeldStore held;
  final PledgeModule module;
  private final HttpServer http;
  private final ServerConfig config;
  private org.pledgepad.server.cluster.ClusterFanout fanout;
  private final HttpClient client = HttpClient.newHttpClient();

  private PledgeTestServer(Map<String, String> env, boolean seed) {
    this(env, seed, true, Clock.systemUTC());
  }

  private PledgeTestServer(Map<String, String> env, boolean seed, boolean cached, Clock clock) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PORT", "0");
    config = ConfigLoader.load(all);
    store = DocumentStores.create(vertx, config);
    Await.result(store.start());
    if (seed) {
      Await.result(new DemoSeeder(ProseMirrorSeedEncoder::encode).seedIfEmpty(store));
    }
    held = new HeldStore(store);
    module = Await.result(PledgeModule.start(vertx, config, held.store(), cached, OpenDataLicence.fromEnv(env)))
        .guard(new TestGuard(store)).clock(clock);
    Router router = Router.router(vertx);
    module.mount(router);
    http = Await.result(vertx.createHttpServer(org.pledgepad.server.http.HttpProtocol.options()).requestHandler(router).listen(0, "127.0.0.1"));
  }

  static PledgeTestServer start(Path dataDir, boolean seed) {
    return new PledgeTestServer(Map.of("DATA_DIR", dataDir.toString()), seed);
  }

  static PledgeTestServer start(Map<String, String> env, boolean seed) {
    return new PledgeTestServer(env, seed);
  }

  /** A seeded server whose pledge service caches (true) or reads afresh on every request (false). */
  static PledgeTestServer seeded(Path dataDir, boolean cached) {
    return new PledgeTestServer(Map.of("DATA_DIR", dataDir.toString()), true, cached, Clock.systemUTC());
  }

  /** A server node whose routes date links and status changes by {@code clock}. */
  static PledgeTestServer start(Map<String, String> env, boolean seed, Clock clock) {
    return new PledgeTestServer(env, seed, true, clock);
  }

  /**
   * Listens for the other nodes on the PostgreSQL database as the server does (its cluster fan-out,
   * here without sockets), so that their pledge metadata changes reach this node's cache.
   */
  PledgeTestServer followOtherNodes() {
    fanout = new org.pledgepad.server.cluster.ClusterFanout(vertx, config.databaseUrl().orElseThrow(),
        new org.pledgepad.server.session.SessionRegistry(vertx, store, org.pledgepad.server.doc.YjsDocument::new,
            org.pledgepad.server.session.SessionSettings.from(config), new org.pledgepad.server.metrics.ServerMetrics(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())), store);
    module.followOtherNodes(fanout);
    Await.result(fanout.start());
    return this;
  }

  HttpResponse<String> send(String method, String path, String user, String contentType, String body) {
    return sendBytes(method, path, user, contentType, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A request whose body is sent byte for byte (not necessarily UTF-8). */
  HttpResponse<String> sendBytes(String method, String path, String user, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.actualPort() + path));
    if (user != null) {
      b.header("X-Test-User", user);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #send} without waiting: for requests that must be in flight on two nodes at once. */
  java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String user,
      String contentType, String body) {
    return java.util.concurrent.CompletableFuture.supplyAsync(() -> send(method, path, user, contentType, body));
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null, null, null);
  }

  HttpResponse<String> get(String path, String header, String value) {
    return get(path, Map.of(header, value));
  }

  HttpResponse<String> get(String path, Map<String, String> headers) {
    try {
      return getAsync(path, headers).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET with the given headers, not waited for: for requests that must be in flight together. */
  java.util.concurrent.CompletableFuture<HttpResponse<String>> getAsync(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.actualPort() + path));
    headers.forEach(b::header);
    return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    // Vert.x closes the HTTP server and the store's worker with itself; the pledge database has its own thread.
    if (fanout != null) {
      Await.result(fanout.close());
    }
    Await.result(module.close());
    Await.result(vertx.close());
  }

  /**
   * Principal from a test header; owner body "council" for every document, stage from the store;
   * the client address from header {@code X-Test-Address} (as a trusted proxy would forward it).
   */
  static final class TestGuard implements PledgeGuard {
    private final DocumentStore store;

    TestGuard(DocumentStore store) {
      this.store = store;
    }

    @Override
    public Future<Principal> principal(RoutingContext ctx) {
      String h = ctx.request().getHeader("X-Test-User");
      if (h == null) {
        return Future.succeededFuture(Principal.anonymous());
      }
      String[] p = h.split(" ");
      Set<Body> bodies = p.length > 2 ? Set.of(new Body(p[2])) : Set.of();
      // A fourth word limits the principal to one document, like a token issued with --doc.
      return Future.succeededFuture(new Principal(p[1], p[1], p[1], false, Role.valueOf(p[0]), bodies, p.length > 3 ? p[3] : null));
    }

    @Override
    public String clientAddress(RoutingContext ctx) {
      String forwarded = ctx.request().getHeader("X-Test-Address");
      return forwarded != null ? forwarded : PledgeGuard.super.clientAddress(ctx);
    }

    /** Every test account's name is its id, capitalised ("rat-1" reads "Rat-1"). */
    @Override
    public Optional<String> displayName(String subject) {
      return Optional.of(Character.toUpperCase(subject.charAt(0)) + subject.substring(1));
    }

    @Override
    public Future<Optional<DocumentAccess>> access(String document) {
      return store.document(document).map(d -> d.map(i ->
          new DocumentAccess(document, COUNCIL, Set.of(), Set.of(), Stage.valueOf(i.stage().name()))));
    }
  }
}
