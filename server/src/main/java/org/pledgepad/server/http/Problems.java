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
  public static final String BAD_REQUEST = "urn:pledgepad:problem:bad-request";
  public static final String PAYLOAD_TOO_LARGE = "urn:pledgepad:problem:payload-too-large";
  public static final String UNSUPPORTED_MEDIA_TYPE = "urn:pledgepad:problem:unsupported-media-type";
  /** Any other client error the router itself raised. */
  public static final String REQUEST_REJECTED = "urn:pledgepad:problem:request-rejected";

  private Problems() {}

  /** The type and title for a status a router failure carries (body limit, decoding, routing). */
  public static String[] forStatus(int status) {
    return switch (status) {
      case 400 -> new String[] {BAD_REQUEST, "Bad request"};
      case 404 -> new String[] {NOT_FOUND, "Not found"};
      case 405 -> new String[] {METHOD_NOT_ALLOWED, "Method not allowed"};
      case 413 -> new String[] {PAYLOAD_TOO_LARGE, "Request body too large"};
      case 415 -> new String[] {UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"};
      case 503 -> new String[] {STORE_UNAVAILABLE, "Service unavailable"};
      default -> status >= 400 && status < 500
          ? new String[] {REQUEST_REJECTED, "Request rejected"} : new String[] {INTERNAL, "Internal error"};
    };
  }

  public static Future<Void> send(RoutingContext ctx, int status, String type, String title) {
    return send(ctx, status, type, title, new JsonObject());
  }

  /** With extension members (RFC 9457, section 3.2) that a client acts on, such as a reason code. */
  public static Future<Void> send(RoutingContext ctx, int status, String type, String title, JsonObject extensions) {
    JsonObject body = extensions.copy()
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
