package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.Optional;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.password.LoginResult;
import org.pledgepad.auth.password.PasswordChange;
import org.pledgepad.server.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in for the web client: POST /api/session {login, password} sets the session cookie and
 * returns the /api/me shape; DELETE /api/session signs out; GET /api/me says who the caller is
 * and hands out the CSRF token for X-CSRF-Token; GET /api/auth/config says whether OIDC sign-in
 * ({@link OidcLogin}, /api/auth/oidc/*) is offered.
 */
final class AccessRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AccessRoutes.class);
  static final int MAX_BODY_BYTES = 4096;
  /** Retry-After when the session table is full (sessions end by idle time, so minutes, not seconds). */
  static final long SESSIONS_FULL_RETRY_SECONDS = 60;

  private final AccessControl access;
  private final AccessGuard guard;

  AccessRoutes(AccessControl access, AccessGuard guard) {
    this.access = access;
    this.guard = guard;
  }

  void mount(Router router) {
    router.post("/api/session").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::login);
    router.delete("/api/session").handler(this::logout);
    router.post("/api/session/password").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::changePassword);
    router.get("/api/me").handler(this::me);
    // Which sign-in methods the web client should offer (public: no caller data in it).
    router.get("/api/auth/config").handler(ctx -> json(ctx, new JsonObject()
        .put("oidc", new JsonObject().put("enabled", access.oidcLogin() != null)
            .put("loginUrl", OidcLogin.PATH + "/login"))));
    OidcLogin.mount(router, access.oidcLogin());
  }

  private void login(RoutingContext ctx) {
    if (JsonOnly.refused(ctx)) { // login CSRF
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    Object login = body == null ? null : body.getValue("login");
    Object password = body == null ? null : body.getValue("password");
    if (!(login instanceof String l) || !(password instanceof String pw) || l.length() > 64 || pw.length() > 1024) {
      Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, "Expected {\"login\": string, \"password\": string}");
      return;
    }
    String address = clientAddress(ctx);
    access.vertx().executeBlocking(() -> access.loginService().login(l, pw, address), false)
        .onComplete(ar -> answerOrFail(ctx, () -> loggedIn(ctx, ar)));
  }

  /**
   * Runs a callback that answers {@code ctx}; if it throws, the request still gets an answer (500)
   * instead of hanging. Shared with {@link OidcLogin}.
   */
  static void answerOrFail(RoutingContext ctx, Runnable answer) {
    try {
      answer.run();
    } catch (RuntimeException e) {
      LOG.error("Request {} failed", ctx.request().path(), e);
      if (!ctx.response().ended()) {
        if (ctx.response().headWritten()) {
          ctx.response().reset();
        } else {
          Problems.send(ctx, 500, Problems.INTERNAL, "Internal error");
        }
      }
    }
  }

  /**
   * 503 with Retry-After when the session table is full ({@link WebSessions.SessionsFullException}),
   * otherwise false. The cause is expected at scale (or under a sign-in flood): a warning, no trace.
   */
  static boolean refuseWhenFull(RoutingContext ctx, Throwable cause) {
    if (!(cause instanceof WebSessions.SessionsFullException)) {
      return false;
    }
    LOG.warn("Sign-in refused: the session table is full");
    ctx.response().putHeader("Retry-After", Long.toString(SESSIONS_FULL_RETRY_SECONDS))
        .putHeader("Cache-Control", "no-store");
    Problems.send(ctx, 503, AccessProblems.SESSIONS_FULL, "Too many signed-in sessions; try again later");
    return true;
  }

  private void loggedIn(RoutingContext ctx, io.vertx.core.AsyncResult<LoginResult> ar) {
    if (ar.failed()) {
      LOG.error("Login failed with an error", ar.cause());
      Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Sign-in unavailable");
      return;
    }
    LoginResult r = ar.result();
    if (r instanceof LoginResult.Throttled t) {
      ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
      Problems.send(ctx, 429, AccessProblems.TOO_MANY_ATTEMPTS, "Too many failed sign-ins; try again later");
    } else if (r instanceof LoginResult.Success s) {
      guard.session(ctx).ifPresent(old -> access.sessions().remove(old.id())); // no session fixation
      Future.fromCompletionStage(access.sessions().createStored(s.principal().subject()), access.vertx().getOrCreateContext())
          .onComplete(created -> answerOrFail(ctx, () -> {
            if (created.failed()) {
              if (!refuseWhenFull(ctx, created.cause())) {
                LOG.error("Could not start a session", created.cause());
                Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Sign-in unavailable");
              }
              return;
            }
            WebSessions.WebSession session = created.result();
            long lifetime = access.settings().sessionLifetime().toSeconds();
            ctx.response().addCookie(access.sessionCookie().set(ctx, session.id(), lifetime));
            json(ctx, meJson(s.principal(), session.csrfToken()).put("mustChangePassword", s.mustChangePassword()));
          }));
    } else {
      Problems.send(ctx, 401, AccessProblems.INVALID_CREDENTIALS, "Wrong login or password");
    }
  }

  /** {oldPassword, newPassword} for the signed-in user (ends the one-time password state). */
  private void changePassword(RoutingContext ctx) {
    Optional<WebSessions.WebSession> session = guard.session(ctx);
    if (session.isEmpty()) {
      Problems.send(ctx, 401, AccessProblems.UNAUTHENTICATED, "Sign in required");
      return;
    }
    if (!AccessGuard.csrfMatches(ctx, session.get())) {
      Problems.send(ctx, 403, AccessProblems.CSRF, "Missing or wrong " + AccessGuard.CSRF_HEADER);
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    Object old = body == null ? null : body.getValue("oldPassword");
    Object fresh = body == null ? null : body.getValue("newPassword");
    if (!(old instanceof String o) || !(fresh instanceof String n) || o.length() > 1024 || n.length() > 1024) {
      Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, "Expected {\"oldPassword\": string, \"newPassword\": string}");
      return;
    }
    if (o.equals(n)) {
      // Keeping the one-time password would keep it valid wherever it was read or written down.
      Problems.send(ctx, 400, AccessProblems.PASSWORD_UNCHANGED, "The new password must differ from the current one");
      return;
    }
    String address = clientAddress(ctx);
    String subject = session.get().subject();
    access.vertx().executeBlocking(() -> {
      try {
        return access.loginService().changePassword(subject, o, n, address);
      } catch (IllegalArgumentException e) {
        return null; // password policy (length)
      }
    }, false).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("Password change failed with an error", ar.cause());
        Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Password change unavailable");
      } else if (ar.result() == null) {
        Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, "The new password must have 12 to 1024 characters");
      } else if (ar.result() instanceof PasswordChange.Throttled t) {
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
        Problems.send(ctx, 429, AccessProblems.TOO_MANY_ATTEMPTS, "Too many failed attempts; try again later");
      } else if (ar.result() instanceof PasswordChange.Rejected) {
        Problems.send(ctx, 403, AccessProblems.INVALID_CREDENTIALS, "Wrong current password");
      } else if (ar.result() instanceof PasswordChange.TooGuessable weak) {
        Problems.send(ctx, 400, AccessProblems.PASSWORD_TOO_GUESSABLE, "The new password is easy to guess",
            new JsonObject().put("reason", weak.reason().code()));
      } else {
        // A password change ends the account's other sessions (a thief's included); this one stays.
        // Answered after the refresh, so that a one-time password's restriction is lifted for
        // the very next request and this session's open sockets are upgraded (a failed refresh
        // is caught up by the next periodic one).
        onContext(access.sessions().removeSubjectExcept(subject, session.get().id()))
            .compose(x -> access.refresh())
            .onComplete(x -> {
              if (x.failed()) {
                LOG.warn("Access refresh after a password change failed; the next periodic one applies it", x.cause());
              }
              ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
            });
      }
    });
  }

  private void logout(RoutingContext ctx) {
    Optional<WebSessions.WebSession> session = guard.session(ctx);
    if (session.isPresent() && !AccessGuard.csrfMatches(ctx, session.get())) {
      Problems.send(ctx, 403, AccessProblems.CSRF, "Missing or wrong " + AccessGuard.CSRF_HEADER);
      return;
    }
    java.util.concurrent.CompletableFuture<Void> removed = session.isPresent()
        ? access.sessions().remove(session.get().id()) : java.util.concurrent.CompletableFuture.completedFuture(null);
    // Answered once the table no longer holds the session, so a restart cannot revive it.
    onContext(removed).onComplete(x -> {
      ctx.response().addCookie(access.sessionCookie().clear(ctx));
      // Open sockets of this session fall back to guest rights now, not at the next tick.
      access.refresh();
      ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
    });
  }

  private void me(RoutingContext ctx) {
    guard.principal(ctx).onSuccess(p -> {
      if (p.isAnonymous() && guard.passwordChangePending(ctx)) {
        // Acts as a guest everywhere else; here it learns who it is and what to do first.
        WebSessions.WebSession s = guard.session(ctx).orElseThrow();
        access.sessionAccount(s.id()).ifPresentOrElse(
            account -> json(ctx, meJson(account, s.csrfToken()).put("mustChangePassword", true)),
            () -> json(ctx, meJson(p, null).put("mustChangePassword", false)));
        return;
      }
      String csrf = p.isAnonymous() ? null : guard.session(ctx).map(WebSessions.WebSession::csrfToken).orElse(null);
      json(ctx, meJson(p, csrf).put("mustChangePassword", false));
    });
  }

  /**
   * Who the caller is. {@code user.bodies}: the council bodies they belong to, with their names
   * where described, so the web client can offer "Neuer Antrag" and ask which body it is for.
   */
  JsonObject meJson(Principal p, String csrfToken) {
    JsonObject out = new JsonObject().put("role", p.role().name().toLowerCase(Locale.ROOT));
    if (p.isAnonymous()) {
      out.putNull("user");
    } else {
      io.vertx.core.json.JsonArray bodies = new io.vertx.core.json.JsonArray();
      p.bodies().stream().sorted(java.util.Comparator.comparing(org.pledgepad.auth.Body::id)).forEach(b ->
          bodies.add(new JsonObject().put("id", b.id()).put("name", access.bodyName(b).orElse(b.id()))));
      out.put("user", new JsonObject().put("id", p.subject()).put("login", p.login())
          .put("displayName", p.displayName()).put("pseudonym", p.pseudonym()).put("bodies", bodies));
    }
    return csrfToken == null ? out.putNull("csrfToken") : out.put("csrfToken", csrfToken);
  }

  /** A database write's completion back on the calling event loop (failures are logged where written). */
  private Future<Void> onContext(java.util.concurrent.CompletableFuture<Void> write) {
    return Future.fromCompletionStage(write, access.vertx().getOrCreateContext());
  }

  /** The client's address for throttling (X-Forwarded-For only from trusted proxies). */
  private String clientAddress(RoutingContext ctx) {
    return access.clientAddress(ctx);
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
