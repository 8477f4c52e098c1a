package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.User;
import org.pledgepad.server.http.Problems;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.store.DocumentInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (Contract: resources/openapi/documents.yaml.) PATCH /api/documents/{name}: an admin changes a document's title, kind, stage, owner body, or
 * who besides the body edits it (editors: a coalition partner's councillors) and who may read
 * and comment on it as a draft (commenters); GET …/settings reads all of that. Whoever writes a
 * draft may change its title, nothing else.
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
    router.get("/api/documents/:name/settings").handler(this::read);
    router.get("/api/openapi/documents.yaml").handler(org.pledgepad.server.history.OpenApi.handler("/openapi/documents.yaml"));
  }

  /** GET …/settings: what PATCH changes, as it stands (ADMIN: the lists name people). */
  private void read(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!DocumentNames.isValid(name)) {
      Problems.send(ctx, 400, Problems.INVALID_NAME, "Invalid document name");
      return;
    }
    guard.require(ctx, name, Operation.ADMIN).onSuccess(p -> access.documentStore().document(name)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            Problems.send(ctx, 404, Problems.NOT_FOUND, "No such document");
          } else {
            answer(ctx, settings(found.get()));
          }
        })
        .onFailure(e -> {
          LOG.error("Reading document settings failed", e);
          Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Storage unavailable");
        }));
  }

  /**
   * The document's metadata with its owner body (id and name) and the people listed as editors
   * and commenters (id, login, display name; an account no longer known has only its id).
   */
  private JsonObject settings(DocumentInfo d) {
    DocumentAccess a = access.documentAccess(d.name());
    return d.toJson(true)
        .put("ownerBody", a.ownerBody().id())
        .put("ownerBodyName", access.bodyName(a.ownerBody()).orElse(a.ownerBody().id()))
        .put("editors", people(a.editors()))
        .put("commenters", people(a.commenters()));
  }

  private JsonArray people(Set<String> subjects) {
    JsonArray out = new JsonArray();
    subjects.stream().sorted().forEach(id -> {
      JsonObject person = new JsonObject().put("id", id);
      access.account(id).ifPresent(u -> person.put("login", u.login()).put("displayName", u.displayName()));
      out.add(person);
    });
    return out;
  }

  /** Each listed person's account id, or null after answering 400 for one that is not an active account. */
  private Set<String> subjects(RoutingContext ctx, List<String> people, String field) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < people.size(); i++) {
      Optional<User> u = access.account(people.get(i));
      if (u.isEmpty() || u.get().disabled()) {
        Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, field + "[" + i + "] is not an active account");
        return null;
      }
      if (!out.add(u.get().id())) {
        Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, field + "[" + i + "] names an account listed before");
        return null;
      }
    }
    return out;
  }

  private static void answer(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  private void patch(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!DocumentNames.isValid(name)) {
      Problems.send(ctx, 400, Problems.INVALID_NAME, "Invalid document name");
      return;
    }
    // Authorise before looking at the body or the store: a refused caller learns nothing,
    // not even whether the document exists. Besides admins, whoever writes a draft may give it
    // another title and put it up for consultation (DocumentSettingsPatch.forDraftWriters);
    // everything else stays the admins'.
    guard.requireDraftWriterOrAdmin(ctx, name).onSuccess(p -> {
      boolean admin = Authorizer.isAllowed(p, access.documentAccess(name), Operation.ADMIN);
      DocumentSettingsPatch patch = parse(ctx);
      if (patch == null) {
        return;
      }
      if (!admin && !patch.forDraftWriters()) {
        Problems.send(ctx, 403, AccessProblems.FORBIDDEN,
            "Not allowed: writers of a draft change its title and put it up for consultation, nothing else");
        return;
      }
      Set<String> editors = patch.editors().isEmpty() ? null : subjects(ctx, patch.editors().get(), "editors");
      if (patch.editors().isPresent() && editors == null) {
        return;
      }
      Set<String> commenters = patch.commenters().isEmpty() ? null : subjects(ctx, patch.commenters().get(), "commenters");
      if (patch.commenters().isPresent() && commenters == null) {
        return;
      }
      access.documentStore().document(name).compose(found -> {
        if (found.isEmpty()) {
          Problems.send(ctx, 404, Problems.NOT_FOUND, "No such document");
          return Future.<Void>succeededFuture();
        }
        DocumentInfo next = patch.applyTo(found.get());
        return access.documentStore().putDocument(name, next.title(), next.kind(), next.stage())
            .compose(v -> access.vertx().<Void>executeBlocking(() -> {
              patch.ownerBody().ifPresent(owner -> access.documentAccessStore().setOwner(name, owner));
              if (editors != null) {
                access.documentAccessStore().replaceMembers(name, "editor", editors);
              }
              if (commenters != null) {
                access.documentAccessStore().replaceMembers(name, "commenter", commenters);
              }
              return null;
            }, false))
            .compose(v -> access.refresh())
            .compose(v -> access.documentStore().document(name))
            .map(after -> {
              LOG.info("Document settings changed: document={} by={}", name, p.subject());
              // The lists name people: only an admin gets them back.
              answer(ctx, admin ? settings(after.orElse(next)) : after.orElse(next).toJson(true));
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
    if (JsonOnly.refused(ctx)) {
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
