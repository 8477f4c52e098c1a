package org.pledgepad.server.history;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.history.AuthorSpan;
import org.pledgepad.history.Hashes;
import org.pledgepad.history.NamedVersion;
import org.pledgepad.history.Problem;
import org.pledgepad.history.RestorePoint;
import org.pledgepad.history.Revision;
import org.pledgepad.history.VerificationReport;
import org.pledgepad.history.VersionDiff;
import org.pledgepad.history.VersionView;
import org.pledgepad.pledges.export.ExportFile;
import org.pledgepad.server.http.ClientSlots;
import org.pledgepad.server.http.EntityTags;
import org.pledgepad.server.http.Problems;
import org.pledgepad.server.http.SpooledDownloads;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST API of the auditable history (contract: resources/openapi/history.yaml). Every request
 * is authorised by {@link HistoryAccess}; replays, diffs and verification run on a small worker
 * pool, exports (streamed at the client's pace) on one of their own, never on the event loop, and
 * at most {@link #MAX_IN_FLIGHT} at a time (503 beyond); those
 * that replay a whole log at most {@link #MAX_PER_CLIENT} per client, diffs and authorship (a
 * few version reads each) at most {@link #MAX_READS_PER_CLIENT} (429 beyond).
 */
public final class HistoryRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryRoutes.class);
  static final int MAX_IN_FLIGHT = 8;
  static final int MAX_PER_CLIENT = 2;
  /**
   * Diffs and authorship cost about five version reads each. The history page asks for one of
   * each at a time, and the time slider aborts the request it no longer needs (the server still
   * finishes it), so a person stepping through versions holds two or three; four leave room for
   * that and still keep one client from taking all {@link #MAX_IN_FLIGHT} places.
   */
  static final int MAX_READS_PER_CLIENT = 4;
  private static final int MAX_BODY_BYTES = 4096;
  private static final int MAX_VERSION_NAME = 200;
  private static final long RESTORE_TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final DocumentHistories histories;
  private final HistoryAccess access;
  private final LiveSubmit live;
  private final Function<String, String> displayNames;
  private final WorkerExecutor worker;
  /**
   * Exports are written to disk on threads of their own (a large one takes seconds), so they never
   * keep versions, diffs and verification waiting; they are sent from there without a thread.
   */
  private final WorkerExecutor exportWorker;
  private final SpooledDownloads downloads;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final RestoreTurns restoring;
  private final ClientSlots perClient = new ClientSlots(MAX_PER_CLIENT);
  private final ClientSlots readsPerClient = new ClientSlots(MAX_READS_PER_CLIENT);

  /**
   * @param displayNames actor id → name shown in diffs and authorship (blocking calls allowed:
   *     it runs on the history workers)
   */
  public HistoryRoutes(Vertx vertx, DocumentHistories histories, HistoryAccess access,
      SessionRegistry sessions, Function<String, String> displayNames, SpooledDownloads downloads) {
    this(vertx, histories, access, sessions::submit, displayNames, downloads);
  }

  HistoryRoutes(Vertx vertx, DocumentHistories histories, HistoryAccess access, LiveSubmit live,
      Function<String, String> displayNames, SpooledDownloads downloads) {
    this.downloads = downloads;
    this.vertx = vertx;
    this.histories = histories;
    this.access = access;
    this.live = live;
    this.displayNames = displayNames;
    this.worker = vertx.createSharedWorkerExecutor("pledgepad-history", 2, 2, TimeUnit.MINUTES);
    this.restoring = new RestoreTurns(vertx, RestoreLeases.databaseTime(histories.db()));
    this.exportWorker = vertx.createSharedWorkerExecutor("pledgepad-history-export", 2, 2, TimeUnit.MINUTES);
  }

  public void mount(Router router) {
    String base = "/api/documents/:name";
    router.get(base + "/history").handler(this::history);
    router.get(base + "/versions/:seq").handler(this::version);
    router.post(base + "/versions").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::nameVersion);
    router.get(base + "/diff").handler(this::diff);
    router.get(base + "/authorship").handler(this::authorship);
    router.post(base + "/restore").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::restore);
    router.get(base + "/verify").handler(this::verify);
    router.get(base + "/export").handler(this::export);
    router.get("/api/openapi/history.yaml").handler(ctx -> OpenApi.serve(ctx));
  }

  /** The history operations behind these routes (shared with the privacy routes). */
  public DocumentHistories histories() {
    return histories;
  }

  public void close() {
    worker.close();
    exportWorker.close();
  }

  /** Diff and authorship requests {@code client} ("subject ID" or "address IP") has in flight. */
  int readsHeld(String client) {
    return readsPerClient.held(client);
  }

  // --- handlers -------------------------------------------------------------------------------

  private void history(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    access.require(ctx, doc, Operation.READ).onSuccess(p ->
        Future.all(access.allows(ctx, doc, Operation.SYNC_WRITE), access.allows(ctx, doc, Operation.RESTORE))
        .onSuccess(may -> expensive(ctx, p, () -> {
      HistoryDb.Head head = existingOr404(ctx, doc);
      if (head == null) {
        return null;
      }
      HistoryOverview o = histories.overview(doc, head.seq());
      List<Revision> revs = o.revisions();
      JsonArray revisions = new JsonArray();
      // Newest first: the history page lists the latest edits on top. Names are resolved now,
      // never stored with the history, so an erased account shows as erased everywhere.
      for (int i = revs.size() - 1; i >= 0; i--) {
        JsonObject r = new JsonObject(revs.get(i).toJson());
        String actor = r.getString("actor");
        JsonArray names = new JsonArray();
        r.getJsonArray("actors", new JsonArray()).forEach(a -> names.add(displayName((String) a)));
        // actorName: the first writer, actors[0] (clients before shared revisions read only it)
        String first = names.isEmpty() ? (actor == null ? null : displayName(actor)) : names.getString(0);
        revisions.add(r.put("actorName", first).put("actorNames", names));
      }
      JsonArray named = new JsonArray();
      for (NamedVersion n : o.named()) {
        named.add(named(n).put("creatorName", displayName(n.creator())));
      }
      JsonArray restores = new JsonArray();
      for (RestorePoint r : o.restores()) {
        restores.add(new JsonObject().put("seq", r.seq()).put("restoredSeq", r.restoredSeq())
            .put("actor", r.actor()).put("actorName", displayName(r.actor()))
            .put("time", Instant.ofEpochMilli(r.timeMillis()).toString()));
      }
      JsonArray suggestions = new JsonArray();
      for (LogNote n : o.acceptedSuggestions()) {
        n.suggestion().ifPresent(s -> suggestions.add(new JsonObject().put("seq", n.seq())
            .put("suggestion", s.suggestionId()).put("suggester", s.suggesterId())
            .put("suggesterName", displayName(s.suggesterId())).put("acceptedBy", n.actor())
            .put("acceptedByName", displayName(n.actor()))
            .put("time", Instant.ofEpochMilli(n.timeMillis()).toString())));
      }
      return new JsonObject()
          .put("head", new JsonObject().put("seq", head.seq()).put("hash", Hashes.hex(headHash(doc, head))))
          .put("revisions", revisions).put("named", named).put("restores", restores)
          .put("acceptedSuggestions", suggestions)
          // The web client's history list reads {versions: [...]} (same objects, newest first).
          .put("versions", revisions.copy())
          // Which actions the history page offers this caller (the server still checks each request).
          .put("may", new JsonObject().put("nameVersion", may.<Boolean>resultAt(0))
              .put("restore", may.<Boolean>resultAt(1)));
    }).onSuccess(json -> json(ctx, 200, json))));
  }

  private void version(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    String format = ctx.queryParams().get("format") == null ? "json" : ctx.queryParams().get("format");
    if (!List.of("json", "text", "html").contains(format)) {
      Problems.send(ctx, 400, HistoryProblems.INVALID_REQUEST, "format must be text, json or html");
      return;
    }
    Long seq = seq(ctx, ctx.pathParam("seq"), "seq");
    if (seq == null) {
      return;
    }
    access.require(ctx, doc, Operation.READ).onSuccess(p -> blocking(ctx, () -> {
      if (!versionExists(ctx, doc, seq)) {
        return null;
      }
      VersionView v = histories.version(doc, seq);
      return switch (format) {
        case "text" -> new Reply("text/plain; charset=utf-8", v.text());
        case "html" -> new Reply("text/html; charset=utf-8", v.html());
        default -> new Reply("application/json", v.jsonString());
      };
    }).onSuccess(r -> {
      if (r != null) {
        // Erasure rewrites old versions, so a cached copy must be revalidated on every use or a
        // browser keeps showing erased text; the tag (of the body) keeps revalidation cheap.
        String etag = ExportFile.etag(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "private, no-cache");
        if (EntityTags.matches(ctx.request().getHeader("If-None-Match"), etag)) {
          ctx.response().setStatusCode(304).end();
          return;
        }
        ctx.response().putHeader("Content-Type", r.type()).end(r.body());
      }
    }));
  }

  private record Reply(String type, String body) {}

  private void diff(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    Long from = seq(ctx, ctx.queryParams().get("from"), "from");
    if (from == null) {
      return;
    }
    Long to = seq(ctx, ctx.queryParams().get("to"), "to");
    if (to == null) {
      return;
    }
    if (from > to) {
      Problems.send(ctx, 400, HistoryProblems.INVALID_SEQ, "from must not be after to");
      return;
    }
    boolean html = "html".equals(ctx.queryParams().get("format"));
    access.require(ctx, doc, Operation.READ).onSuccess(p -> limited(ctx, p, readsPerClient, () -> {
      if (!versionExists(ctx, doc, to)) {
        return null;
      }
      List<VersionDiff.Change> changes = histories.diff(doc, from, to);
      if (html) {
        return new Reply("text/html; charset=utf-8", VersionDiff.toHtml(changes, this::displayName));
      }
      JsonArray out = new JsonArray();
      for (Object o : VersionDiff.toJson(changes)) {
        @SuppressWarnings("unchecked")
        JsonObject c = new JsonObject((Map<String, Object>) o);
        String actor = c.getString("actor");
        if (actor != null) {
          String name = displayName(actor);
          c.put("actorName", name);
          c.put("author", name); // what the web client's diff view shows
        }
        out.add(c);
      }
      return new Reply("application/json",
          new JsonObject().put("from", from).put("to", to).put("changes", out).encode());
    }).onSuccess(r -> {
      if (r != null) {
        ctx.response().putHeader("Content-Type", r.type()).end(r.body());
      }
    }));
  }

  private void authorship(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    String raw = ctx.queryParams().get("seq");
    Long seq = raw == null ? Long.valueOf(-1) : seq(ctx, raw, "seq");
    if (seq == null) {
      return;
    }
    access.require(ctx, doc, Operation.READ).onSuccess(p -> limited(ctx, p, readsPerClient, () -> {
      HistoryDb.Head head = existingOr404(ctx, doc);
      if (head == null) {
        return null;
      }
      long at = seq < 0 ? head.seq() : seq;
      if (at > head.seq()) {
        unknownVersion(ctx, at);
        return null;
      }
      JsonArray spans = new JsonArray();
      for (AuthorSpan s : histories.authorship(doc, at)) {
        spans.add(new JsonObject().put("from", s.from()).put("to", s.to()).put("text", s.text())
            .put("actor", s.actor()).put("actorName", s.actor() == null ? null : displayName(s.actor()))
            .put("firstSeq", s.firstSeq()).put("lastSeq", s.lastSeq())
            .put("first", s.firstSeq() > 0 ? Instant.ofEpochMilli(s.firstTimeMillis()).toString() : null)
            .put("last", s.lastSeq() > 0 ? Instant.ofEpochMilli(s.lastTimeMillis()).toString() : null));
      }
      return new JsonObject().put("seq", at).put("spans", spans);
    }).onSuccess(json -> json(ctx, 200, json)));
  }

  private void nameVersion(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    JsonObject body = body(ctx);
    if (body == null) {
      return;
    }
    Object nameValue = body.getValue("name");
    Object seqValue = body.getValue("seq");
    if (!(nameValue instanceof String name) || name.isBlank() || name.length() > MAX_VERSION_NAME
        || name.chars().anyMatch(ch -> ch < 0x20)) {
      Problems.send(ctx, 400, HistoryProblems.INVALID_REQUEST,
          "name must be 1 to " + MAX_VERSION_NAME + " characters without control characters");
      return;
    }
    if (seqValue != null && !(seqValue instanceof Integer || seqValue instanceof Long)) {
      Problems.send(ctx, 400, HistoryProblems.INVALID_SEQ, "seq must be an integer");
      return;
    }
    Long requested = seqValue == null ? null : ((Number) seqValue).longValue();
    if (requested != null && requested < 0) {
      Problems.send(ctx, 400, HistoryProblems.INVALID_SEQ, "seq must not be negative");
      return;
    }
    access.require(ctx, doc, Operation.SYNC_WRITE).onSuccess(p -> blocking(ctx, () -> {
      HistoryDb.Head head = existingOr404(ctx, doc);
      if (head == null) {
        return null;
      }
      long seq = requested == null ? head.seq() : requested;
      if (seq > head.seq()) {
        unknownVersion(ctx, seq);
        return null;
      }
      NamedVersion v = new NamedVersion(seq, name.strip(), p.subject(), System.currentTimeMillis());
      if (!DocumentHistories.sql(() -> histories.db().addNamed(doc, v))) {
        Problems.send(ctx, 409, HistoryProblems.NAME_TAKEN, "This version already has that name");
        return null;
      }
      return named(v);
    }).onSuccess(json -> json(ctx, 201, json)));
  }

  private void restore(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    JsonObject body = body(ctx);
    if (body == null) {
      return;
    }
    Object seqValue = body.getValue("seq");
    if (!(seqValue instanceof Integer || seqValue instanceof Long) || ((Number) seqValue).longValue() < 0) {
      Problems.send(ctx, 400, HistoryProblems.INVALID_SEQ, "seq must be a non-negative integer");
      return;
    }
    long target = ((Number) seqValue).longValue();
    access.require(ctx, doc, Operation.RESTORE).onSuccess(p -> attempt(ctx, worker, () -> {
      RestoreTurns.Turn turn = restoring.tryTake(doc);
      if (turn == null) {
        // Answered rather than queued: a second restore is nearly always a double click or a
        // retry of one still being logged, and once that is logged a retry finds nothing to
        // change; a queue would hold requests (and worker slots) behind a commit of unknown length.
        ctx.response().putHeader("Retry-After", "2");
        Problems.send(ctx, 409, HistoryProblems.RESTORE_IN_PROGRESS,
            "Another restore of this document is being logged, try again shortly");
        return null;
      }
      // Planned only now, holding the turn: the head read here includes every earlier restore.
      byte[] update = null;
      try {
        HistoryDb.Head head = existingOr404(ctx, doc);
        if (head != null && target > head.seq()) {
          unknownVersion(ctx, target);
        } else if (head != null) {
          update = histories.restoreUpdate(doc, head.seq(), target);
        }
      } finally {
        if (update == null) {
          turn.end(); // answered already (404, unknown version) or failed
        }
      }
      return update == null ? null : new PlannedRestore(turn, update);
    }).onSuccess(planned -> {
      if (planned == null) {
        return;
      }
      if (planned.update().length == 0) {
        // Nothing to log; answered once the turn is given back, like a restore that changed
        // something, so that the client's next restore does not find it still taken (409).
        planned.turn().end().onComplete(ar -> json(ctx, 200, new JsonObject().put("restoredSeq", target)
            .put("seq", (Object) null).put("changed", false)));
        return;
      }
      log(ctx, doc, target, p.subject(), planned);
    }));
  }

  private record PlannedRestore(RestoreTurns.Turn turn, byte[] update) {}

  /**
   * Through the live session like a client update: logged with the restorer as actor and the
   * restore note (LogNote) as its connection, in the update's own transaction; applied and
   * broadcast. The restore_points row written afterwards is an index: if writing it fails, the
   * next history read re-derives it from the note, so the answer is still 200. The turn is given
   * back when the update is logged or refused, even if the answer timed out before; a 200 waits
   * for that, so the client's next restore of the document finds the turn free.
   */
  private void log(RoutingContext ctx, String doc, long target, String subject, PlannedRestore planned) {
    Future<Long> logged;
    try {
      logged = live.submit(doc, subject, LogNote.restore(target, subject), planned.update());
    } catch (RuntimeException e) {
      logged = Future.failedFuture(e);
    }
    Future<Void> turnEnded = logged.transform(ar -> planned.turn().end());
    logged.timeout(RESTORE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(seq -> worker.executeBlocking(() -> DocumentHistories.sql(() -> {
          histories.db().addRestoreIfMissing(doc, new RestorePoint(seq, target, subject, System.currentTimeMillis()));
          return null;
        }), false).eventually(() -> turnEnded).onComplete(ar -> {
          if (ar.failed()) {
            LOG.warn("Restore point of {} at seq {} left to recovery from the log note", doc, seq, ar.cause());
          }
          json(ctx, 200, new JsonObject().put("restoredSeq", target).put("seq", seq).put("changed", true));
        }))
        .onFailure(e -> {
          LOG.error("Restore of {} to seq {} failed", doc, target, e);
          Problems.send(ctx, 503, HistoryProblems.RESTORE_FAILED, "The restore could not be logged");
        });
  }

  private void verify(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    access.require(ctx, doc, Operation.READ).onSuccess(p -> expensive(ctx, p, () -> {
      if (existingOr404(ctx, doc) == null) {
        return null;
      }
      return report(histories.verifyShared(doc));
    }).onSuccess(json -> json(ctx, 200, json)));
  }

  static JsonObject report(VerificationReport r) {
    Problem first = r.first().orElse(null);
    return new JsonObject().put("ok", r.ok())
        .put("firstBadSeq", first == null ? null : first.seq())
        .put("kind", first == null ? null : first.kind().name())
        .put("detail", first == null ? null : first.detail())
        .put("rowsChecked", r.rowsChecked())
        .put("headSeq", r.headSeq())
        .put("headHash", r.headHash() == null ? null : Hashes.hex(r.headHash()))
        .put("snapshotsChecked", r.snapshotsChecked())
        .put("erasedRows", r.erasedRows())
        .put("backfilledErasures", r.backfilledErasures());
  }

  /**
   * Writes the export file (B4: hundreds of MB) to a file of its own on an export worker, which
   * ends the read transaction as fast as the disk allows, and then sends that file at the client's
   * pace ({@link SpooledDownloads}). The client's slot and a place among the downloads at once are
   * held until the download is settled, so neither threads nor disk grow with slow clients.
   */
  private void export(RoutingContext ctx) {
    String doc = docName(ctx);
    if (doc == null) {
      return;
    }
    access.require(ctx, doc, Operation.READ).onSuccess(p -> {
      if (!downloads.tryReserve()) {
        ctx.response().putHeader("Retry-After", "10");
        Problems.send(ctx, 503, HistoryProblems.BUSY, "Too many downloads at once, try again shortly");
        return;
      }
      String what = "History export of " + doc;
      perClient.run(ctx, ClientSlots.client(p, access.clientAddress(ctx)), HistoryProblems.TOO_MANY_REQUESTS,
          "Too many history requests from this client, try again shortly",
          () -> attempt(ctx, exportWorker, () -> existingOr404(ctx, doc) == null ? null
              : downloads.produce(o -> histories.export(doc, o)))
              .compose(spooled -> spooled == null ? Future.<Void>succeededFuture()
                  : downloads.send(ctx.request(), spooled, what,
                      r -> r.putHeader("Content-Type", "application/octet-stream")
                          .putHeader("Content-Disposition", "attachment; filename=\"" + doc + ".pledgepad-history\""))))
          .onComplete(x -> downloads.release());
    });
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Runs blocking work on the history workers; a null result means the body already answered.
   * Failures become 500 (or 503 when the pool is saturated).
   */
  private <T> Future<T> blocking(RoutingContext ctx, Callable<T> body) {
    return answeredOrResult(attempt(ctx, worker, body));
  }

  /**
   * As {@link #blocking}, for requests that replay a document's whole log (/history, /verify,
   * /export): at most {@link #MAX_PER_CLIENT} in flight per client ({@link ClientSlots}: the
   * signed-in account, else the address), 429 beyond, so one client cannot take every slot of the pool.
   */
  private <T> Future<T> expensive(RoutingContext ctx, Principal p, Callable<T> body) {
    return limited(ctx, p, perClient, worker, body);
  }

  /** As {@link #expensive}, with {@code slots} per client: diffs and authorship have their own. */
  private <T> Future<T> limited(RoutingContext ctx, Principal p, ClientSlots slots, Callable<T> body) {
    return limited(ctx, p, slots, worker, body);
  }

  /** As above, on {@code pool} (exports have their own). */
  private <T> Future<T> limited(RoutingContext ctx, Principal p, ClientSlots slots, WorkerExecutor pool,
      Callable<T> body) {
    return answeredOrResult(slots.run(ctx, ClientSlots.client(p, access.clientAddress(ctx)),
        HistoryProblems.TOO_MANY_REQUESTS, "Too many history requests from this client, try again shortly",
        () -> attempt(ctx, pool, body)));
  }

  /** Continues only with a result; null (answered) and failures (answered) stop here. */
  private static <T> Future<T> answeredOrResult(Future<T> f) {
    return f.compose(v -> v == null ? Future.<T>future(p -> {}) : Future.succeededFuture(v),
        e -> Future.future(p -> {}));
  }

  /**
   * As {@link #blocking}, but the future always completes (null: answered; failed: answered
   * with 503 or 500), for callers that hold something until the request is over.
   */
  private <T> Future<T> attempt(RoutingContext ctx, WorkerExecutor pool, Callable<T> body) {
    if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
      inFlight.decrementAndGet();
      ctx.response().putHeader("Retry-After", "2");
      Problems.send(ctx, 503, HistoryProblems.BUSY, "Too many history requests, try again shortly");
      return Future.failedFuture("busy");
    }
    return pool.executeBlocking(body, false)
        .andThen(ar -> inFlight.decrementAndGet())
        .onFailure(e -> {
          LOG.error("History request {} failed", ctx.request().path(), e);
          // Nothing has been sent while the work runs (an export is sent only once it is on disk).
          if (!ctx.response().headWritten()) {
            Problems.send(ctx, 500, Problems.INTERNAL, "History unavailable");
          }
        });
  }

  private String docName(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (name == null || !DocumentNames.isValid(name)) {
      Problems.send(ctx, 400, Problems.INVALID_NAME, "Invalid document name");
      return null;
    }
    return name;
  }

  /** Parses a seq parameter; answers 400 and returns null when it is not a small non-negative integer. */
  private static Long seq(RoutingContext ctx, String raw, String what) {
    if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(Character::isDigit)) {
      Problems.send(ctx, 400, HistoryProblems.INVALID_SEQ, what + " must be a non-negative integer");
      return null;
    }
    return Long.parseLong(raw);
  }

  private JsonObject body(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body() == null ? null : ctx.body().asJsonObject();
      if (o != null) {
        return o;
      }
    } catch (RuntimeException e) {
      // fall through: not a JSON object
    }
    Problems.send(ctx, 400, HistoryProblems.INVALID_REQUEST, "Body must be a JSON object");
    return null;
  }

  /** The head of an existing document; answers 404 and returns null otherwise (worker thread). */
  private HistoryDb.Head existing(String doc) {
    return DocumentHistories.sql(() -> histories.db().head(doc)).orElse(null);
  }

  private HistoryDb.Head existingOr404(RoutingContext ctx, String doc) {
    HistoryDb.Head h = existing(doc);
    if (h == null) {
      Problems.send(ctx, 404, Problems.NOT_FOUND, "No such document");
    }
    return h;
  }

  private boolean versionExists(RoutingContext ctx, String doc, long seq) {
    HistoryDb.Head h = existingOr404(ctx, doc);
    if (h == null) {
      return false;
    }
    if (seq > h.seq()) {
      unknownVersion(ctx, seq);
      return false;
    }
    return true;
  }

  private static void unknownVersion(RoutingContext ctx, long seq) {
    Problems.send(ctx, 404, HistoryProblems.UNKNOWN_VERSION, "No version " + seq + " yet");
  }

  private static byte[] headHash(String doc, HistoryDb.Head head) {
    return head.seq() == 0 ? Hashes.genesis(doc) : head.hash();
  }

  private String displayName(String actor) {
    try {
      String n = displayNames.apply(actor);
      return n == null ? actor : n;
    } catch (RuntimeException e) {
      return actor;
    }
  }

  private static JsonObject named(NamedVersion n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", n.seq());
    m.put("name", n.name());
    m.put("creator", n.creator());
    m.put("time", Instant.ofEpochMilli(n.timeMillis()).toString());
    return new JsonObject(m);
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    if (body == null || ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
