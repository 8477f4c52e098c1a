package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.Succession;
import org.pledgepad.pledges.succession.Fate;
import org.pledgepad.pledges.succession.Provenance;
import org.pledgepad.pledges.succession.ProvenanceStep;
import org.pledgepad.pledges.succession.SuccessionCheck;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentStore;

/**
 * Successions (a new agreement superseding an old one) and provenance chains.
 *
 * <p>Declaring a succession and deciding the fate of a pledge need ADMIN on both documents, not
 * SYNC_WRITE as links do: the superseded agreement is normally adopted (published), where nobody
 * may edit the text any more, so the editing right would make successions impossible exactly
 * where they occur; and like an import, a succession changes the public record of what was
 * promised. Deleting one needs the same ADMIN on both documents; every declaration,
 * decision and deletion goes to an audit log (who, when, the succession as it then stood). Reading a
 * succession needs READ on both documents; a provenance chain only shows
 * documents the caller may read.
 */
final class SuccessionRoutes {
  private final PledgeService service;
  private final DocumentStore documents;
  private final PledgeApiRoutes api;
  private final Clock clock;

  SuccessionRoutes(PledgeService service, DocumentStore documents, PledgeApiRoutes api, Clock clock) {
    this.service = service;
    this.documents = documents;
    this.api = api;
    this.clock = clock;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(PledgeApiRoutes.MAX_JSON_BYTES);
    router.post("/api/pledges/successions").handler(body).handler(this::declare);
    router.get("/api/pledges/successions/:successor").handler(this::show);
    router.delete("/api/pledges/successions/:successor").handler(this::delete);
    router.get("/api/pledges/successions/:successor/log").handler(this::log);
    router.put("/api/pledges/successions/:successor/pledges/:pledgeId").handler(body).handler(this::decide);
    router.get("/api/pledges/:id/provenance").handler(this::provenance);
  }

  private void declare(RoutingContext ctx) {
    JsonObject body = PledgeApiRoutes.jsonBody(ctx);
    if (body == null) {
      return;
    }
    String pred = body.getValue("predecessor") instanceof String s ? s : null;
    String succ = body.getValue("successor") instanceof String s ? s : null;
    if (pred == null || succ == null || !DocumentNames.isValid(pred) || !DocumentNames.isValid(succ) || pred.equals(succ)) {
      PledgeProblems.badRequest(ctx, "predecessor and successor must name two different documents");
      return;
    }
    LocalDate effective;
    try {
      effective = body.getValue("effective") == null ? LocalDate.now(clock)
          : LocalDate.parse(String.valueOf(body.getValue("effective")));
    } catch (DateTimeParseException e) {
      PledgeProblems.badRequest(ctx, "effective must be an ISO date (YYYY-MM-DD)");
      return;
    }
    api.guard().principal(ctx).onSuccess(who -> PledgeApiRoutes.signedIn(ctx, who)
        .compose(v -> both(ctx, who, pred, succ, Operation.ADMIN))
        .compose(docs -> {
          if (docs.isEmpty()) {
            return Future.succeededFuture();
          }
          Succession s = new Succession(pred, succ, effective, List.of(), List.of());
          return service.store().addSuccession(s, who.subject(), clock.instant()).map(added -> {
            if (!added) {
              PledgeProblems.send(ctx, 409, PledgeProblems.CONFLICT, "This document already supersedes another", null);
            } else {
              ctx.response().putHeader("Location", "/api/pledges/successions/" + succ);
              PledgeApiRoutes.json(ctx, 201, view(s, docs.get().get(0), docs.get().get(1)).encode());
            }
            return null;
          });
        })
        .onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  private void show(RoutingContext ctx) {
    String succ = ctx.pathParam("successor");
    if (!DocumentNames.isValid(succ)) {
      PledgeProblems.badRequest(ctx, "invalid document name");
      return;
    }
    api.guard().principal(ctx).onSuccess(who -> existing(ctx, who, succ, Operation.READ).map(found -> {
      found.ifPresent(f -> PledgeApiRoutes.json(ctx, 200, view(f.succession(), f.predecessor(), f.successor()).encode()));
      return null;
    }).onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  /**
   * Withdraws a declared succession (e.g. declared against the wrong document). Same right as
   * declaring it: ADMIN on both documents. The log keeps who deleted it, when, and what it said.
   */
  private void delete(RoutingContext ctx) {
    String succ = ctx.pathParam("successor");
    if (!DocumentNames.isValid(succ)) {
      PledgeProblems.badRequest(ctx, "invalid document name");
      return;
    }
    api.guard().principal(ctx).onSuccess(who -> PledgeApiRoutes.signedIn(ctx, who)
        .compose(v -> existing(ctx, who, succ, Operation.ADMIN))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture();
          }
          return service.store().deleteSuccession(succ, who.subject(), clock.instant()).map(gone -> {
            if (gone.isEmpty()) {
              PledgeProblems.notFound(ctx, "No such succession");   // deleted meanwhile by someone else
            } else {
              ctx.response().setStatusCode(204).end();
            }
            return null;
          });
        })
        .onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  /**
   * Who declared, decided and deleted successions of a successor document, and when. Needs READ on
   * the successor; entries whose predecessor the caller may not read are left out.
   */
  private void log(RoutingContext ctx) {
    String succ = ctx.pathParam("successor");
    if (!DocumentNames.isValid(succ)) {
      PledgeProblems.badRequest(ctx, "invalid document name");
      return;
    }
    api.guard().principal(ctx).onSuccess(who -> api.allowed(ctx, who, succ, Operation.READ).compose(ok -> {
      if (!ok) {
        return Future.succeededFuture();
      }
      return service.store().successionLog(succ).compose(entries -> documents.listDocuments()
          .compose(all -> api.readable(who, all))
          .map(readable -> {
            Set<String> names = readable.stream().map(DocumentInfo::name).collect(Collectors.toSet());
            JsonArray out = new JsonArray();
            for (SuccessionLogEntry e : entries) {
              if (names.contains(e.succession().predecessorId())) {
                // The acting admin's account id is personal data: guests get it empty, as in the
                // pledge answers and in open data; signed-in readers get the name beside it.
                out.add(new JsonObject().put("action", e.action().name()).put("actor", who.isAnonymous() ? "" : e.actor())
                    .put("at", e.at().toString()).put("predecessor", e.succession().predecessorId())
                    .put("succession", PledgeJson.of(e.succession())));
              }
            }
            JsonObject answer = new JsonObject().put("successor", succ).put("entries", out);
            PledgeApiRoutes.json(ctx, 200, api.named(who, answer).encode());
            return null;
          }));
    }).onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  private void decide(RoutingContext ctx) {
    String succ = ctx.pathParam("successor");
    String pledgeId = ctx.pathParam("pledgeId");
    if (!DocumentNames.isValid(succ) || !PledgeApiRoutes.PLEDGE_ID.matcher(pledgeId).matches()) {
      PledgeProblems.badRequest(ctx, "invalid document name or pledge id");
      return;
    }
    JsonObject body = PledgeApiRoutes.jsonBody(ctx);
    if (body == null) {
      return;
    }
    String fateText = String.valueOf(body.getValue("fate"));
    String target = body.getValue("successorPledgeId") instanceof String s ? s : null;
    String note = body.getValue("note") instanceof String s ? s : "";
    LinkKind kind;
    try {
      kind = body.getValue("kind") == null ? LinkKind.SAME : LinkKind.valueOf(String.valueOf(body.getValue("kind")));
    } catch (IllegalArgumentException e) {
      kind = null;
    }
    // RELATED does not count as keeping a pledge (LinkKind.counts), so it is no carry-over.
    if (kind == null || !kind.counts()) {
      PledgeProblems.badRequest(ctx, "kind must be SAME or PARTLY");
      return;
    }
    Fate fate = "CARRIED_OVER".equals(fateText) ? Fate.CARRIED_OVER : "DROPPED".equals(fateText) ? Fate.DROPPED : null;
    if (fate == null) {
      PledgeProblems.badRequest(ctx, "fate must be CARRIED_OVER or DROPPED");
      return;
    }
    if (fate == Fate.CARRIED_OVER && (target == null || !PledgeApiRoutes.PLEDGE_ID.matcher(target).matches())) {
      PledgeProblems.badRequest(ctx, "CARRIED_OVER needs successorPledgeId");
      return;
    }
    if (fate == Fate.DROPPED && target != null) {
      PledgeProblems.badRequest(ctx, "a dropped pledge has no successorPledgeId");
      return;
    }
    if (note.length() > PledgeApiRoutes.MAX_TEXT) {
      PledgeProblems.badRequest(ctx, "note too long");
      return;
    }
    LinkKind k = kind;
    api.guard().principal(ctx).onSuccess(who -> PledgeApiRoutes.signedIn(ctx, who)
        .compose(v -> existing(ctx, who, succ, Operation.ADMIN))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture();
          }
          Succession old = found.get().succession();
          PledgeDocument pred = found.get().predecessor();
          PledgeDocument next = found.get().successor();
          if (pred.pledge(pledgeId).isEmpty() || (target != null && next.pledge(target).isEmpty())) {
            PledgeProblems.send(ctx, 404, PledgeProblems.UNKNOWN_PLEDGE, "Unknown pledge", new JsonObject()
                .put("detail", "pledgeId must be in the predecessor, successorPledgeId in the successor"));
            return Future.succeededFuture();
          }
          // A new decision replaces the earlier one for this pledge, whichever it was.
          List<CarryOver> carried = new ArrayList<>(old.carriedOver());
          carried.removeIf(c -> c.predecessorPledgeId().equals(pledgeId));
          List<String> dropped = new ArrayList<>(old.dropped());
          dropped.remove(pledgeId);
          if (fate == Fate.CARRIED_OVER) {
            carried.add(new CarryOver(pledgeId, target, k));
          } else {
            dropped.add(pledgeId);
          }
          Map<String, String> notes = new HashMap<>(old.notes());
          if (note.isBlank()) {
            notes.remove(pledgeId);
          } else {
            notes.put(pledgeId, note);
          }
          Succession updated = new Succession(old.predecessorId(), succ, old.effective(), carried, dropped, notes);
          return service.store().putSuccession(updated, who.subject(), clock.instant()).map(v -> {
            PledgeApiRoutes.json(ctx, 200, view(updated, pred, next).encode());
            return null;
          });
        })
        .onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  private void provenance(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!PledgeApiRoutes.PLEDGE_ID.matcher(id).matches()) {
      PledgeProblems.badRequest(ctx, "invalid pledge id");
      return;
    }
    api.guard().principal(ctx).onSuccess(who -> api.readablePledge(who, id).compose(doc -> {
      if (doc.isEmpty()) {
        PledgeProblems.unknownPledge(ctx);
        return Future.succeededFuture();
      }
      return api.allowed(ctx, who, doc.get(), Operation.READ).compose(ok -> {
        if (!ok) {
          return Future.succeededFuture();
        }
        // Only readable documents take part, so a chain never names a draft the caller cannot see.
        return documents.listDocuments().compose(all -> api.readable(who, all))
            .compose(infos -> service.refreshAll(infos.stream().map(DocumentInfo::name).toList()))
            .compose(docs -> service.store().links().compose(links -> service.store().successions().map(succs -> {
              Set<String> names = docs.stream().map(PledgeDocument::id).collect(Collectors.toSet());
              Provenance p = new Provenance(docs, links.stream().map(StoredLink::link).toList(),
                  succs.stream().filter(s -> names.contains(s.predecessorId()) && names.contains(s.successorId())).toList());
              Map<String, Pledge> byId = new HashMap<>();
              docs.forEach(d -> d.pledges().forEach(x -> byId.put(x.id(), x)));
              JsonArray chain = new JsonArray();
              for (ProvenanceStep step : p.chain(id)) {
                JsonObject o = new JsonObject().put("pledgeId", step.pledgeId()).put("document", step.documentId())
                    .put("title", Optional.ofNullable(byId.get(step.pledgeId())).map(Pledge::title).orElse(""));
                if (step.reachedBy() != null) {
                  o.put("via", step.reachedBy().via().name()).put("kind", step.reachedBy().kind().name())
                      .put("from", step.reachedBy().from());
                }
                chain.add(o);
              }
              PledgeApiRoutes.json(ctx, 200, new JsonObject().put("pledgeId", id).put("chain", chain).encode());
              return null;
            })));
      });
    }).onFailure(e -> PledgeProblems.failed(ctx, e)));
  }

  /** A stored succession with both its documents as they stand. */
  private record Found(Succession succession, PledgeDocument predecessor, PledgeDocument successor) {}

  /**
   * The succession of {@code succ} with both documents, if it exists and the operation is allowed
   * on both; otherwise answered (404/401/403) and empty.
   */
  private Future<Optional<Found>> existing(RoutingContext ctx, Principal who, String succ, Operation op) {
    return service.store().successionOf(succ).compose(s -> {
      if (s.isEmpty()) {
        PledgeProblems.notFound(ctx, "No such succession");
        return Future.succeededFuture(Optional.<Found>empty());
      }
      return both(ctx, who, s.get().predecessorId(), succ, op)
          .map(docs -> docs.map(d -> new Found(s.get(), d.get(0), d.get(1))));
    });
  }

  /**
   * Both documents, refreshed, if the operation is allowed on both (otherwise answered, empty);
   * a document that is not a pledge document answers 404.
   */
  private Future<Optional<List<PledgeDocument>>> both(RoutingContext ctx, Principal who, String pred, String succ,
      Operation op) {
    return api.allowed(ctx, who, pred, op)
        .compose(ok -> ok ? api.allowed(ctx, who, succ, op) : Future.succeededFuture(false))
        .compose(ok -> {
          if (!ok) {
            return Future.succeededFuture(Optional.<List<PledgeDocument>>empty());
          }
          return service.refresh(pred).compose(a -> service.refresh(succ).map(b -> {
            if (a.isEmpty() || b.isEmpty()) {
              PledgeProblems.notFound(ctx, "No such pledge document");
              return Optional.<List<PledgeDocument>>empty();
            }
            return Optional.of(List.of(a.get(), b.get()));
          }));
        });
  }

  /** The succession with each predecessor pledge's fate, SuccessionCheck's problems and the undecided. */
  static JsonObject view(Succession s, PledgeDocument pred, PledgeDocument succ) {
    JsonArray pledges = new JsonArray();
    for (Pledge p : pred.pledges()) {
      JsonObject o = new JsonObject().put("id", p.id()).put("title", p.title())
          .put("fate", SuccessionCheck.fate(s, p.id()).name());
      s.carriedOver().stream().filter(c -> c.predecessorPledgeId().equals(p.id())).findFirst()
          .ifPresent(c -> o.put("successorPledgeId", c.successorPledgeId()).put("kind", c.kind().name()));
      if (!s.note(p.id()).isEmpty()) {
        o.put("note", s.note(p.id()));
      }
      pledges.add(o);
    }
    JsonArray carried = new JsonArray();
    s.carriedOver().forEach(c -> carried.add(new JsonObject().put("predecessorPledgeId", c.predecessorPledgeId())
        .put("successorPledgeId", c.successorPledgeId()).put("kind", c.kind().name())));
    JsonObject notes = new JsonObject();
    s.notes().forEach(notes::put);
    return new JsonObject()
        .put("predecessor", s.predecessorId())
        .put("successor", s.successorId())
        .put("effective", s.effective().toString())
        .put("carriedOver", carried)
        .put("dropped", new JsonArray(new ArrayList<>(s.dropped())))
        .put("notes", notes)
        .put("pledges", pledges)
        .put("undecided", new JsonArray(SuccessionCheck.undecided(s, pred).stream().map(Pledge::id).toList()))
        .put("problems", new JsonArray(SuccessionCheck.problems(s, pred, succ)))
        .put("complete", SuccessionCheck.undecided(s, pred).isEmpty() && SuccessionCheck.problems(s, pred, succ).isEmpty());
  }
}
