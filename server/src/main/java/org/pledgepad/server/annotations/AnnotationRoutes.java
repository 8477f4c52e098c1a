package org.pledgepad.server.annotations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.InvalidAnchorException;
import org.pledgepad.annotations.limit.Limits;
import org.pledgepad.annotations.limit.RateLimiter;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.ThreadTargets;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.annotations.service.AcceptResult;
import org.pledgepad.annotations.service.AnnotationEvent;
import org.pledgepad.annotations.service.AnnotationException;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.annotations.service.Outcome;
import org.pledgepad.annotations.service.Problem;
import org.pledgepad.annotations.service.Replicas;
import org.pledgepad.annotations.service.Reviewed;
import org.pledgepad.annotations.service.ThreadPage;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.crdt.Doc;
import org.pledgepad.server.access.AccessDeniedException;
import org.pledgepad.server.history.OpenApi;
import org.pledgepad.server.http.Problems;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotation REST API (contract: resources/openapi/annotations.yaml and server/README.md,
 * "Annotations"). Each request: caller's principal → document exists and the caller may read it
 * (else 404 either way) → the library's service on a worker: writes in the document's queue, reads beside it ({@link AnnotationReads})
 * (on a private replica of the live document where anchors matter) → events pushed to the
 * document's connections → JSON answer. Refusals are problem+json with the library's stable
 * codes ({@code urn:pledgepad:problem:<code>}); details are fixed phrases, never user input.
 */
final class AnnotationRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AnnotationRoutes.class);
  /** Bodies and replacements are at most 10,000 code points (4 bytes each in UTF-8) plus JSON. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final String PROBLEM_PREFIX = "urn:pledgepad:problem:";
  static final String COLLISION = PROBLEM_PREFIX + "suggestion-collision";
  static final String BAD_REQUEST = PROBLEM_PREFIX + "invalid";
  static final String BUSY = PROBLEM_PREFIX + "annotations-busy";
  static final String ACCEPT_PENDING = PROBLEM_PREFIX + "suggestion-accept-pending";
  /** Ids are made by the server (UUIDs); anything else cannot name a row. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern PLEDGE_ID = Pattern.compile("[A-Za-z0-9._-]{1,160}");
  private static final Pattern ENTRY = Pattern.compile("[0-9]{1,9}");
  private static final Pattern PAGE_LIMIT = Pattern.compile("[0-9]{1,4}");
  /**
   * Export or erasure requests of one person waiting behind the running one; more are answered
   * 429. The page sends one at a time, and the work covers every document of the person, so
   * nobody needs a deep queue — and one person's queue is nobody else's.
   */
  static final int PERSONAL_MAX_WAITING = 2;
  static final String TOO_MANY = PROBLEM_PREFIX + "annotations-personal-busy";
  /** One write token per 6 s refills the limiter of Annotations.withDefaults: the longest wait for the next. */
  private static final String RATE_LIMIT_RETRY_SECONDS =
      Long.toString((RateLimiter.DEFAULT_REFILL_NANOS + 999_999_999L) / 1_000_000_000L);
  static final String OPENAPI_PATH = "/api/openapi/annotations.yaml";
  /** Connection id recorded for reading peers (they never write). */
  private static final String READER = "annotations";

  /** What a request produced: status, JSON body, events to push. */
  record Answer(int status, Object body, List<AnnotationEvent> events) {
    static Answer ok(Object body, List<AnnotationEvent> events) {
      return new Answer(200, body, events);
    }
  }

  /** A client error found before the services ran (malformed JSON, wrong field type, bad id). */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String fixedPhrase) {
      super(fixedPhrase, null, false, false);
    }
  }

  @FunctionalInterface
  interface Work {
    Future<Answer> run(Principal p, DocumentAccess a, JsonObject body);
  }

  private final Vertx vertx;
  private final DocumentStore store;
  private final SessionRegistry sessions;
  private final Annotations ann;
  /** For putting an accepted suggestion back when its edit could not be stored. */
  private final AnnotationRepository repo;
  private final AnnotationCallers callers;
  /** Writes, one at a time per document. */
  private final DocumentQueues queues;
  /** Reads, beside the write queues with a capacity of their own. */
  private final AnnotationReads reads;
  /** Export and erasure, one at a time per person. */
  private final DocumentQueues personalQueues;
  private final AnnotationPush push;
  private final StatusEntries statusEntries;

  AnnotationRoutes(Vertx vertx, DocumentStore store, SessionRegistry sessions, Annotations ann,
      AnnotationRepository repo, AnnotationCallers callers, StatusEntries statusEntries) {
    this.statusEntries = statusEntries;
    this.repo = repo;
    this.vertx = vertx;
    this.store = store;
    this.sessions = sessions;
    this.ann = ann;
    this.callers = callers;
    this.queues = new DocumentQueues(vertx);
    this.reads = new AnnotationReads(vertx);
    this.personalQueues = new DocumentQueues(vertx, PERSONAL_MAX_WAITING);
    this.push = new AnnotationPush(sessions);
  }

  void mount(Router router) {
    String d = "/api/documents/:name";
    // The contract of the routes below; AnnotationOpenApiTest keeps the two in step.
    router.get(OPENAPI_PATH).handler(OpenApi.handler("/openapi/annotations.yaml"));

    on(router, HttpMethod.GET, d + "/annotations").handler(ctx -> document(ctx, (p, a, b) -> {
      // Checked before the replica is loaded: a malformed request costs no document.
      int limit = pageLimit(ctx, Limits.DEFAULT_PAGE_THREADS, Limits.MAX_PAGE_THREADS);
      String cursor = ctx.request().getParam("cursor");
      return readWithReplica(p, a, doc -> Answer.ok(pageJson(ann.views.page(p, a, doc, cursor, limit)), List.of()));
    }));
    on(router, HttpMethod.GET, d + "/threads/:id").handler(ctx -> document(ctx, (p, a, b) -> {
      String thread = id(ctx);
      int limit = pageLimit(ctx, Limits.DEFAULT_PAGE_POSTS, Limits.MAX_PAGE_POSTS);
      String cursor = ctx.request().getParam("cursor");
      return readWithReplica(p, a, doc -> Answer.ok(ann.views.thread(p, a, doc, thread, cursor, limit), List.of()));
    }));

    on(router, HttpMethod.POST, d + "/comments").handler(ctx -> document(ctx, (p, a, b) -> withReplica(p, a, doc -> created(p, a, doc,
        ann.comments.createComment(p, a, doc, position(b, "start"), position(b, "end"), str(b, "body"))))));
    on(router, HttpMethod.POST, d + "/suggestions").handler(ctx -> document(ctx, (p, a, b) -> withReplica(p, a, doc -> created(p, a, doc,
        ann.suggestions.createSuggestion(p, a, doc, position(b, "start"), position(b, "end"), str(b, "replacement"),
            str(b, "rationale"))))));
    on(router, HttpMethod.PATCH, d + "/suggestions/:id").handler(ctx -> document(ctx, (p, a, b) -> withReplica(p, a, doc -> thread(p, a, doc,
        ann.suggestions.updateSuggestion(p, a, doc, id(ctx), str(b, "replacement"),
            b.containsKey("start") ? position(b, "start") : null, b.containsKey("end") ? position(b, "end") : null)))));
    on(router, HttpMethod.POST, d + "/suggestions/:id/accept").handler(ctx -> document(ctx, (p, a, b) -> accept(p, a, id(ctx), reviewed(b))));
    on(router, HttpMethod.POST, d + "/suggestions/:id/reject").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        thread(p, a, null, ann.suggestions.reject(p, a, id(ctx), str(b, "reason"))))));

    on(router, HttpMethod.POST, d + "/threads/:id/replies").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        postAnswer(p, a, 201, ann.comments.reply(p, a, id(ctx), str(b, "body"))))));
    on(router, HttpMethod.POST, d + "/threads/:id/resolve").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        thread(p, a, null, ann.comments.resolve(p, a, id(ctx))))));
    on(router, HttpMethod.POST, d + "/threads/:id/reopen").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        thread(p, a, null, ann.comments.reopen(p, a, id(ctx))))));
    on(router, HttpMethod.POST, d + "/threads/:id/lock").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        thread(p, a, null, ann.moderation.lock(p, a, id(ctx), optional(b, "reason"))))));
    on(router, HttpMethod.POST, d + "/threads/:id/unlock").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        thread(p, a, null, ann.moderation.unlock(p, a, id(ctx), optional(b, "reason"))))));

    on(router, HttpMethod.PATCH, d + "/posts/:id").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        postAnswer(p, a, 200, ann.comments.edit(p, a, id(ctx), str(b, "body"))))));
    on(router, HttpMethod.DELETE, d + "/posts/:id").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        postAnswer(p, a, 200, ann.comments.delete(p, a, id(ctx))))));
    on(router, HttpMethod.POST, d + "/posts/:id/report").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () -> {
      Outcome<org.pledgepad.annotations.model.Report> o = ann.moderation.report(p, a, id(ctx), str(b, "reason"));
      return new Answer(201, AnnotationJson.report(o.value()), o.events());
    })));
    on(router, HttpMethod.POST, d + "/posts/:id/hide").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        postAnswer(p, a, 200, ann.moderation.hide(p, a, id(ctx), str(b, "reason"))))));
    on(router, HttpMethod.POST, d + "/posts/:id/restore").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        postAnswer(p, a, 200, ann.moderation.restore(p, a, id(ctx), optional(b, "reason"))))));
    on(router, HttpMethod.POST, d + "/posts/:id/approve").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () ->
        postAnswer(p, a, 200, ann.moderation.approve(p, a, id(ctx))))));
    on(router, HttpMethod.POST, d + "/reports/:id/dismiss").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () -> {
      Outcome<org.pledgepad.annotations.model.Report> o = ann.moderation.dismissReport(p, a, id(ctx), optional(b, "reason"));
      return Answer.ok(AnnotationJson.report(o.value()), o.events());
    })));

    // Comments on one entry of a pledge's status history: threads whose target is the entry.
    String status = d + "/pledges/:pledge/status/:entry/comments";
    on(router, HttpMethod.GET, status).handler(ctx -> document(ctx, (p, a, b) -> {
      int limit = pageLimit(ctx, Limits.DEFAULT_PAGE_THREADS, Limits.MAX_PAGE_THREADS);
      String cursor = ctx.request().getParam("cursor");
      return statusEntry(ctx, a, target ->
          read(a, () -> Answer.ok(pageJson(ann.views.pageTarget(p, a, target, cursor, limit)), List.of())));
    }));
    on(router, HttpMethod.POST, status).handler(ctx -> document(ctx, (p, a, b) -> statusEntry(ctx, a, target ->
        blocking(p, a, () -> created(p, a, null, ann.comments.commentOn(p, a, target, str(b, "body")))))));

    for (String path : List.of(d + "/moderation/queue", d + "/moderation")) {
      on(router, HttpMethod.GET, path).handler(ctx -> document(ctx, (p, a, b) -> read(a, () ->
          Answer.ok(AnnotationJson.queue(ann.moderation.queue(p, a), ann.moderation.auditLog(p, a)), List.of()))));
    }
    on(router, HttpMethod.PUT, d + "/premoderation").handler(ctx -> document(ctx, (p, a, b) -> blocking(p, a, () -> {
      Object on = b.getValue("on");
      if (!(on instanceof Boolean flag)) {
        throw new BadRequest("field on must be true or false");
      }
      Outcome<Boolean> o = ann.moderation.setPremoderation(p, a, flag, optional(b, "reason"));
      return Answer.ok(Map.of("premoderated", o.value()), o.events());
    })));

    on(router, HttpMethod.GET, "/api/me/annotations/export").handler(ctx -> personal(ctx, p ->
        Answer.ok(ann.privacy.exportFor(p.subject()), List.of())));
    on(router, HttpMethod.POST, "/api/me/annotations/erase").handler(ctx -> personal(ctx, p -> {
      Outcome<Integer> o = ann.privacy.eraseFor(p.subject());
      return Answer.ok(Map.of("erased", o.value()), o.events());
    }));
  }

  /** A route with its own body limit (not one for the whole path prefix: other routes live there too). */
  private static Route on(Router router, HttpMethod method, String path) {
    return router.route(method, path).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
  }

  // request scaffolding

  private void document(RoutingContext ctx, Work work) {
    String name = ctx.pathParam("name");
    if (!DocumentNames.isValid(name)) {
      Problems.send(ctx, 400, Problems.INVALID_NAME, "Invalid document name");
      return;
    }
    // The caller first, then the document: a document the caller may not read answers exactly
    // like a missing one (404), so a draft's existence is not public (as in the other routes).
    callers.principal(ctx).onSuccess(p -> store.document(name).onComplete(found -> {
      if (found.failed()) {
        Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Store unavailable");
        return;
      }
      DocumentAccess access = found.result().map(callers::access).orElse(null);
      // Every annotation action needs READ at least; checked before a session is opened, so
      // callers who may not read cannot make the server load documents.
      if (access == null || !Authorizer.authorize(p, access, Operation.READ).allowed()) {
        Problems.send(ctx, 404, Problems.NOT_FOUND, "No such document");
        return;
      }
      Future<Answer> answer;
      try {
        answer = work.run(p, access, body(ctx));
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onComplete(ar -> respond(ctx, ar.succeeded() ? ar.result() : null, ar.cause()));
    }));
  }

  @FunctionalInterface
  private interface PersonalWork {
    Answer run(Principal p);
  }

  /** The caller's own data (export, erasure): signed-in callers only, not limited to one document. */
  private void personal(RoutingContext ctx, PersonalWork work) {
    callers.accountWide(ctx).onSuccess(p -> {
      if (p.isAnonymous()) {
        respond(ctx, null, new AnnotationException(Problem.NOT_SIGNED_IN, "sign in first"));
        return;
      }
      // Erasure touches every document of the person, so not a document's queue: one per person
      // (different people's data are different rows; erasure is safe beside other writers).
      personalQueues.blocking(p.subject(), () -> work.run(p)).onComplete(ar -> {
        if (ar.failed() && ar.cause() instanceof DocumentQueues.QueueFull) {
          ctx.response().putHeader("Retry-After", "5");
          Problems.send(ctx, 429, TOO_MANY, "Your previous export or erasure is still running, try again shortly");
          return;
        }
        respond(ctx, ar.succeeded() ? ar.result() : null, ar.cause());
      });
    });
  }

  @FunctionalInterface
  private interface Blocking {
    Answer run() throws Exception;
  }

  @FunctionalInterface
  private interface ReplicaWork {
    Answer run(Doc replica) throws Exception;
  }

  /** {@code work} with the entry's target, once the pledge module confirmed the entry exists. */
  private Future<Answer> statusEntry(RoutingContext ctx, DocumentAccess a,
      java.util.function.Function<String, Future<Answer>> work) {
    String pledge = ctx.pathParam("pledge");
    String entry = ctx.pathParam("entry");
    if (pledge == null || !PLEDGE_ID.matcher(pledge).matches() || entry == null || !ENTRY.matcher(entry).matches()) {
      return Future.failedFuture(new AnnotationException(Problem.NOT_FOUND, "no such status entry"));
    }
    int index = Integer.parseInt(entry);
    return statusEntries.exists(a.document(), pledge, index).compose(found -> found
        ? work.apply(ThreadTargets.pledgeStatus(pledge, index))
        : Future.failedFuture(new AnnotationException(Problem.NOT_FOUND, "no such status entry")));
  }

  /** A write in the document's queue, if its author may still act when its turn comes. */
  private Future<Answer> blocking(Principal p, DocumentAccess a, Blocking work) {
    return queues.blocking(a.document(), () -> {
      stillActive(p);
      return work.run();
    });
  }

  /**
   * Writes wait in their document's queue; an erasure of their author may run meanwhile. The
   * erasure stops the account before it starts and erases the annotations twice, but a write
   * whose turn came after both would still be stored: so each write asks again at its turn.
   */
  private void stillActive(Principal p) {
    if (!callers.active(p)) {
      throw new AnnotationException(Problem.FORBIDDEN, "this account can no longer act");
    }
  }

  /** A read: beside the document's write queue (see {@link AnnotationReads}). */
  private Future<Answer> read(DocumentAccess a, Blocking work) {
    return reads.admit(a.document(), () -> reads.blocking(work::run));
  }

  /** A read on a private copy of the live document, beside the document's write queue. */
  private Future<Answer> readWithReplica(Principal p, DocumentAccess a, ReplicaWork work) {
    return reads.admit(a.document(), () -> {
      LiveDocument live = LiveDocument.open(vertx, sessions, a.document(), p.subject(), READER);
      return live.state()
          .compose(state -> reads.blocking(() -> work.run(Replicas.of(state))))
          .andThen(ar -> live.close());
    });
  }

  /** A write on a private copy of the live document (loaded if it was not open), in the document's queue. */
  private Future<Answer> withReplica(Principal p, DocumentAccess a, ReplicaWork work) {
    return queues.then(a.document(), () -> {
      stillActive(p); // thrown here, the queue's step fails
      LiveDocument live = LiveDocument.open(vertx, sessions, a.document(), p.subject(), READER);
      return live.state()
          .compose(state -> vertx.executeBlocking(() -> work.run(Replicas.of(state)), false))
          .andThen(ar -> live.close());
    });
  }

  /**
   * Accepting: the service edits a private replica; its update enters the session like the
   * editor's own edit (logged as the editor with the origin note, broadcast) and only after the
   * session acknowledged the commit do the events go out and the caller get 200. If the session
   * refuses or the store fails, the thread is put back as it was.
   */
  private Future<Answer> accept(Principal p, DocumentAccess a, String threadId, Reviewed seen) {
    return queues.then(a.document(), () -> {
      stillActive(p); // thrown here, the queue's step fails
      LiveDocument live = LiveDocument.open(vertx, sessions, a.document(), p.subject(), READER);
      return live.state()
          .compose(state -> vertx.executeBlocking(() -> {
            Optional<AnnotationThread> before = repo.thread(threadId);
            Doc replica = Replicas.of(state);
            AcceptResult r = ann.suggestions.accept(p, a, replica, threadId, seen);
            Object view = r instanceof AcceptResult.Accepted ? ann.views.thread(p, a, replica, threadId) : null;
            return new Object[] {before, r, view};
          }, false))
          .compose(step -> {
            AcceptResult r = (AcceptResult) step[1];
            if (r instanceof AcceptResult.Collision c) {
              live.close();
              return Future.succeededFuture(new Answer(409, c, List.of()));
            }
            AcceptResult.Accepted acc = (AcceptResult.Accepted) r;
            @SuppressWarnings("unchecked")
            Optional<AnnotationThread> before = (Optional<AnnotationThread>) step[0];
            // The server peer stays in the session until the outcome is known, however long
            // the answer waits (AcceptedEdit).
            Future<Void> stored = live.submit(acc.update(), acc.origin().logNote())
                .andThen(ar -> live.close());
            return AcceptedEdit.answer(vertx, stored, LiveDocument.TIMEOUT_MS,
                () -> putBack(a.document(), threadId, before),
                () -> push.push(acc.events()))
                .map(v -> Answer.ok(step[2], acc.events()));
          })
          .onFailure(e -> {
            if (!(e instanceof AcceptedEdit.Pending)) {
              live.close(); // a failure before the submit; once submitted, the outcome closes it
            }
          });
    });
  }

  /** Puts a thread back as it was before an accept whose edit the session refused. */
  private void putBack(String document, String threadId, Optional<AnnotationThread> before) {
    LOG.warn("The edit of an accepted suggestion in document {} was refused; the suggestion is open again", document);
    vertx.executeBlocking(() -> {
      before.ifPresent(repo::updateThread);
      return null;
    }, false).onComplete(ar -> push.push(List.of(new AnnotationEvent("thread.updated", document, threadId,
        null, AnnotationEvent.Audience.ALL, null, java.time.Instant.now()))));
  }

  private Answer created(Principal p, DocumentAccess a, Doc doc, Outcome<AnnotationThread> o) {
    return new Answer(201, ann.views.thread(p, a, doc, o.value().id()), o.events());
  }

  private Answer thread(Principal p, DocumentAccess a, Doc doc, Outcome<AnnotationThread> o) {
    return Answer.ok(ann.views.thread(p, a, doc, o.value().id()), o.events());
  }

  private Answer postAnswer(Principal p, DocumentAccess a, int status,
      Outcome<org.pledgepad.annotations.model.Post> o) {
    return new Answer(status, ann.views.thread(p, a, null, o.value().threadId()), o.events());
  }

  // answers

  private void respond(RoutingContext ctx, Answer answer, Throwable failure) {
    if (ctx.response().ended()) {
      return;
    }
    if (answer != null) {
      push.push(answer.events());
      if (answer.body() instanceof AcceptResult.Collision c) {
        JsonObject problem = new JsonObject(c.toJson())
            .put("type", COLLISION).put("title", "The passage changed since the suggestion was made")
            .put("status", 409).put("instance", ctx.request().path());
        ctx.response().setStatusCode(409).putHeader("Content-Type", "application/problem+json").end(problem.encode());
        return;
      }
      ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
          .end(Json.encode(answer.body()));
      return;
    }
    Throwable e = failure instanceof RuntimeException && failure.getCause() instanceof AnnotationException
        ? failure.getCause() : failure;
    if (e instanceof AnnotationException ae) {
      if (ae.problem() == Problem.RATE_LIMITED) {
        // Waiting does help here (unlike a quota): the next write token comes within this time.
        ctx.response().putHeader("Retry-After", RATE_LIMIT_RETRY_SECONDS);
      }
      Problems.send(ctx, ae.problem().httpStatus(), PROBLEM_PREFIX + ae.problem().code(), ae.detail());
    } else if (e instanceof InvalidAnchorException) {
      Problems.send(ctx, 400, BAD_REQUEST, "Invalid anchor position");
    } else if (e instanceof BadRequest br) {
      Problems.send(ctx, 400, BAD_REQUEST, br.getMessage());
    } else if (e instanceof DocumentQueues.QueueFull) {
      // The web client retries a GET answered 503 with a short Retry-After.
      ctx.response().putHeader("Retry-After", "2");
      Problems.send(ctx, 503, BUSY, "Too many annotation requests for this document, try again shortly");
    } else if (e instanceof AcceptedEdit.Pending) {
      // Not a retry case: the thread already says accepted, and a push redraws it when the
      // edit is stored (or puts it back if the session refuses it).
      Problems.send(ctx, 503, ACCEPT_PENDING,
          "The accepted edit is still being stored; the thread shows the outcome when it is known");
    } else if (e instanceof AccessDeniedException) {
      // already answered by the access guard
    } else {
      LOG.error("Annotation request {} {} failed", ctx.request().method(), ctx.normalizedPath(), e);
      Problems.send(ctx, 500, Problems.INTERNAL, "Internal error");
    }
  }

  // request fields

  private static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject o = ctx.body().asJsonObject();
      return o == null ? new JsonObject() : o;
    } catch (DecodeException | ClassCastException e) {
      throw new BadRequest("body is not a JSON object");
    }
  }

  private static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !ID.matcher(id).matches()) {
      throw new AnnotationException(Problem.NOT_FOUND, "no such thread or post");
    }
    return id;
  }

  /** {@code ?limit=} of a page: absent is {@code byDefault}; anything but a plain number is 400. */
  private static int pageLimit(RoutingContext ctx, int byDefault, int max) {
    String raw = ctx.request().getParam("limit");
    if (raw == null) {
      return byDefault;
    }
    if (!PAGE_LIMIT.matcher(raw).matches()) {
      throw new BadRequest("limit must be a number from 1 to " + max);
    }
    return Integer.parseInt(raw); // the range is the library's to check (INVALID, 400)
  }

  private static Map<String, Object> pageJson(ThreadPage page) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("threads", page.threads());
    if (page.next() != null) {
      m.put("next", page.next());
    }
    return m;
  }

  private static String str(JsonObject b, String field) {
    Object v = b.getValue(field);
    if (v != null && !(v instanceof String)) {
      throw new BadRequest("field " + field + " must be a string");
    }
    return (String) v;
  }

  private static String optional(JsonObject b, String field) {
    String s = str(b, field);
    return s == null ? "" : s;
  }

  /**
   * The suggestion as the editor saw it ({@code reviewed: {replacement, start, end, quote}}, copied
   * from the thread view). Absent: null, which the library refuses — an old client must not accept
   * blindly.
   */
  private static Reviewed reviewed(JsonObject b) {
    Object v = b.getValue("reviewed");
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject r)) {
      throw new BadRequest("field reviewed must be an object");
    }
    String replacement = str(r, "replacement");
    String quote = str(r, "quote");
    if (replacement == null || quote == null) {
      throw new BadRequest("reviewed needs replacement, start, end and quote");
    }
    return new Reviewed(replacement, position(r, "start"), position(r, "end"), quote);
  }

  private static byte[] position(JsonObject b, String field) {
    return Anchor.positionFromBase64(str(b, field));
  }
}
