package org.pledgepad.server.history;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI description of the history endpoints (resource openapi/history.yaml). */
final class OpenApi {
  private static final byte[] YAML = load();

  private OpenApi() {}

  static void serve(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
        .putHeader("Cache-Control", "public, max-age=300")
        .end(Buffer.buffer(YAML));
  }

  private static byte[] load() {
    try (InputStream in = OpenApi.class.getResourceAsStream("/openapi/history.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi/history.yaml missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
