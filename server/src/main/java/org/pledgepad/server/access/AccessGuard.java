package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.pledgepad.auth.Decision;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.token.TokenRejectedException;
import org.pledgepad.server.http.Problems;

/**
 * The one REST authorization helper. Usage in any route:
 *
 * <pre>
 * guard.require(ctx, documentName, Operation.COMMENT).onSuccess(principal -> ...);
 * </pre>
 *
 * On refusal the problem+json answer (401 without credentials, 403 otherwise, 401 for a bad
 * bearer token or a missing/wrong X-CSRF-Token on a cookie session's write) is already sent and
 * the future fails with {@link AccessDeniedException}: just do nothing on failure.
 *
 * <p>Principal: {@code Authorization: Bearer <access token>} if present (no CSRF check: not an
 * ambient credential), else the session cookie, else the anonymous guest.
 */
public final class AccessGuard {
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final AccessControl access;

  AccessGuard(AccessControl access) {
    this.access = access;
  }

  /** The caller's principal, checking CSRF for writes of cookie sessions. */
  public Future<Principal> principal(RoutingContext ctx) {
    String authz = ctx.request().getHeader("Authorization");
    if (authz != null) {
      if (!authz.regionMatches(true, 0, "Bearer ", 0, 7) || authz.length() > 8192) {
        return deny(ctx, 401, AccessProblems.INVALID_TOKEN, "Invalid authorization header");
      }
      Principal p;
      try {
        p = access.tokenPrincipal(authz.substring(7).strip());
      } catch (TokenRejectedException e) {
        return deny(ctx, 401, AccessProblems.INVALID_TOKEN,
            e.reason() == TokenRejectedException.Reason.REVOKED ? "Token revoked" : "Invalid or expired token");
      }
      return p == null ? deny(ctx, 401, AccessProblems.INVALID_TOKEN, "Invalid or expired token")
          : Future.succeededFuture(p);
    }
    Optional<WebSessions.WebSession> session = session(ctx);
    if (session.isEmpty()) {
      return Future.succeededFuture(Principal.anonymous());
    }
    if (!isSafe(ctx.request().method()) && !csrfMatches(ctx, session.get())) {
      return deny(ctx, 403, AccessProblems.CSRF, "Missing or wrong " + CSRF_HEADER);
    }
    return Future.succeededFuture(access.sessionPrincipal(session.get().id()).orElse(Principal.anonymous()));
  }

  /**
   * The principal for a route that is not about one document (account-wide /api/me/* routes,
   * admin routes). A principal limited to one document (a token issued with --doc) is refused
   * with 403 here: {@link Authorizer#authorize} enforces that limit only for document routes.
   */
  public Future<Principal> accountWide(RoutingContext ctx) {
    return principal(ctx).compose(p -> {
      if (p.documentRestriction().isPresent()) {
        return deny(ctx, 403, AccessProblems.FORBIDDEN, "Not allowed: token limited to one document");
      }
      // "Sign in first" would mislead someone who is signed in: say what is missing instead.
      if (p.isAnonymous() && passwordChangePending(ctx)) {
        return deny(ctx, 403, AccessProblems.PASSWORD_CHANGE_REQUIRED, "Change your one-time password first");
      }
      return Future.succeededFuture(p);
    });
  }

  /**
   * The principal for an admin route: account-wide ({@link #accountWide}), signed in (401) and
   * of role ADMIN (403); CSRF is checked for a cookie session's writes as everywhere.
   */
  public Future<Principal> admin(RoutingContext ctx) {
    return accountWide(ctx).compose(p -> {
      if (p.isAnonymous()) {
        return deny(ctx, 401, AccessProblems.UNAUTHENTICATED, "Sign in required");
      }
      if (p.role() != org.pledgepad.auth.Role.ADMIN) {
        return deny(ctx, 403, AccessProblems.FORBIDDEN, "Administrators only");
      }
      return Future.succeededFuture(p);
    });
  }

  /** Whether the caller's cookie session belongs to an account that must change its password first. */
  boolean passwordChangePending(RoutingContext ctx) {
    return session(ctx).flatMap(s -> access.sessionAccount(s.id()))
        .map(p -> access.mustChangePassword(p.subject())).orElse(false);
  }

  /** The principal if it may do {@code operation} on {@code document}; otherwise answered and failed. */
  public Future<Principal> require(RoutingContext ctx, String document, Operation operation) {
    return principal(ctx).compose(p -> {
      DocumentAccess doc = access.documentAccess(document);
      Decision d = Authorizer.authorize(p, doc, operation);
      if (d.allowed()) {
        return Future.succeededFuture(p);
      }
      if (d.reason() == Decision.Reason.DOCUMENT_DELETED) {
        // For REST a deleted document is one that does not exist, whoever asks.
        return deny(ctx, 404, org.pledgepad.server.http.Problems.NOT_FOUND, "No such document");
      }
      return p.isAnonymous()
          ? deny(ctx, 401, AccessProblems.UNAUTHENTICATED, "Sign in required")
          : deny(ctx, 403, AccessProblems.FORBIDDEN, "Not allowed: " + d.code());
    });
  }

  /**
   * The principal if it writes the draft {@code document} (SYNC_WRITE while the stage is draft:
   * its body's councillors) or may administer it; otherwise answered and failed as
   * {@link #require} does for ADMIN. For the few things a draft's writers may do to the document
   * itself (change its title, delete it while empty).
   */
  public Future<Principal> requireDraftWriterOrAdmin(RoutingContext ctx, String document) {
    return principal(ctx).compose(p -> {
      DocumentAccess doc = access.documentAccess(document);
      return doc.stage() == org.pledgepad.auth.Stage.DRAFT && Authorizer.isAllowed(p, doc, Operation.SYNC_WRITE)
          ? Future.succeededFuture(p) : require(ctx, document, Operation.ADMIN);
    });
  }

  /** Which documents the caller may read (for lists); fails like {@link #principal}. */
  public Future<java.util.function.Predicate<String>> readable(RoutingContext ctx) {
    return principal(ctx).map(p -> name -> Authorizer.isAllowed(p, access.documentAccess(name), Operation.READ));
  }

  /**
   * Whether {@code p}, admitted earlier, may still act: a write that waited in a queue while its
   * author's account was disabled (erasure) must not be stored.
   */
  public boolean active(Principal p) {
    return access.active(p);
  }

  /** The access facts (owner body, editors, commenters, stage) the guard decides with. */
  public DocumentAccess documentAccess(String document) {
    return access.documentAccess(document);
  }

  Optional<WebSessions.WebSession> session(RoutingContext ctx) {
    String id = access.sessionCookie().read(ctx);
    return id == null ? Optional.empty() : access.sessions().find(id);
  }

  static boolean csrfMatches(RoutingContext ctx, WebSessions.WebSession s) {
    String sent = ctx.request().getHeader(CSRF_HEADER);
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        s.csrfToken().getBytes(StandardCharsets.UTF_8));
  }

  static boolean isSafe(HttpMethod m) {
    return m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
  }

  private static <T> Future<T> deny(RoutingContext ctx, int status, String type, String title) {
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    Problems.send(ctx, status, type, title);
    return Future.failedFuture(new AccessDeniedException(status, type));
  }
}
