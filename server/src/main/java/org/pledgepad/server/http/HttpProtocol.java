package org.pledgepad.server.http;

import io.vertx.core.http.HttpServerOptions;

/**
 * The protocol choices every Pledgepad HTTP server makes, whatever its host, port and limits.
 * Tests that mount routes on their own server start from these too, so they speak what
 * production speaks.
 */
public final class HttpProtocol {
  private HttpProtocol() {}

  public static HttpServerOptions options() {
    return new HttpServerOptions()
        // Compressed messages could inflate far beyond the message cap.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // HTTP/1.1 only. Cleartext HTTP/2 (h2c) is deprecated (RFC 9113, 3.1), no browser speaks
        // it, WebSockets need HTTP/1.1 and a TLS proxy in front talks HTTP/1.1 to us. Left on, the
        // Java HTTP client's default upgrade to it stalls responses larger than a few tens of
        // kilobytes (/metrics, openapi/annotations.yaml) until the idle timeout, or forever
        // without one; and it is one more protocol to defend.
        .setHttp2ClearTextEnabled(false);
  }
}
