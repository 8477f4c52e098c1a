package org.pledgepad.server.auth;

import io.vertx.core.Future;

/** Until accounts exist every connection is a guest that may read and write. */
public final class GuestAccess implements AuthHook {
  public static final String GUEST_ACTOR = "guest";

  @Override
  public Future<AuthDecision> authenticate(AuthRequest request) {
    return Future.succeededFuture(new AuthDecision.Allowed(GUEST_ACTOR, false));
  }
}
