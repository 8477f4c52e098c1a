package org.pledgepad.server.history;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.server.http.Problems;

/**
 * How the history routes ask for permission: in the server this is the access layer's guard
 * (auth's Authorizer, the one authorization function). Like the guard, a refusal is answered
 * (problem+json) before the future fails.
 */
@FunctionalInterface
public interface HistoryAccess {
  Future<Principal> require(RoutingContext ctx, String document, Operation operation);

  /**
   * Whether the caller may do {@code operation}, without answering the request: the history
   * page uses it to offer only the actions the server would allow. Without an access layer only
   * reading is allowed.
   */
  default Future<Boolean> allows(RoutingContext ctx, String document, Operation operation) {
    return Future.succeededFuture(operation == Operation.READ);
  }

  /**
   * The client's address as the server resolves it for throttling (with the access layer: the
   * forwarded address when the peer is a trusted proxy); here the peer's own address.
   */
  default String clientAddress(RoutingContext ctx) {
    return org.pledgepad.server.http.ClientSlots.peerAddress(ctx);
  }

  /** Without the access layer (tests with the guest hook): anonymous, reading only. */
  static HistoryAccess readOnlyGuests() {
    return (ctx, document, operation) -> {
      if (operation == Operation.READ) {
        return Future.succeededFuture(Principal.anonymous());
      }
      Problems.send(ctx, 401, "urn:pledgepad:problem:unauthenticated", "Sign in required");
      return Future.failedFuture("denied");
    };
  }
}
