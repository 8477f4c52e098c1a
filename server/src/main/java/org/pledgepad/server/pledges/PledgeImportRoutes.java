package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.Decision;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Stage;
import org.pledgepad.pledges.export.JsonExport;
import org.pledgepad.pledges.export.OpenDataBundle;
import org.pledgepad.pledges.imports.DocumentMeta;
import org.pledgepad.pledges.imports.HeadingTextImporter;
import org.pledgepad.pledges.imports.ImportException;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.StatusChange;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.Succession;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;

/**
 * POST /api/pledges/import (admins): Markdown or plain text with headings becomes a new pledge
 * document (query: name, issuer, kind, title, period, sourceUrl, licence, stage); an open-data JSON
 * file (Content-Type application/json) recreates its documents, links and status tracks.
 * Parse errors are 400 problems carrying the line number.
 */
public final class PledgeImportRoutes {
  static final int MAX_IMPORT_BYTES = 1024 * 1024;
  static final int MAX_META = 300;

  private final Vertx vertx;
  private final PledgeService service;
  private final DocumentStore documents;
  private final PledgeGuard guard;

  public PledgeImportRoutes(Vertx vertx, PledgeService service, DocumentStore documents, PledgeGuard guard) {
    this.vertx = vertx;
    this.service = service;
    this.documents = documents;
    this.guard = guard;
  }

  /** Stands for "a new document" when the names are not known yet (a valid name; no such document is read). */
  private static final String ANY_NEW_DOCUMENT = "new-import";

  public void mount(Router router) {
    router.post("/api/pledges/import").handler(BodyHandler.create(false).setBodyLimit(MAX_IMPORT_BYTES)).handler(this::importText);
  }

  private void importText(RoutingContext ctx) {
    String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase(java.util.Locale.ROOT);
    DocumentStage stage;
    try {
      stage = DocumentStage.fromWire(ctx.queryParams().get("stage") == null ? "draft" : ctx.queryParams().get("stage"));
    } catch (IllegalArgumentException e) {
      PledgeProblems.badRequest(ctx, "stage must be draft, consultation, published or archived");
      return;
    }
    String text;
    try {
      text = ctx.body().buffer() == null ? null : ImportBody.decode(ctx.body().buffer().getBytes());
    } catch (ImportBody.NotUtf8Exception e) {
      PledgeProblems.send(ctx, 400, PledgeProblems.IMPORT_NOT_UTF8, "Import failed", new JsonObject().put("line", e.line())
          .put("detail", "The file is not UTF-8 (line " + e.line() + "); save it as UTF-8 and import it again"));
      return;
    }
    if (text == null || text.isBlank()) {
      PledgeProblems.badRequest(ctx, "empty body");
      return;
    }
    if (type.startsWith("application/json")) {
      importBundle(ctx, text, stage);
      return;
    }
    if (!type.startsWith("text/markdown") && !type.startsWith("text/plain")) {
      PledgeProblems.send(ctx, 415, PledgeProblems.INVALID_REQUEST, "Send text/markdown, text/plain or application/json", null);
      return;
    }
    String name = ctx.queryParams().get("name");
    if (name == null || !DocumentNames.isValid(name)) {
      PledgeProblems.badRequest(ctx, "query parameter name must be a valid document name");
      return;
    }
    DocumentMeta meta;
    try {
      meta = new DocumentMeta(name, q(ctx, "title"), q(ctx, "issuer"),
          DocumentKind.valueOf(ctx.queryParams().get("kind") == null ? "MOTION" : ctx.queryParams().get("kind")),
          q(ctx, "period"), q(ctx, "sourceUrl"), q(ctx, "licence"), q(ctx, "chapter"));
    } catch (IllegalArgumentException e) {
      PledgeProblems.badRequest(ctx, "kind must be COALITION_AGREEMENT, ELECTION_PROGRAMME or MOTION; metadata at most "
          + MAX_META + " characters each");
      return;
    }
    adminMay(ctx, List.of(name)).onSuccess(ok -> {
      if (ok) {
        parseAndCreate(ctx, text, meta, stage);
      }
    });
  }

  private void parseAndCreate(RoutingContext ctx, String text, DocumentMeta meta, DocumentStage stage) {
    vertx.executeBlocking(() -> new HeadingTextImporter().parse(text, meta), false)
        .onFailure(e -> {
          if (e instanceof ImportException ie) {
            PledgeProblems.send(ctx, 400, PledgeProblems.IMPORT_FAILED, "Import failed",
                new JsonObject().put("line", ie.line()).put("detail", ie.getMessage()));
          } else {
            PledgeProblems.failed(ctx, e);
          }
        })
        .onSuccess(doc -> {
          // The first heading may be the title; kept longer, the document's JSON export would not import.
          if (doc.title().length() > MAX_META) {
            PledgeProblems.send(ctx, 400, PledgeProblems.IMPORT_FAILED, "Import failed", new JsonObject()
                .put("detail", "the title heading is longer than " + MAX_META + " characters"));
            return;
          }
          createAll(ctx, List.of(doc), List.of(), List.of(), List.of(), stage);
        });
  }

  private void importBundle(RoutingContext ctx, String json, DocumentStage stage) {
    // Authorised before the body is parsed (like the Markdown path): only callers who may create a
    // document make the server parse a file. The names inside are checked again after parsing.
    adminMay(ctx, null).onSuccess(allowed -> {
      if (allowed) {
        parseBundle(ctx, json, stage);
      }
    });
  }

  private void parseBundle(RoutingContext ctx, String json, DocumentStage stage) {
    vertx.executeBlocking(() -> JsonExport.read(json), false)
        .onFailure(e -> {
          if (e instanceof IllegalArgumentException) {
            PledgeProblems.send(ctx, 400, PledgeProblems.IMPORT_FAILED, "Import failed",
                new JsonObject().put("detail", "not a valid pledgepad-open-data file"));
          } else {
            PledgeProblems.failed(ctx, e);
          }
        })
        .onSuccess(bundle -> {
          List<String> names = bundle.documents().stream().map(PledgeDocument::id).toList();
          if (names.isEmpty() || names.stream().anyMatch(n -> !DocumentNames.isValid(n))
              || bundle.documents().stream().flatMap(d -> d.pledges().stream())
                  .anyMatch(p -> !PledgeApiRoutes.PLEDGE_ID.matcher(p.id()).matches())) {
            PledgeProblems.badRequest(ctx, "documents need valid names and pledge ids");
            return;
          }
          String tooLong = overlongMetadata(bundle);
          if (tooLong != null) {
            PledgeProblems.badRequest(ctx, "document metadata at most " + MAX_META + " characters each (" + tooLong + ")");
            return;
          }
          if (!selfContained(bundle)) {
            PledgeProblems.badRequest(ctx, "links, statuses and successions may only name the file's own documents and pledges");
            return;
          }
          adminMay(ctx, names).onSuccess(ok -> {
            if (ok) {
              createAll(ctx, bundle.documents(), bundle.links(), bundle.statuses(), bundle.successions(), stage);
            }
          });
        });
  }

  /**
   * The name of the first metadata field of the file's documents longer than {@link #MAX_META}, or
   * null. The Markdown import takes the same fields from query parameters of at most that length,
   * and a file must not bring in what the form could not.
   */
  static String overlongMetadata(OpenDataBundle bundle) {
    for (PledgeDocument d : bundle.documents()) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("title", d.title());
      fields.put("issuer", d.issuer());
      fields.put("period", d.period());
      fields.put("sourceUrl", d.sourceUrl());
      fields.put("licence", d.licence());
      fields.put("chapter", d.chapter());
      for (Map.Entry<String, String> f : fields.entrySet()) {
        if (f.getValue().length() > MAX_META) {
          return f.getKey();
        }
      }
    }
    return null;
  }

  /**
   * Whether every link, status track and succession of the file stays among the file's own
   * documents and pledges. The import is authorised as ADMIN on the new documents only; a row about
   * another document's pledge would change that document (its status history, its links, its
   * successor) without the MODERATE, SYNC_WRITE or ADMIN the REST routes ask for, and a token limited
   * to the new document would reach beyond it. An open-data export is always self-contained.
   */
  static boolean selfContained(OpenDataBundle bundle) {
    Set<String> docs = new HashSet<>();
    Set<String> pledges = new HashSet<>();
    for (PledgeDocument d : bundle.documents()) {
      docs.add(d.id());
      d.pledges().forEach(p -> pledges.add(p.id()));
    }
    return bundle.links().stream().allMatch(l -> pledges.contains(l.a()) && pledges.contains(l.b()))
        && bundle.statuses().stream().allMatch(t -> pledges.contains(t.pledgeId()))
        && bundle.successions().stream().allMatch(x -> docs.contains(x.predecessorId()) && docs.contains(x.successorId())
            && x.carriedOver().stream().allMatch(c -> pledges.contains(c.predecessorPledgeId()) && pledges.contains(c.successorPledgeId()))
            && x.dropped().stream().allMatch(pledges::contains));
  }

  /**
   * Creates the documents with their links, tracks and successions; 409 when a name or a pledge id
   * is taken. The check before it answers the usual case without writing anything; a race the check
   * cannot see (two imports at once, two nodes) is decided by {@link PledgeService#importDocuments},
   * which leaves nothing of the losing import behind.
   */
  private void createAll(RoutingContext ctx, List<PledgeDocument> docs, List<PledgeLink> links,
      List<StatusTrack> tracks, List<Succession> successions, DocumentStage stage) {
    Set<String> newIds = new HashSet<>();
    docs.forEach(d -> d.pledges().forEach(p -> newIds.add(p.id())));
    Future<Boolean> free = Future.succeededFuture(true);
    for (PledgeDocument d : docs) {
      free = free.compose(ok -> ok ? documents.document(d.id()).map(x -> x.isEmpty()) : Future.succeededFuture(false));
    }
    for (String id : newIds) {
      free = free.compose(ok -> ok ? service.store().documentOf(id).map(x -> x.isEmpty()) : Future.succeededFuture(false));
    }
    free.compose(ok -> {
      if (!ok) {
        PledgeProblems.send(ctx, 409, PledgeProblems.CONFLICT, "A document or pledge with this id exists", null);
        return Future.succeededFuture();
      }
      // Links, status changes and the succession log are attributed to the importing admin, who
      // put them into this record; the file's author fields name accounts of another installation
      // (or nobody, in open data) and would let an import attribute a decision to any account
      // here. The file's times stay: they say when it was decided.
      return guard.principal(ctx).compose(who -> service.importDocuments(docs,
          links.stream().map(l -> new PledgeLink(l.a(), l.b(), l.kind(), who.subject(), l.createdAt(), l.origin())).toList(),
          tracks.stream().map(t -> new StatusTrack(t.pledgeId(), t.history().stream().map(c -> new StatusChange(
              c.status(), c.at(), who.subject(), c.note())).toList(), t.evidence())).toList(),
          successions, stage, who.subject(), java.time.Instant.now())).map(created -> {
            io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
            docs.forEach(d -> out.add(PledgeJson.documentSummary(d, stage.wire())
                .put("pledges", new io.vertx.core.json.JsonArray(d.pledges().stream().map(Pledge::id).toList()))));
            if (docs.size() == 1) {
              ctx.response().putHeader("Location", "/api/pledges/documents/" + docs.get(0).id());
            }
            PledgeApiRoutes.json(ctx, 201, new JsonObject().put("documents", out).put("links", links.size()).encode());
            return null;
          });
    }).onFailure(e -> PledgeProblems.failed(ctx, e));
  }

  /**
   * ADMIN on a new document is the admin's alone (every stage); asked of the one authorize function.
   * With {@code names} null (before a bundle is parsed): whether the caller may create any document
   * (a token limited to one document: that one).
   */
  private Future<Boolean> adminMay(RoutingContext ctx, List<String> names) {
    return guard.principal(ctx).map(who -> {
      List<String> asked = names != null ? names : List.of(who.documentRestriction().orElse(ANY_NEW_DOCUMENT));
      for (String n : asked) {
        // A deleted draft's name stays deleted (document-deleted): the imported document would
        // be one nobody can open.
        Decision d = Authorizer.authorize(who, new DocumentAccess(n, StageOnlyGuard.NO_OWNER, Set.of(), Set.of(),
            Stage.DRAFT, guard.deleted(n)), Operation.ADMIN);
        if (!d.allowed()) {
          if (who.isAnonymous()) {
            PledgeProblems.send(ctx, 401, PledgeProblems.UNAUTHENTICATED, "Sign in required", null);
          } else {
            PledgeProblems.forbidden(ctx, d.code());
          }
          return false;
        }
      }
      return true;
    });
  }

  private static String q(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v != null && v.length() > MAX_META) {
      throw new IllegalArgumentException(name);
    }
    return v == null ? "" : v;
  }
}
