package org.pledgepad.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem details. The {@code type} URIs are stable identifiers clients may switch on;
 * {@code detail} never echoes request content.
 */
public final class Problems {
  public static final String NOT_FOUND = "urn:pledgepad:problem:not-found";
  public static final String INVALID_NAME = "urn:pledgepad:problem:invalid-document-name";
  public static final String STORE_UNAVAILABLE = "urn:pledgepad:problem:store-unavailable";
  public static final String INTERNAL = "urn:pledgepad:problem:internal";
  public static final String METHOD_NOT_ALLOWED = "urn:pledgepad:problem:method-not-allowed";

  private Problems() {}

  public static Future<Void> send(RoutingContext ctx, int status, String type, String title) {
    JsonObject body = new JsonObject()
        .put("type", type)
        .put("title", title)
        .put("status", status)
        .put("instance", ctx.request().path());
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(body.encode());
  }
}
