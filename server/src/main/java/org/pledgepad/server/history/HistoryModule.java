package org.pledgepad.server.history;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessGuard;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.session.SessionRegistry;

/** Wires the history endpoints into the server: one line in ServerVerticle. */
public final class HistoryModule {
  /** How often changed document heads are signed. */
  static final long CHECKPOINT_PERIOD_MS = 60_000;
  /** The first round soon after start, so a fresh or restarted server's heads are signed early. */
  static final long FIRST_CHECKPOINT_MS = 5_000;

  private HistoryModule() {}

  /**
   * The access layer's guard as the history's access: requiring, asking without answering, and
   * the client address as sign-in resolves it.
   */
  private static HistoryAccess guarded(AccessControl ac) {
    AccessGuard guard = ac.guard();
    return new HistoryAccess() {
      @Override
      public io.vertx.core.Future<Principal> require(RoutingContext ctx, String document, Operation operation) {
        return guard.require(ctx, document, operation);
      }

      @Override
      public io.vertx.core.Future<Boolean> allows(RoutingContext ctx, String document, Operation operation) {
        return guard.principal(ctx).map(p -> Authorizer.isAllowed(p, guard.documentAccess(document), operation));
      }

      @Override
      public String clientAddress(RoutingContext ctx) {
        return ac.clientAddress(ctx);
      }
    };
  }

  /** Mount before ApiRoutes (its /api/* catch-all). */
  public static HistoryRoutes mount(Router router, Vertx vertx, ServerConfig config, SessionRegistry sessions,
      AuthHook auth) {
    HistoryAccess access;
    java.util.function.Function<String, String> names;
    if (auth instanceof AccessControl ac) {
      access = guarded(ac);
      names = id -> ac.users().findById(id).map(u -> u.user().displayName()).orElse(null);
    } else {
      access = HistoryAccess.readOnlyGuests();
      names = id -> id;
    }
    CheckpointKey key;
    SignedHeads signedHeads;
    try {
      key = CheckpointKey.loadOrCreate(config.dataDir());
      signedHeads = SignedHeads.open(config.dataDir());
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException("history checkpoint key or signed heads in " + config.dataDir() + " unusable", e);
    }
    DocumentHistories histories = new DocumentHistories(HistoryDb.of(config), key, signedHeads);
    HistoryRoutes routes = new HistoryRoutes(vertx, histories, access, sessions, names);
    routes.mount(router);
    // Once per data directory: rows erased before the erasure log existed get a backfilled record.
    vertx.executeBlocking(() -> ErasureBackfill.runOnce(config.dataDir(), histories), false)
        .onSuccess(n -> {
          if (n >= 0) {
            org.slf4j.LoggerFactory.getLogger(HistoryModule.class).info("History erasure log backfilled for {} document(s)", n);
          }
        })
        .onFailure(e -> org.slf4j.LoggerFactory.getLogger(HistoryModule.class)
            .warn("History erasure backfill failed; it runs again at the next start", e));
    // Sign the heads that moved, off the event loop; a failed round is retried next period.
    vertx.setPeriodic(FIRST_CHECKPOINT_MS, CHECKPOINT_PERIOD_MS, id -> vertx.executeBlocking(histories::checkpoint, false)
        .onFailure(e -> org.slf4j.LoggerFactory.getLogger(HistoryModule.class).warn("History checkpoint failed", e)));
    return routes;
  }
}
