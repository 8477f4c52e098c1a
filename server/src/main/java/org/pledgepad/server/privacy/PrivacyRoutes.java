package org.pledgepad.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.password.LoginResult;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessProblems;
import org.pledgepad.server.annotations.AnnotationPush;
import org.pledgepad.server.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-subject rights over REST (contract: resources/openapi/privacy.yaml): a signed-in person
 * exports ({@code GET /api/me/data}) or erases ({@code DELETE /api/me}, password re-confirmed,
 * CSRF-checked for cookie sessions by the access guard) their data; an admin does either for an
 * account ({@code GET /api/admin/users/{id}/data}, {@code DELETE /api/admin/users/{id}}). The
 * work runs on worker threads; erasures one at a time.
 */
final class PrivacyRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyRoutes.class);
  static final String PROBLEM = "urn:pledgepad:problem:";
  private static final int MAX_BODY_BYTES = 4096;
  static final long EXPORT_SPACING_MS = 60_000;
  /** Account ids (subjects) and logins; anything else names no account. */
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private final Vertx vertx;
  private final AccessControl access;
  private final PersonalData data;
  private final PersonErasure erasure;
  private final AnnotationPush push;
  /** Self-service exports: one per person per minute (admins are not limited). */
  private final ExportLimiter exports = new ExportLimiter(java.time.Clock.systemUTC(), EXPORT_SPACING_MS);

  PrivacyRoutes(Vertx vertx, AccessControl access, PersonalData data, PersonErasure erasure, AnnotationPush push) {
    this.vertx = vertx;
    this.access = access;
    this.data = data;
    this.erasure = erasure;
    this.push = push;
  }

  void mount(Router router) {
    router.get("/api/me/data").handler(this::exportOwn);
    router.delete("/api/me").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::eraseOwn);
    router.get("/api/admin/users/:id/data").handler(this::exportAccount);
    router.delete("/api/admin/users/:id").handler(this::eraseAccount);
    router.get("/api/openapi/privacy.yaml").handler(org.pledgepad.server.history.OpenApi.handler("/openapi/privacy.yaml"));
  }

  private void exportOwn(RoutingContext ctx) {
    signedIn(ctx).onSuccess(p -> {
      long wait = exports.tryAcquire(p.subject());
      if (wait > 0) {
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (wait + 999) / 1000)));
        Problems.send(ctx, 429, PROBLEM + "too-many-requests", "One export per minute");
        return;
      }
      blocking(ctx, () -> data.export(p.subject())).onSuccess(m -> json(ctx, 200, m));
    });
  }

  private void eraseOwn(RoutingContext ctx) {
    signedIn(ctx).onSuccess(p -> {
      Object pw;
      try {
        JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
        pw = body == null ? null : body.getValue("password");
      } catch (RuntimeException e) {
        pw = null;
      }
      if (!(pw instanceof String password) || password.isEmpty() || password.length() > 1024) {
        Problems.send(ctx, 400, PROBLEM + "invalid", "Confirm with {\"password\": string}");
        return;
      }
      // The client's address as sign-in resolves it (behind trusted proxies: the forwarded one),
      // so that people behind one proxy do not share one throttle counter.
      String address = access.clientAddress(ctx);
      blocking(ctx, () -> access.confirmPassword(p.subject(), password, address)).onSuccess(r -> {
        if (r instanceof LoginResult.Throttled t) {
          ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
          Problems.send(ctx, 429, AccessProblems.TOO_MANY_ATTEMPTS, "Too many failed attempts; try again later");
          return;
        }
        if (!(r instanceof LoginResult.Success)) {
          Problems.send(ctx, 403, PROBLEM + "password-not-confirmed", "Wrong password (accounts without a"
              + " password are erased by an administrator)");
          return;
        }
        erase(ctx, p.subject(), true);
      });
    });
  }

  private void exportAccount(RoutingContext ctx) {
    String id = account(ctx);
    if (id == null) {
      return;
    }
    admin(ctx).onSuccess(p -> blocking(ctx, () -> access.accountPrivacy().find(id)
        .map(a -> data.export(a.id())).orElse(null)).onSuccess(m -> {
          if (m == null) {
            Problems.send(ctx, 404, Problems.NOT_FOUND, "No such account");
          } else {
            json(ctx, 200, m);
          }
        }));
  }

  private void eraseAccount(RoutingContext ctx) {
    String id = account(ctx);
    if (id != null) {
      admin(ctx).onSuccess(p -> erase(ctx, id, false));
    }
  }

  private void erase(RoutingContext ctx, String idOrSubject, boolean own) {
    // First stop the person (disabled, sessions ended, open connections closed by the refresh),
    // so that nothing they send while their data is erased is stored afterwards.
    vertx.executeBlocking(() -> erasure.freeze(idOrSubject).orElse(null), true)
        .compose(id -> id == null ? Future.succeededFuture((String) null) : access.endSessions(id).map(v -> id))
        .compose(id -> id == null ? Future.succeededFuture((PersonErasure.Result) null)
            : vertx.executeBlocking(() -> erasure.erase(id).orElse(null), true))
        .onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("Erasure failed; it can be run again", ar.cause());
        // The account is already stopped (disabled, signed out): the person cannot repeat it
        // themselves, an administrator does (admin route or `user erase`; every step is idempotent).
        Problems.send(ctx, 503, PROBLEM + "erasure-failed", own
            ? "The erasure did not finish; the account is disabled and an administrator will complete it"
            : "The erasure did not finish; run it again");
      } else if (ar.result() == null) {
        Problems.send(ctx, 404, Problems.NOT_FOUND, "No such account");
      } else {
        PersonErasure.Result r = ar.result();
        push.push(r.events()); // open documents refetch the erased threads
        access.endSessions(r.subject()).onComplete(x -> {
          if (own) {
            ctx.response().addCookie(access.sessionCookie().clear(ctx));
          }
          json(ctx, 200, r.toJson());
        });
      }
    });
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Every route here is account-wide: a token limited to one document is refused (403). */
  private Future<Principal> signedIn(RoutingContext ctx) {
    return access.guard().accountWide(ctx).compose(p -> {
      if (p.isAnonymous()) {
        Problems.send(ctx, 401, PROBLEM + "unauthenticated", "Sign in required");
        return Future.failedFuture("anonymous");
      }
      return Future.succeededFuture(p);
    });
  }

  private Future<Principal> admin(RoutingContext ctx) {
    return access.guard().admin(ctx);
  }

  private static String account(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !ACCOUNT.matcher(id).matches()) {
      Problems.send(ctx, 400, PROBLEM + "invalid", "Invalid account id");
      return null;
    }
    return id;
  }

  private <T> Future<T> blocking(RoutingContext ctx, Callable<T> work) {
    return vertx.executeBlocking(work, false).recover(e -> {
      LOG.error("Privacy request {} failed", ctx.request().path(), e);
      Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Unavailable, try again");
      return Future.failedFuture(e);
    });
  }

  private static void json(RoutingContext ctx, int status, Map<String, Object> body) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store").end(new JsonObject(body).encode());
    }
  }
}
