package org.pledgepad.server.access;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.pledgepad.auth.token.JwsVerifier;
import org.pledgepad.auth.token.Revocation;
import org.pledgepad.auth.token.TokenRejectedException;
import org.pledgepad.auth.token.TokenRevoker;
import org.pledgepad.server.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's side of the token revocation list (contract: resources/openapi/tokens.yaml):
 * {@code GET /api/admin/tokens/revoked} lists it, {@code POST /api/admin/tokens/revoked}
 * {@code {"token": compact}} or {@code {"jti": id}} adds to it. ADMIN only, account-wide, CSRF for
 * cookie sessions ({@link AccessGuard#admin}), as the other admin routes.
 */
final class TokenRevocationRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(TokenRevocationRoutes.class);
  static final String PATH = "/api/admin/tokens/revoked";
  static final String NOT_VERIFIED = "urn:pledgepad:problem:token-not-verified";
  private static final int MAX_BODY_BYTES = JwsVerifier.MAX_TOKEN_LENGTH + 1024;

  private final AccessControl access;
  private final AccessGuard guard;

  TokenRevocationRoutes(AccessControl access, AccessGuard guard) {
    this.access = access;
    this.guard = guard;
  }

  void mount(Router router) {
    router.get(PATH).handler(this::list);
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::revoke);
    router.get("/api/openapi/tokens.yaml").handler(org.pledgepad.server.history.OpenApi.handler("/openapi/tokens.yaml"));
  }

  private void list(RoutingContext ctx) {
    guard.admin(ctx).onSuccess(p -> access.tokenRevocations().onComplete(ar -> {
      if (ar.failed()) {
        unavailable(ctx, ar.cause());
        return;
      }
      JsonArray entries = new JsonArray();
      ar.result().forEach(r -> entries.add(json(r)));
      send(ctx, 200, new JsonObject().put("revoked", entries));
    }));
  }

  private void revoke(RoutingContext ctx) {
    guard.admin(ctx).onSuccess(p -> {
      if (JsonOnly.refused(ctx)) {
        return;
      }
      String given = tokenOrJti(ctx);
      if (given == null) {
        Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, "Expected {\"token\": string} or {\"jti\": string}");
        return;
      }
      access.revokeToken(given, p.subject()).onComplete(ar -> {
        if (ar.failed() && ar.cause() instanceof TokenRejectedException e) {
          // The reason code only; the token is not echoed.
          Problems.send(ctx, 400, NOT_VERIFIED, "The token does not verify with this server's keys: " + e.reason());
        } else if (ar.failed() && ar.cause() instanceof IllegalArgumentException) {
          Problems.send(ctx, 400, AccessProblems.BAD_REQUEST, "Neither a compact token nor a jti");
        } else if (ar.failed()) {
          unavailable(ctx, ar.cause());
        } else if (ar.result() instanceof TokenRevoker.Outcome.Expired x) {
          send(ctx, 200, new JsonObject().put("jti", x.token().jti()).put("expiresAt", x.token().expiresAt().toString())
              .put("expired", true));
        } else {
          TokenRevoker.Outcome.Revoked r = (TokenRevoker.Outcome.Revoked) ar.result();
          send(ctx, r.already() ? 200 : 201, json(r.entry()).put("already", r.already()));
        }
      });
    });
  }

  /** The one string of {@code {"token": …}} or {@code {"jti": …}}; null for anything else. */
  private static String tokenOrJti(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body() == null ? null : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
    if (body == null || body.size() != 1) {
      return null;
    }
    Object token = body.getValue("token");
    Object jti = body.getValue("jti");
    if (token instanceof String t && TokenRevoker.looksLikeToken(t)) {
      return t;
    }
    if (jti instanceof String j && !TokenRevoker.looksLikeToken(j)) {
      return j;
    }
    return null;
  }

  private static JsonObject json(Revocation r) {
    return new JsonObject().put("jti", r.jti()).put("expiresAt", r.expiresAt().toString())
        .put("revokedAt", r.revokedAt().toString()).put("revokedBy", r.revokedBy());
  }

  private static void unavailable(RoutingContext ctx, Throwable cause) {
    LOG.error("Token revocation request failed", cause);
    Problems.send(ctx, 503, Problems.STORE_UNAVAILABLE, "Unavailable, try again");
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store").end(body.encode());
    }
  }
}
