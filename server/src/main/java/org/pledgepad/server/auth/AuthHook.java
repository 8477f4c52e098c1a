package org.pledgepad.server.auth;

import io.vertx.core.Future;

/**
 * Decides what a connection may do with one document. Called once per document a connection
 * opens, before anything of that document is answered. Accounts and roles come with a later
 * issue; the hook is the one place they plug in.
 */
@FunctionalInterface
public interface AuthHook {
  Future<AuthDecision> authenticate(AuthRequest request);

  /** The hook for one WebSocket, which may use its upgrade headers (the session cookie). */
  default AuthHook forConnection(io.vertx.core.MultiMap upgradeHeaders) {
    return this;
  }

  /**
   * As {@link #forConnection(io.vertx.core.MultiMap)}, knowing the TCP peer (for per-client limits
   * and trusted proxies) and whether the upgrade came over TLS to this server (which cookie name
   * counts).
   */
  default AuthHook forConnection(io.vertx.core.MultiMap upgradeHeaders, io.vertx.core.net.SocketAddress peer,
      boolean tls) {
    return forConnection(upgradeHeaders);
  }

  /** Checked before the upgrade completes: false refuses it with HTTP 401 (e.g. a bad ?token=). */
  default boolean acceptsUpgrade(io.vertx.core.MultiMap upgradeHeaders, String token) {
    return true;
  }
}
