package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import org.pledgepad.auth.Operation;
import org.pledgepad.server.http.Problems;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.store.DocumentInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PATCH /api/documents/{name}: an admin changes a document's title, kind, stage or owner body.
 * Authorised by the guard (Operation.ADMIN, CSRF for cookie sessions); afterwards the access
 * layer is refreshed, so open connections are re-checked at once (a published document stops
 * taking its writers' edits before this request is answered).
 */
final class DocumentSettingsRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentSettingsRoutes.class);
  private static final int MAX_BODY_BYTES = 2048;

  private final AccessControl access;
  private final AccessGuard guard;

  DocumentSettingsRoutes(AccessControl access, AccessGuard guard) {
    this.access = access;
    this.guard = guard;
  }

  void mount(Router router) {
    router.patch("/api/documents/:name").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::patch);
  }

  private void patch(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!DocumentNames.isValid(name)) {
      Problems.send(ctx, 400, Problems.INVALID_NAME, "Invalid document name");
      return;
    }
    // Authorise before looking at the body or the store: a refused caller learns nothing,
    // not even whether the document exists.
    guard.require(ctx, name, Operation.ADMIN).onSuccess(p -> {
      DocumentSettingsPatch patch = parse(ctx);
      if (patch == null) {
        return;
      }
      access.documentStore().document(name).compose(found -> {
        if (found.isEmpty()) {
          Problems.send(ctx, 404, Problems.NOT_FOUND, "No such document");
          return Future.<Void>succeededFuture();
        }
        DocumentInfo next = patch.applyTo(found.get());
        return access.documentStore().putDocument(name, next.title(), next.kind(), next.stage())
            .compose(v -> patch.ownerBody().isEmpty() ? Future.<Void>succeededFuture()
                : access.vertx().<Void>executeBlocking(() -> {
                  access.documentAccessStore().setOwner(name, patch.ownerBody().get());
                  return null;
                }, false))
            .compose(v -> access.refresh())
            .compose(v -> access.documentStore().document(name))
            .map(after -> {
              LOG.info("Document settings changed: document={} by={}", name, p.subject());
              JsonObject out = after.orElse(next).toJson(true)
                  .put("ownerBody", access.documentAccess(name).ownerBody().id());
              ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                  .end(out.encode());
              return null;
            });
      }).onFailure(e -> {
        LOG.error("Document settings change failed", e);
        if (!ctx.response().ended()) {
          Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Storage unavailable");
        }
      });
    });
  }

  /** The patch, or null after answering 415/400. */
  private static DocumentSettingsPatch parse(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      Problems.send(ctx, 415, AccessProblems.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
      return null;
    }
    try {
      return DocumentSettingsPatch.parse(ctx.body().asJsonObject());
    } catch (DecodeException | ClassCastException e) {
      Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, "Expected a JSON object");
    } catch (DocumentSettingsPatch.Invalid e) {
      Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, e.getMessage());
    }
    return null;
  }
}
