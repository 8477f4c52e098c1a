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
}
