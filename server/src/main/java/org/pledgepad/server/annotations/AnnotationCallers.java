package org.pledgepad.server.annotations;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Stage;
import org.pledgepad.server.access.AccessGuard;
import org.pledgepad.server.store.DocumentInfo;

/**
 * Who is calling and what the document's access facts are, for the annotation routes. The
 * decisions themselves are made by the annotation services through {@code Authorizer.authorize}
 * (the one authorization function); this only supplies its two inputs.
 */
interface AnnotationCallers {
  /** The caller's principal; on bad credentials the answer is already sent and the future fails. */
  Future<Principal> principal(RoutingContext ctx);

  /**
   * The caller's principal for a route that is not about one document (the caller's own data);
   * a principal limited to one document is refused (403, answer sent, future failed).
   */
  default Future<Principal> accountWide(RoutingContext ctx) {
    return principal(ctx);
  }

  DocumentAccess access(DocumentInfo document);

  /** Whether {@code p}, admitted when the request came, may still act when its write has its turn. */
  default boolean active(Principal p) {
    return true;
  }

  /** The access layer's guard: bearer token or cookie session (with CSRF on writes), else guest. */
  static AnnotationCallers of(AccessGuard guard) {
    return new AnnotationCallers() {
      @Override
      public Future<Principal> principal(RoutingContext ctx) {
        return guard.principal(ctx);
      }

      @Override
      public Future<Principal> accountWide(RoutingContext ctx) {
        return guard.accountWide(ctx);
      }

      @Override
      public DocumentAccess access(DocumentInfo document) {
        return guard.documentAccess(document.name());
      }

      @Override
      public boolean active(Principal p) {
        return guard.active(p);
      }
    };
  }

  /** Without an access layer (a server started with another auth hook): everyone is a guest. */
  static AnnotationCallers guestsOnly() {
    Body nobody = new Body("no-owner");
    return new AnnotationCallers() {
      @Override
      public Future<Principal> principal(RoutingContext ctx) {
        return Future.succeededFuture(Principal.anonymous());
      }

      @Override
      public DocumentAccess access(DocumentInfo document) {
        return new DocumentAccess(document.name(), nobody, Set.of(), Set.of(),
            Stage.valueOf(document.stage().name()));
      }
    };
  }
}
