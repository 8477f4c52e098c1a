package org.pledgepad.server.pledges;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.pledgepad.pledges.export.ExportFile;
import org.pledgepad.server.http.EntityTags;

/** Serves the OpenAPI description of the pledge endpoints (resource openapi/pledges.yaml). */
final class OpenApiRoute {
  private static final byte[] YAML = load();
  private static final String ETAG = ExportFile.etag(YAML);

  private OpenApiRoute() {}

  static void serve(RoutingContext ctx) {
    ctx.response().putHeader("ETag", ETAG).putHeader("Cache-Control", "public, no-cache");
    if (EntityTags.matches(ctx.request().getHeader("If-None-Match"), ETAG)) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(Buffer.buffer(YAML));
  }

  private static byte[] load() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream("/openapi/pledges.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi/pledges.yaml missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
