package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.Decision;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.LinkOrigin;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.PledgeStatus;
import org.pledgepad.pledges.model.StatusChange;
import org.pledgepad.pledges.model.StatusEvidence;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentStore;

/**
 * /api/pledges: pledge documents with status, the comparison, links and status changes. Reading
 * needs READ on the document; links need SYNC_WRITE (editing the documents) on both sides; status
 * changes need MODERATE (tracking happens after adoption, when the text itself is read-only).
 */
public final class PledgeApiRoutes {
  static final Pattern PLEDGE_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?");
  static final int MAX_JSON_BYTES = 16 * 1024;
  static final int MAX_TEXT = 4000;

  private final PledgeService service;
  private final DocumentStore documents;
  private final PledgeGuard guard;
  private final Clock clock;
  private final PledgeReadLimit readLimit;

  PledgeApiRoutes(PledgeService service, DocumentStore documents, PledgeGuard guard, Clock clock,
      PledgeReadLimit readLimit) {
    this.service = service;
    this.documents = documents;
    this.guard = guard;
    this.clock = clock;
    this.readLimit = readLimit;
  }

  PledgeGuard guard() {
    return guard;
  }

  public void mount(Router router) {
    router.get("/api/pledges/documents").handler(this::list);
    router.get("/api/pledges/documents/:name").handler(this::one);
    router.get("/api/pledges/compare").handler(this::compare);
    router.post("/api/pledges/links").handler(BodyHandler.create(false).setBodyLimit(MAX_JSON_BYTES)).handler(this::addLink);
    router.delete("/api/pledges/links/:id").handler(this::deleteLink);
    new SuccessionRoutes(service, documents, this, clock).mount(router);
    router.put("/api/pledges/:id/status").handler(BodyHandler.create(false).setBodyLimit(MAX_JSON_BYTES)).handler(this::status);
  }

  private void list(RoutingContext ctx) {
    guard.principal(ctx).onSuccess(who -> documents.listDocuments()
        .compose(all -> readable(who, all))
        .compose(infos -> service.refreshAll(infos.stream().map(DocumentInfo::name).toList()).map(docs -> {
          JsonArray out = new JsonArray();
          for (PledgeDocument d : docs) {
            String stage = infos.stream().filter(i -> i.name().equals(d.id())).findFirst().orElseThrow().stage().wire();
            out.add(PledgeJson.documentSummary(d, stage));
          }
          return out;
        }))
        .onSuccess(out -> json(ctx, 200, out.encode()))
        .onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  Future<List<DocumentInfo>> readable(Principal who, List<DocumentInfo> all) {
    List<DocumentInfo> out = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (DocumentInfo d : all) {
      chain = chain.compose(v -> guard.access(d.name()).map(a -> {
        if (a.isPresent() && Authorizer.isAllowed(who, a.get(), Operation.READ)) {
          out.add(d);
        }
        return null;
      }));
    }
    return chain.map(v -> out);
  }

  private void one(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!DocumentNames.isValid(name)) {
      PledgeProblems.badRequest(ctx, "invalid document name");
      return;
    }
    guard.principal(ctx).onSuccess(who -> allowed(ctx, who, name, Operation.READ).compose(ok -> {
      if (!ok) {
        return Future.succeededFuture();
      }
      return service.refresh(name).compose(d -> {
        if (d.isEmpty()) {
          PledgeProblems.notFound(ctx, "No such pledge document");
          return Future.succeededFuture();
        }
        Set<String> ids = d.get().pledges().stream().map(Pledge::id).collect(Collectors.toSet());
        return documents.document(name).compose(info -> service.store().statuses(ids.stream().toList())
            .compose(tracks -> service.store().links().compose(links -> visibleLinks(who, name, ids, links.stream()
                .filter(l -> ids.contains(l.link().a()) || ids.contains(l.link().b())).toList())).map(mine -> {
              json(ctx, 200, named(who, PledgeJson.document(d.get(), info.map(i -> i.stage().wire()).orElse("draft"),
                  forGuest(who, tracks, PledgeService::unattributed), forGuest(who, mine, PledgeApiRoutes::unattributed))).encode());
              return null;
            })));
      });
    }).onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  /**
   * Guests get the rows without the account id of whoever acted (personal data, published empty in
   * open data too); signed-in readers keep it: who linked or set a status is part of the record
   * the council works with.
   */
  static <T> List<T> forGuest(Principal who, List<T> rows, java.util.function.UnaryOperator<T> unattributed) {
    return who.isAnonymous() ? rows.stream().map(unattributed).toList() : rows;
  }

  /**
   * For a signed-in reader, the display names beside the account ids ({@link ActorNames}); the ids
   * themselves only for councillors and above, who work with the record. A citizen needs the
   * name, not the account behind it (an OIDC subject can be an e-mail address, and the name a
   * pseudonym).
   */
  JsonObject named(Principal who, JsonObject answer) {
    if (who.isAnonymous()) {
      return answer;
    }
    ActorNames.add(answer, guard::displayName);
    return who.role().atLeast(Role.COUNCILLOR) ? answer : ActorNames.withoutIds(answer);
  }

  private static StoredLink unattributed(StoredLink l) {
    return new StoredLink(l.id(), PledgeService.unattributed(l.link()));
  }

  /**
   * The links of document {@code name} (pledge ids {@code ids}) whose other side the caller may read.
   * A link names the other pledge by its id, the slug of its title, so a link from a public document
   * into a draft would tell a guest what the draft promises. A link whose other pledge is in no
   * document any more (heading deleted) is shown to those who may edit this document, who may remove it.
   */
  private Future<List<StoredLink>> visibleLinks(Principal who, String name, Set<String> ids, List<StoredLink> links) {
    java.util.Map<String, Boolean> readable = new java.util.HashMap<>();
    List<StoredLink> out = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (StoredLink l : links) {
      String other = ids.contains(l.link().a()) && ids.contains(l.link().b()) ? null
          : ids.contains(l.link().a()) ? l.link().b() : l.link().a();
      chain = chain.compose(v -> (other == null ? Future.succeededFuture(Optional.of(name)) : service.store().documentOf(other))
          .compose(doc -> {
            String asked = doc.orElse(name);
            Operation op = doc.isPresent() ? Operation.READ : Operation.SYNC_WRITE;
            String key = asked + "\u0000" + op;
            if (readable.containsKey(key)) {
              return Future.succeededFuture(readable.get(key));
            }
            return guard.access(asked).map(a -> {
              boolean ok = a.isPresent() && Authorizer.isAllowed(who, a.get(), op);
              readable.put(key, ok);
              return ok;
            });
          })
          .map(ok -> {
            if (ok) {
              out.add(l);
            }
            return null;
          }));
    }
    return chain.map(v -> out);
  }

  private void compare(RoutingContext ctx) {
    String a = ctx.queryParams().get("a");
    String b = ctx.queryParams().get("b");
    if (a == null || b == null || !DocumentNames.isValid(a) || !DocumentNames.isValid(b) || a.equals(b)) {
      PledgeProblems.badRequest(ctx, "query parameters a and b must name two different documents");
      return;
    }
    // The whole comparison in one of the client's slots: a pair of versions not compared before costs Lucene work.
    guard.principal(ctx).onSuccess(who -> readLimit.run(ctx, who, () -> allowed(ctx, who, a, Operation.READ)
        .compose(okA -> okA ? allowed(ctx, who, b, Operation.READ) : Future.succeededFuture(false))
        .compose(ok -> {
          if (!ok) {
            return Future.succeededFuture();
          }
          return service.refresh(a).compose(da -> service.refresh(b).compose(db -> {
            if (da.isEmpty() || db.isEmpty()) {
              PledgeProblems.notFound(ctx, "No such pledge document");
              return Future.succeededFuture();
            }
            // One read of the links for both the comparison and the answer's link list.
            List<String> ids = new ArrayList<>();
            da.get().pledges().forEach(p -> ids.add(p.id()));
            db.get().pledges().forEach(p -> ids.add(p.id()));
            return service.store().links().map(all -> forGuest(who, all, PledgeApiRoutes::unattributed))
                .compose(links -> service.compare(da.get(), db.get(),
                links.stream().map(StoredLink::link).toList()).compose(result -> service.store().statuses(ids).map(tracks -> {
              Set<String> both = new java.util.HashSet<>(ids);
              JsonArray ls = new JsonArray();
              links.stream().filter(l -> both.contains(l.link().a()) && both.contains(l.link().b()))
                  .forEach(l -> ls.add(PledgeJson.link(l)));
              // Current status of every pledge on either side, so the page shows what became of a promise.
              JsonObject statuses = new JsonObject();
              // entry: index of the current status in the history, what comments on the status name
              // (absent while the pledge was never assessed).
              tracks.forEach(tr -> statuses.put(tr.pledgeId(), new JsonObject().put("status", tr.current().name())
                  .put("statusLabel", tr.current().label())
                  .put("entry", tr.history().isEmpty() ? null : tr.history().size() - 1)));
              answerComparison(ctx, named(who, PledgeJson.of(result).put("links", ls).put("statuses", statuses)).encode());
              return null;
            })));
          }));
        }))
        .onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  /**
   * The comparison with an entity tag of exactly what this reader is shown, so that the page can
   * ask every so often whether anything changed (links or statuses set by others, a new text)
   * and get 304 without a body when nothing did. Not stored by any cache: it is per reader.
   */
  private static void answerComparison(RoutingContext ctx, String body) {
    String etag = org.pledgepad.pledges.export.ExportFile.etag(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ctx.response().putHeader("ETag", etag);
    if (org.pledgepad.server.http.EntityTags.matches(ctx.request().getHeader("If-None-Match"), etag)) {
      ctx.response().setStatusCode(304).putHeader("Cache-Control", "no-store").end();
      return;
    }
    json(ctx, 200, body);
  }

  private void addLink(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    if (body == null) {
      return;
    }
    String a = body.getValue("a") instanceof String s ? s : null;
    String b = body.getValue("b") instanceof String s ? s : null;
    LinkKind kind;
    LinkOrigin origin;
    try {
      kind = LinkKind.valueOf(String.valueOf(body.getValue("kind")));
      origin = body.containsKey("origin") ? LinkOrigin.valueOf(String.valueOf(body.getValue("origin"))) : LinkOrigin.MANUAL;
    } catch (IllegalArgumentException e) {
      PledgeProblems.badRequest(ctx, "kind must be SAME, PARTLY or RELATED; origin MANUAL or SUGGESTION_CONFIRMED");
      return;
    }
    if (a == null || b == null || !PLEDGE_ID.matcher(a).matches() || !PLEDGE_ID.matcher(b).matches() || a.equals(b)) {
      PledgeProblems.badRequest(ctx, "a and b must be two different pledge ids");
      return;
    }
    guard.principal(ctx).onSuccess(who -> signedIn(ctx, who).compose(v -> readablePledge(who, a)).compose(docA -> readablePledge(who, b).compose(docB -> {
      if (docA.isEmpty() || docB.isEmpty()) {
        PledgeProblems.unknownPledge(ctx);
        return Future.succeededFuture();
      }
      return allowed(ctx, who, docA.get(), Operation.SYNC_WRITE)
          .compose(ok -> ok ? allowed(ctx, who, docB.get(), Operation.SYNC_WRITE) : Future.succeededFuture(false))
          .compose(ok -> {
            if (!ok) {
              return Future.succeededFuture();
            }
            PledgeLink link = new PledgeLink(a, b, kind, who.subject(), clock.instant(), origin);
            return service.store().addLink(link).map(stored -> {
              if (stored.isEmpty()) {
                PledgeProblems.send(ctx, 409, PledgeProblems.CONFLICT, "These pledges are already linked", null);
              } else {
                ctx.response().putHeader("Location", "/api/pledges/links/" + stored.get().id());
                json(ctx, 201, PledgeJson.link(stored.get()).encode());
              }
              return null;
            });
          });
    })).onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  private void deleteLink(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id.length() > 64 || !id.matches("[0-9a-f-]+")) {
      PledgeProblems.badRequest(ctx, "invalid link id");
      return;
    }
    guard.principal(ctx).onSuccess(who -> signedIn(ctx, who).compose(v -> service.store().link(id)).compose(link -> {
      if (link.isEmpty()) {
        PledgeProblems.notFound(ctx, "No such link");
        return Future.succeededFuture();
      }
      return service.store().documentOf(link.get().link().a())
          .compose(docA -> service.store().documentOf(link.get().link().b()).compose(docB -> {
            // A side whose pledge left the index (heading deleted) no longer names a document;
            // the other side's editors may still remove the dangling link.
            List<String> docs = new ArrayList<>();
            docA.ifPresent(docs::add);
            docB.ifPresent(docs::add);
            if (docs.isEmpty()) {
              return Future.succeededFuture(false);
            }
            Future<Boolean> all = Future.succeededFuture(true);
            for (String d : docs) {
              all = all.compose(ok -> ok ? allowed(ctx, who, d, Operation.SYNC_WRITE) : Future.succeededFuture(false));
            }
            return all;
          }))
          .compose(ok -> {
            if (!ok) {
              if (!ctx.response().ended()) {
                PledgeProblems.forbidden(ctx, "NO_DOCUMENT");
              }
              return Future.succeededFuture();
            }
            return service.store().deleteLink(id).map(v -> {
              ctx.response().setStatusCode(204).end();
              return null;
            });
          });
    }).onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  private void status(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!PLEDGE_ID.matcher(id).matches()) {
      PledgeProblems.badRequest(ctx, "invalid pledge id");
      return;
    }
    JsonObject body = jsonBody(ctx);
    if (body == null) {
      return;
    }
    PledgeStatus status;
    StatusEvidence evidence = null;
    String note = body.getValue("note") instanceof String s ? s : "";
    try {
      status = PledgeStatus.parse(String.valueOf(body.getValue("status")));
      if (body.getValue("evidence") instanceof JsonObject ev) {
        String text = ev.getValue("text") instanceof String s ? s : "";
        String link = ev.getValue("link") instanceof String s ? s : "";
        if (text.isBlank() || text.length() > MAX_TEXT || link.length() > 2000
            || !(link.isEmpty() || link.startsWith("https://") || link.startsWith("http://"))) {
          throw new IllegalArgumentException("evidence needs a text (at most " + MAX_TEXT + " characters) and an http(s) link or none");
        }
        evidence = new StatusEvidence(LocalDate.parse(String.valueOf(ev.getValue("date"))), text, link);
      } else if (body.containsKey("evidence")) {
        throw new IllegalArgumentException("evidence must be an object {date, text, link}");
      }
      if (note.length() > MAX_TEXT) {
        throw new IllegalArgumentException("note too long");
      }
    } catch (DateTimeParseException e) {
      PledgeProblems.badRequest(ctx, "evidence.date must be an ISO date (YYYY-MM-DD)");
      return;
    } catch (IllegalArgumentException e) {
      PledgeProblems.badRequest(ctx, e.getMessage().startsWith("unknown pledge status")
          ? "status must be one of OFFEN, IN_ARBEIT, TEILWEISE_UMGESETZT, UMGESETZT, VERWORFEN" : e.getMessage());
      return;
    }
    StatusEvidence ev = evidence;
    guard.principal(ctx).onSuccess(who -> signedIn(ctx, who).compose(v -> readablePledge(who, id)).compose(doc -> {
      if (doc.isEmpty()) {
        PledgeProblems.unknownPledge(ctx);
        return Future.succeededFuture();
      }
      return allowed(ctx, who, doc.get(), Operation.MODERATE).compose(ok -> {
        if (!ok) {
          return Future.succeededFuture();
        }
        // The store keeps the history in time order, reading the last change in the insert's transaction.
        return service.store().addStatus(id, status, clock.instant(), who.subject(), note, ev)
            .compose(v -> service.store().statuses(List.of(id))).map(tracks -> {
          json(ctx, 200, PledgeJson.of(tracks.get(0)).put("status", tracks.get(0).current().name()).encode());
          return null;
        });
      });
    }).onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  /**
   * Writes need a signed-in caller; answering 401 before any lookup keeps guests from probing
   * which pledge ids exist in drafts. Fails (already answered) for guests.
   */
  static Future<Void> signedIn(RoutingContext ctx, Principal who) {
    if (who.isAnonymous()) {
      PledgeProblems.send(ctx, 401, PledgeProblems.UNAUTHENTICATED, "Sign in required", null);
      return Future.failedFuture(new IllegalStateException("answered: anonymous write"));
    }
    return Future.succeededFuture();
  }

  /**
   * The document holding pledge {@code id}, empty when no document holds it or the caller may not
   * read the one that does: callers answer both with {@link PledgeProblems#unknownPledge}, so that
   * a guessed id cannot be confirmed in a draft (ids are slugs of titles).
   */
  Future<Optional<String>> readablePledge(Principal who, String id) {
    return service.store().documentOf(id).compose(doc -> doc.isEmpty() ? Future.succeededFuture(doc)
        : guard.access(doc.get()).map(a -> a.isPresent() && Authorizer.isAllowed(who, a.get(), Operation.READ)
            ? doc : Optional.<String>empty()));
  }

  /** Answers 404/403 itself and yields false when the operation is not allowed. */
  Future<Boolean> allowed(RoutingContext ctx, Principal who, String document, Operation op) {
    return guard.access(document).map(access -> {
      if (access.isEmpty()) {
        PledgeProblems.notFound(ctx, "No such document");
        return false;
      }
      Decision d = Authorizer.authorize(who, access.get(), op);
      if (!d.allowed()) {
        // Unreadable documents are reported as missing, so their names do not leak.
        if (!Authorizer.isAllowed(who, access.get(), Operation.READ)) {
          PledgeProblems.notFound(ctx, "No such document");
        } else if (who.isAnonymous()) {
          PledgeProblems.send(ctx, 401, PledgeProblems.UNAUTHENTICATED, "Sign in required", null);
        } else {
          PledgeProblems.forbidden(ctx, d.code());
        }
        return false;
      }
      return true;
    });
  }

  static JsonObject jsonBody(RoutingContext ctx) {
    try {
      Object v = ctx.body().asJsonObject();
      if (v instanceof JsonObject o) {
        return o;
      }
    } catch (DecodeException | ClassCastException e) {
      // answered below
    }
    PledgeProblems.badRequest(ctx, "body must be a JSON object");
    return null;
  }

  static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body);
  }

  static Optional<String> param(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name));
  }
}
