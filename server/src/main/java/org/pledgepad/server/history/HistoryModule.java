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
import org.pledgepad.server.http.SpooledDownloads;
import org.pledgepad.server.session.SessionRegistry;

/** Wires the history endpoints into the server: one line in ServerVerticle. */
public final class HistoryModule {
  /** How often changed document heads are signed. */
  static final long CHECKPOINT_PERIOD_MS = 60_000;
  /** The first round soon after start, so a fresh or restarted server's heads are signed early. */
  static final long FIRST_CHECKPOINT_MS = 5_000;
  /** Under DATA_DIR: history exports on their way to a client (SpooledDownloads). */
  static final String DOWNLOADS_DIR = "downloads";

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

  private static final int BACKFILL_ATTEMPTS = 5;
  private static final long BACKFILL_RETRY_MS = 10_000;

  /**
   * The erasure log's backfill, retried a few times (a busy store): it has no later chance, since
   * only the start that created the log may run it (ErasureBackfill).
   */
  private static void backfill(Vertx vertx, DocumentHistories histories, boolean erasureLogCreated, int attempt) {
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HistoryModule.class);
    vertx.executeBlocking(() -> ErasureBackfill.atUpgrade(erasureLogCreated, histories), false)
        .onSuccess(n -> {
          if (n >= 0) {
            log.info("History erasure log created; rows erased before it backfilled in {} document(s)", n);
          }
        })
        .onFailure(e -> {
          if (attempt < BACKFILL_ATTEMPTS) {
            log.warn("History erasure backfill failed (attempt {} of {}); retrying", attempt, BACKFILL_ATTEMPTS, e);
            vertx.setTimer(BACKFILL_RETRY_MS, id -> backfill(vertx, histories, erasureLogCreated, attempt + 1));
          } else {
            log.error("History erasure backfill failed; rows erased before the erasure log will be reported"
                + " as ERASURE_UNRECORDED by verify (history/README.md, \"Erasure policy\")", e);
          }
        });
  }

  /**
   * Mount before ApiRoutes (its /api/* catch-all).
   *
   * @param store the document store: whether its start created the erasure log (then, and only
   *     then, older erasures are backfilled), and the log stretches it hashed itself
   */
  public static HistoryRoutes mount(Router router, Vertx vertx, ServerConfig config, SessionRegistry sessions,
      AuthHook auth, org.pledgepad.server.store.DocumentStore store) {
    boolean erasureLogCreated = store.erasureLogCreatedAtStart();
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
    SpooledDownloads downloads;
    try {
      key = CheckpointKey.loadOrCreate(config.dataDir());
      signedHeads = SignedHeads.open(config.dataDir());
      downloads = SpooledDownloads.open(vertx, config.dataDir().resolve(DOWNLOADS_DIR));
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException("history checkpoint key, signed heads or downloads directory in "
          + config.dataDir() + " unusable", e);
    }
    DocumentHistories histories = new DocumentHistories(HistoryDb.of(config), key, signedHeads, store.ownChains());
    HistoryRoutes routes = new HistoryRoutes(vertx, histories, access, sessions, names, downloads);
    routes.mount(router);
    // At the start that created the erasure log only: rows erased before it get a backfilled record.
    backfill(vertx, histories, erasureLogCreated, 1);
    // Sign the heads that moved, off the event loop; a failed round is retried next period.
    vertx.setPeriodic(FIRST_CHECKPOINT_MS, CHECKPOINT_PERIOD_MS, id -> vertx.executeBlocking(histories::checkpoint, false)
        .onFailure(e -> org.slf4j.LoggerFactory.getLogger(HistoryModule.class).warn("History checkpoint failed", e)));
    return routes;
  }
}
