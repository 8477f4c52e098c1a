package org.pledgepad.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST API the web client reads: document list, one document, the current user. */
public final class ApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final DocumentStore store;

  public ApiRoutes(DocumentStore store) {
    this.store = store;
  }

  /**
   * Which documents the caller may read (access layer); absent = all. Its future fails only
   * after the problem answer was sent (e.g. a bad bearer token).
   */
  private java.util.function.Function<RoutingContext, io.vertx.core.Future<java.util.function.Predicate<String>>> readable =
      ctx -> io.vertx.core.Future.succeededFuture(name -> true);

  /** Hides documents the caller may not read (drafts) from the list and the detail route. */
  public ApiRoutes readFilter(
      java.util.function.Function<RoutingContext, io.vertx.core.Future<java.util.function.Predicate<String>>> f) {
    this.readable = f;
    return this;
  }

  /** The body that owns a document ({id, name}), for its detail; absent where nothing owns it. */
  private java.util.function.Function<String, java.util.Optional<JsonObject>> owner = name -> java.util.Optional.empty();

  /**
   * Names the owning body in GET /api/documents/{name}: who is responsible for a text is part of
   * the public record of a political document (and a draft is shown only to those who may read it).
   */
  public ApiRoutes ownerOf(java.util.function.Function<String, java.util.Optional<JsonObject>> f) {
    this.owner = f;
    return this;
  }

  public void mount(Router router) {
    router.get("/api/documents").handler(this::list);
    router.get("/api/documents/:name").handler(this::one);
    router.get("/api/me").handler(this::me);
    router.route("/api/*").handler(ctx -> Problems.send(ctx, 404, Problems.NOT_FOUND, "No such resource"));
  }

  private void list(RoutingContext ctx) {
    readable.apply(ctx).onSuccess(mayRead -> store.listDocuments()
        .onSuccess(docs -> {
          JsonArray out = new JsonArray();
          for (DocumentInfo d : docs) {
            if (mayRead.test(d.name())) {
              out.add(d.toJson(false));
            }
          }
          json(ctx, out.encode());
        })
        .onFailure(e -> storeFailed(ctx, e)));
  }

  private void one(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!DocumentNames.isValid(name)) {
      Problems.send(ctx, 400, Problems.INVALID_NAME, "Invalid document name");
      return;
    }
    readable.apply(ctx).onSuccess(mayRead -> store.document(name)
        .onSuccess(d -> {
          // Unreadable documents answer like missing ones: a draft's existence is not public.
          if (d.isEmpty() || !mayRead.test(name)) {
            Problems.send(ctx, 404, Problems.NOT_FOUND, "No such document");
          } else {
            JsonObject out = d.get().toJson(true);
            owner.apply(name).ifPresent(o -> out.put("ownerBody", o));
            json(ctx, out.encode());
          }
        })
        .onFailure(e -> storeFailed(ctx, e)));
  }

  private void me(RoutingContext ctx) {
    // Accounts come with a later issue: everyone is a guest for now.
    json(ctx, new JsonObject().put("role", "guest").putNull("user").encode());
  }

  private static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(body);
  }

  private static void storeFailed(RoutingContext ctx, Throwable e) {
    LOG.error("Store request failed", e);
    Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Storage unavailable");
  }
}
