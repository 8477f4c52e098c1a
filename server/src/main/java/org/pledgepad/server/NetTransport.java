package org.pledgepad.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which transport Vert.x's Netty uses for sockets. Linux's native epoll transport (shipped in the
 * jar) costs fewer system calls and wake-ups per socket write than Java's NIO selector, and every
 * delivered update is a socket write. Where its native library cannot load (another OS or
 * architecture, a no-exec temp directory), Vert.x falls back to NIO by itself; this class only
 * asks for it and says once, at start, which one runs. NATIVE_TRANSPORT=false forces NIO.
 */
final class NetTransport {
  private static final Logger LOG = LoggerFactory.getLogger(NetTransport.class);

  private NetTransport() {}

  /** Whether the environment asks for the native transport (anything but "false" does). */
  static boolean preferNative(Map<String, String> env) {
    return !"false".equalsIgnoreCase(env.getOrDefault("NATIVE_TRANSPORT", "").trim());
  }

  static VertxOptions apply(VertxOptions options, Map<String, String> env) {
    return options.setPreferNativeTransport(preferNative(env));
  }

  /** One INFO line: the transport in use and, for NIO, why. */
  static void logChoice(Vertx vertx, Map<String, String> env) {
    if (vertx.isNativeTransportEnabled()) {
      LOG.info("Network transport: native (epoll)");
    } else if (!preferNative(env)) {
      LOG.info("Network transport: NIO (NATIVE_TRANSPORT=false)");
    } else {
      Throwable cause = vertx.unavailableNativeTransportCause();
      LOG.info("Network transport: NIO (native transport unavailable: {})",
          cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }
}
