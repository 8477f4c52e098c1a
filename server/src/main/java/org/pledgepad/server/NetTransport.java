package org.pledgepad.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Locale;
import java.util.Map;
import org.pledgepad.server.config.ConfigException;
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

  /**
   * Whether the environment asks for the native transport: unset or true does, false does not.
   * Anything else is refused rather than read as true, so that "no" or "0" cannot quietly
   * keep epoll on.
   */
  static boolean preferNative(Map<String, String> env) {
    String v = env.get("NATIVE_TRANSPORT");
    if (v == null) {
      return true;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException("NATIVE_TRANSPORT", "must be true or false");
    };
  }

  static VertxOptions apply(VertxOptions options, boolean preferNative) {
    return options.setPreferNativeTransport(preferNative);
  }

  /** One INFO line: the transport in use and, for NIO, why. */
  static void logChoice(Vertx vertx, boolean preferNative) {
    if (vertx.isNativeTransportEnabled()) {
      LOG.info("Network transport: native (epoll)");
    } else if (!preferNative) {
      LOG.info("Network transport: NIO (NATIVE_TRANSPORT=false)");
    } else {
      Throwable cause = vertx.unavailableNativeTransportCause();
      LOG.info("Network transport: NIO (native transport unavailable: {})",
          cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }
}
