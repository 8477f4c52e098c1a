package org.pledgepad.server.history;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves OpenAPI descriptions from the class path (openapi/history.yaml, privacy.yaml, annotations.yaml). */
public final class OpenApi {
  private static final byte[] YAML = load("/openapi/history.yaml");

  private OpenApi() {}

  static void serve(RoutingContext ctx) {
    serve(ctx, YAML);
  }

  /** A handler serving the class-path resource {@code path} (read once, now). */
  public static io.vertx.core.Handler<RoutingContext> handler(String path) {
    byte[] yaml = load(path);
    return ctx -> serve(ctx, yaml);
  }

  private static void serve(RoutingContext ctx, byte[] yaml) {
    ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
        .putHeader("Cache-Control", "public, max-age=300")
        .end(Buffer.buffer(yaml));
  }

  private static byte[] load(String path) {
    try (InputStream in = OpenApi.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
