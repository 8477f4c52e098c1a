package org.pledgepad.server.testing;

import io.vertx.core.Future;
import org.pledgepad.server.auth.AuthDecision;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.auth.AuthRequest;

/**
 * Test auth: the token names the actor; "denied" is refused, tokens starting with "reader" get
 * read-only access, tokens starting with "pending" are never decided (an auth that hangs). Lets
 * tests exercise the hook, read-only enforcement and per-actor rules.
 */
public final class TokenAuth implements AuthHook {
  @Override
  public Future<AuthDecision> authenticate(AuthRequest request) {
    String token = request.token() == null || request.token().isEmpty() ? "guest" : request.token();
    if (token.equals("denied")) {
      return Future.succeededFuture(new AuthDecision.Denied("permission denied"));
    }
    if (token.startsWith("pending")) {
      return io.vertx.core.Promise.<AuthDecision>promise().future();
    }
    return Future.succeededFuture(new AuthDecision.Allowed(token, token.startsWith("reader")));
  }
}
