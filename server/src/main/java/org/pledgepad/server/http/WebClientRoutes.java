package org.pledgepad.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web client (module web-client, classpath resources under webroot/) at "/", with the
 * single-page-app fallback: any other GET that is not an API, ops or sync path gets index.html,
 * so that client-side routes survive a reload.
 */
public final class WebClientRoutes {
  static final String WEBROOT = "webroot";
  static final String INDEX = WEBROOT + "/index.html";

  public void mount(Router router) {
    router.route("/*").handler(StaticHandler.create(WEBROOT).setIndexPage("index.html"));
    router.get("/*").handler(ctx -> {
      String path = ctx.request().path();
      if (path.startsWith("/api/") || path.startsWith("/health/") || path.equals("/metrics")
          || path.startsWith("/ws/") || path.equals("/collab")) {
        ctx.next();
        return;
      }
      if (WebClientRoutes.class.getClassLoader().getResource(INDEX) == null) {
        Problems.send(ctx, 404, Problems.NOT_FOUND, "Web client not built into this server");
        return;
      }
      ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").sendFile(INDEX);
    });
  }
}
