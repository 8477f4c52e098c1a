package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Stage;
import org.pledgepad.server.http.Problems;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/documents: a councillor starts a motion of their body ("Neuer Antrag"). The new
 * document is an empty draft owned by that body, so exactly the people who may write a draft of
 * the body may start one — decided by the one {@link Authorizer#authorize}, as the draft's first
 * edit will be (SYNC_WRITE on a draft of that body: its councillors, and admins). Pledge
 * documents are not started here: they come from an import, with their pledges.
 *
 * <p>Body: {@code {"title": "…", "ownerBody": "…"}}; the owner body may be left out when the
 * caller belongs to exactly one. Answer 201 with the document (as GET /api/documents/{name},
 * plus ownerBody) and its Location. At most {@link CreationQuota#PER_HOUR} per account and hour
 * on each node (429 with Retry-After).
 */
final class DocumentCreateRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentCreateRoutes.class);
  private static final int MAX_BODY_BYTES = 2048;
  private static final Set<String> FIELDS = Set.of("title", "ownerBody");
  /** Attempts at a free name: a clash of six random characters after the same title is already rare. */
  private static final int NAME_ATTEMPTS = 3;
  static final String QUOTA = "urn:pledgepad:problem:documents:quota";
  static final String NO_BODY = "urn:pledgepad:problem:documents:no-body";
  static final String CHOOSE_BODY = "urn:pledgepad:problem:documents:choose-body";
  static final String HAS_HISTORY = "urn:pledgepad:problem:documents:has-history";

  private final AccessControl access;
  private final AccessGuard guard;
  private final NewDocumentNames names;
  private final CreationQuota quota;

  DocumentCreateRoutes(AccessControl access, AccessGuard guard) {
    this.access = access;
    this.guard = guard;
    this.names = new NewDocumentNames(access.settings().random());
    this.quota = new CreationQuota(access.settings().clock());
  }

  void mount(Router router) {
    router.post("/api/documents").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::create);
    router.delete("/api/documents/:name").handler(this::delete);
  }

  /**
   * DELETE /api/documents/{name}: an empty draft started by mistake goes again. Allowed to whoever
   * writes the draft, and to admins; a document anyone has written in is never deleted (409
   * {@code documents:has-history}: the log is the public record). The access rows go first, and
   * the name is listed as deleted in the same transaction, so every open connection, admins'
   * included, is closed (document-deleted) before the document row goes, and nobody opens the
   * name again (an admin's provider reconnecting to it would otherwise create it anew, without an
   * owner). If an edit was logged in between, the store keeps the document and its access and
   * name come back.
   */
  private void delete(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!DocumentNames.isValid(name)) {
      Problems.send(ctx, 400, Problems.INVALID_NAME, "Invalid document name");
      return;
    }
    guard.requireDraftWriterOrAdmin(ctx, name).onSuccess(p -> access.documentStore().document(name)
        .compose(found -> {
          if (found.isEmpty()) {
            Problems.send(ctx, 404, Problems.NOT_FOUND, "No such document");
            return Future.<Void>succeededFuture();
          }
          if (found.get().headSeq() > 0) {
            hasHistory(ctx);
            return Future.<Void>succeededFuture();
          }
          DocumentAccess before = access.documentAccess(name);
          return access.vertx().<Void>executeBlocking(() -> {
            access.documentAccessStore().retire(name, System.currentTimeMillis());
            return null;
          }, false)
              .compose(v -> access.refresh())
              .compose(v -> access.documentStore().deleteIfEmpty(name))
              .compose(deleted -> {
                if (deleted) {
                  LOG.info("Document deleted: document={} by={}", name, p.subject());
                  ctx.response().setStatusCode(204).end();
                  return Future.<Void>succeededFuture();
                }
                return restore(name, before).onSuccess(v -> hasHistory(ctx));
              }, failure -> restore(name, before).transform(ignored -> Future.<Void>failedFuture(failure)));
        })
        .onFailure(e -> {
          LOG.error("Deleting a document failed", e);
          if (!ctx.response().ended()) {
            Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Storage unavailable");
          }
        }));
  }

  private static void hasHistory(RoutingContext ctx) {
    Problems.send(ctx, 409, HAS_HISTORY, "Someone has written in this document; its history is kept");
  }

  /** Puts back the access and the name a document had before a deletion that did not happen. */
  private Future<Void> restore(String name, DocumentAccess before) {
    return access.vertx().<Void>executeBlocking(() -> {
      access.documentAccessStore().unretire(name);
      if (!before.ownerBody().equals(DocumentAccessStore.NO_OWNER)) {
        access.documentAccessStore().setOwner(name, before.ownerBody());
      }
      access.documentAccessStore().replaceMembers(name, "editor", before.editors());
      access.documentAccessStore().replaceMembers(name, "commenter", before.commenters());
      return null;
    }, false).compose(v -> access.refresh());
  }

  private record Request(String title, Optional<Body> ownerBody) {}

  private void create(RoutingContext ctx) {
    guard.accountWide(ctx).onSuccess(p -> {
      if (p.isAnonymous()) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(ctx, 401, AccessProblems.UNAUTHENTICATED, "Sign in required");
        return;
      }
      Request request = parse(ctx);
      if (request == null) {
        return;
      }
      Body owner = owner(ctx, p, request);
      if (owner == null) {
        return;
      }
      String name = names.next(request.title());
      DocumentAccess draft = new DocumentAccess(name, owner, Set.of(), Set.of(), Stage.DRAFT);
      if (!Authorizer.isAllowed(p, draft, Operation.SYNC_WRITE)) {
        Problems.send(ctx, 403, AccessProblems.FORBIDDEN, "Not allowed: only those who write drafts of this body start one");
        return;
      }
      long wait = quota.tryTake(p.subject());
      if (wait > 0) {
        ctx.response().putHeader("Retry-After", Long.toString(wait));
        Problems.send(ctx, 429, QUOTA, "Too many new documents; try again later",
            new JsonObject().put("perHour", CreationQuota.PER_HOUR));
        return;
      }
      start(name, request.title(), 1).compose(created -> owned(created, owner))
          .onSuccess(created -> {
            // Ids only: the title is content someone typed.
            LOG.info("Document created: document={} owner={} by={}", created, owner.id(), p.subject());
            access.documentStore().document(created).onComplete(found -> {
              JsonObject out = found.succeeded() && found.result().isPresent()
                  ? found.result().get().toJson(true) : new JsonObject().put("name", created);
              ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                  .putHeader("Cache-Control", "no-store").putHeader("Location", "/api/documents/" + created)
                  .end(out.put("ownerBody", owner.id()).encode());
            });
          })
          .onFailure(e -> {
            quota.giveBack(p.subject());
            LOG.error("Starting a document failed", e);
            if (!ctx.response().ended()) {
              Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Storage unavailable");
            }
          });
    });
  }

  /** Creates the document under {@code name}, or under a fresh name when that one is taken or was deleted. */
  private Future<String> start(String name, String title, int attempt) {
    Future<Boolean> free = access.snapshot().deleted(name) ? Future.succeededFuture(false)
        : access.documentStore().createDocument(name, title, DocumentKind.MOTION, DocumentStage.DRAFT);
    return free
        .compose(created -> {
          if (created) {
            return Future.succeededFuture(name);
          }
          if (attempt >= NAME_ATTEMPTS) {
            return Future.failedFuture(new IllegalStateException("no free document name after " + attempt + " attempts"));
          }
          return start(names.next(title), title, attempt + 1);
        });
  }

  /**
   * Gives the new document its owner and makes every node's access layer see it. Until the owner
   * row is written the document has none and only admins could open it; if writing it fails,
   * the still empty document is removed again, so no unowned draft is left behind.
   */
  private Future<String> owned(String name, Body owner) {
    return access.vertx().<Void>executeBlocking(() -> {
      access.documentAccessStore().setOwner(name, owner);
      return null;
    }, false)
        .recover(e -> access.documentStore().deleteIfEmpty(name).transform(ignored -> Future.<Void>failedFuture(e)))
        .compose(v -> access.refresh())
        .map(name);
  }

  /** The owner body: the one asked for, or the caller's only one; null after answering 400/403. */
  private static Body owner(RoutingContext ctx, Principal p, Request request) {
    if (request.ownerBody().isPresent()) {
      return request.ownerBody().get();
    }
    if (p.bodies().size() == 1) {
      return p.bodies().iterator().next();
    }
    if (p.bodies().isEmpty()) {
      Problems.send(ctx, 403, NO_BODY, "Not a member of any council body; a document is started for one");
    } else {
      Problems.send(ctx, 400, CHOOSE_BODY, "Member of several bodies: name one in ownerBody");
    }
    return null;
  }

  /** The request, or null after answering 415/400. */
  private static Request parse(RoutingContext ctx) {
    if (JsonOnly.refused(ctx)) {
      return null;
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new DocumentSettingsPatch.Invalid("Expected a JSON object with a title");
      }
      for (String field : body.fieldNames()) {
        if (!FIELDS.contains(field)) {
          throw new DocumentSettingsPatch.Invalid("Unknown field; allowed: title, ownerBody");
        }
      }
      Map<String, Object> m = body.getMap();
      if (!m.containsKey("title")) {
        throw new DocumentSettingsPatch.Invalid("title is required");
      }
      return new Request(DocumentSettingsPatch.title(m.get("title")),
          m.containsKey("ownerBody") ? Optional.of(DocumentSettingsPatch.owner(m.get("ownerBody"))) : Optional.empty());
    } catch (DecodeException | ClassCastException e) {
      Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, "Expected a JSON object");
    } catch (DocumentSettingsPatch.Invalid e) {
      Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, e.getMessage());
    }
    return null;
  }
}
