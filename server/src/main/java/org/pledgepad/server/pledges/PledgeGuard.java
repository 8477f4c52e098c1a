package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Principal;
import org.pledgepad.server.http.ClientSlots;

/**
 * Where the pledge routes get who is asking and the access facts of a document. Every decision is
 * then {@code Authorizer.authorize} (the one authorization function). This seam exists until the
 * server's request guard is present ({@link AccessGuardAdapter}); {@link StageOnlyGuard} answers without it.
 */
public interface PledgeGuard {
  /**
   * Who is asking. May answer the request itself (bad token, missing CSRF token) and fail; callers
   * then do nothing more.
   */
  Future<Principal> principal(RoutingContext ctx);

  /** Access facts of a document; empty if there is no such document. */
  Future<Optional<DocumentAccess>> access(String document);

  /**
   * The client's address as sign-in resolves it (with the access layer: the forwarded address when
   * the peer is a trusted proxy), which per-client limits count guests by; here the peer's own.
   */
  default String clientAddress(RoutingContext ctx) {
    return ClientSlots.peerAddress(ctx);
  }

  /**
   * Whether a document of this name was deleted (an empty draft started by mistake): nobody opens
   * or creates it again, an import included (no deletions here).
   */
  default boolean deleted(String document) {
    return false;
  }

  /** The current display name of account {@code subject}; empty when unknown (no accounts here). */
  default Optional<String> displayName(String subject) {
    return Optional.empty();
  }
}
