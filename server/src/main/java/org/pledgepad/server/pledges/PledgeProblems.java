package org.pledgepad.server.pledges;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.pledgepad.server.http.Problems;

/**
 * Problem types of the pledge API (RFC 9457, same shape as {@link Problems}); the {@code type}
 * URIs are stable. Details name the offending field or line, never echo content.
 */
final class PledgeProblems {
  static final String INVALID_REQUEST = "urn:pledgepad:problem:pledges:invalid-request";
  static final String IMPORT_FAILED = "urn:pledgepad:problem:pledges:import-failed";
  /** An import body that is not UTF-8, with the line of the first invalid byte. */
  static final String IMPORT_NOT_UTF8 = "urn:pledgepad:problem:pledges:import-not-utf8";
  static final String FORBIDDEN = "urn:pledgepad:problem:forbidden";
  static final String UNAUTHENTICATED = "urn:pledgepad:problem:unauthenticated";
  static final String CONFLICT = "urn:pledgepad:problem:pledges:conflict";
  static final String UNKNOWN_PLEDGE = "urn:pledgepad:problem:pledges:unknown-pledge";
  /** A client with {@link PledgeReadLimit#MAX_PER_CLIENT} comparisons or open-data files in flight. */
  static final String TOO_MANY_REQUESTS = "urn:pledgepad:problem:pledges:too-many-requests";

  private PledgeProblems() {}

  static void send(RoutingContext ctx, int status, String type, String title, JsonObject extra) {
    if (ctx.response().ended()) {
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", type)
        .put("title", title)
        .put("status", status)
        .put("instance", ctx.request().path());
    if (extra != null) {
      body.mergeIn(extra);
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
  }

  static void badRequest(RoutingContext ctx, String detail) {
    send(ctx, 400, INVALID_REQUEST, "Invalid request", new JsonObject().put("detail", detail));
  }

  static void notFound(RoutingContext ctx, String title) {
    send(ctx, 404, Problems.NOT_FOUND, title, null);
  }

  /**
   * One answer for a pledge id no document holds and for one in a document the caller may not
   * read: ids are slugs of titles, so two answers would confirm a guessed draft pledge.
   */
  static void unknownPledge(RoutingContext ctx) {
    send(ctx, 404, UNKNOWN_PLEDGE, "Unknown pledge",
        new JsonObject().put("detail", "no pledge with this id in a document you may read"));
  }

  static void forbidden(RoutingContext ctx, String reasonCode) {
    send(ctx, 403, FORBIDDEN, "Not allowed", new JsonObject().put("reason", reasonCode));
  }

  static void failed(RoutingContext ctx, Throwable e) {
    if (ctx.response().ended()) {
      return;   // a refusal that was already answered
    }
    if (e instanceof PledgeConflictException) {
      send(ctx, 409, CONFLICT, "Changed by someone else at the same time", new JsonObject().put("detail", e.getMessage()));
      return;
    }
    org.slf4j.LoggerFactory.getLogger(PledgeProblems.class).error("Pledge request failed", e);
    send(ctx, 503, Problems.STORE_UNAVAILABLE, "Storage unavailable", null);
  }
}
