package org.pledgepad.server.access;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.pledgepad.server.http.Problems;

/**
 * The access layer's write routes take JSON only: a cross-site form cannot send it without a CORS
 * preflight, so a signed-in browser cannot be made to post one from another site.
 */
final class JsonOnly {
  private JsonOnly() {}

  /** True after answering 415 when the request's body is not declared application/json. */
  static boolean refused(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return false;
    }
    Problems.send(ctx, 415, AccessProblems.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
    return true;
  }
}
