package org.pledgepad.server.history;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One restore per document at a time, on this node ({@link RestoreGate}, no database round trip
 * for a double click) and across the nodes sharing its database ({@link RestoreLeases}). A turn
 * is renewed while held, so a restore whose update waits long for its commit keeps it; only a
 * holder that stopped (crash, lost database) lets it expire.
 */
final class RestoreTurns {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreTurns.class);
  static final long RENEW_EVERY_MS = RestoreLeases.TTL_MS / 3;

  private final Vertx vertx;
  private final RestoreGate local = new RestoreGate();
  private final RestoreLeases leases;
  private final long renewEveryMs;

  RestoreTurns(Vertx vertx, RestoreLeases leases) {
    this(vertx, leases, RENEW_EVERY_MS);
  }

  RestoreTurns(Vertx vertx, RestoreLeases leases, long renewEveryMs) {
    this.vertx = vertx;
    this.leases = leases;
    this.renewEveryMs = renewEveryMs;
  }

  /**
   * The turn of {@code doc}, or null while a restore of it is under way here or on another node.
   * Blocking: worker threads only.
   */
  Turn tryTake(String doc) throws SQLException {
    if (!local.tryEnter(doc)) {
      return null;
    }
    RestoreLeases.Lease lease;
    try {
      lease = leases.tryTake(doc);
    } catch (SQLException | RuntimeException e) {
      local.leave(doc);
      throw e;
    }
    if (lease == null) {
      local.leave(doc);
      return null;
    }
    return new Turn(lease);
  }

  /** A held turn; {@link #end} gives it back (from any thread; later calls get the same future). */
  final class Turn {
    private final RestoreLeases.Lease lease;
    private final long renewal;
    private final AtomicReference<Future<Void>> ending = new AtomicReference<>();

    private Turn(RestoreLeases.Lease lease) {
      this.lease = lease;
      this.renewal = vertx.setPeriodic(renewEveryMs, id -> vertx.executeBlocking(() -> leases.renew(lease), false)
          .onComplete(ar -> {
            if (ending.get() != null) {
              return; // released meanwhile: the row is gone on purpose
            }
            if (ar.failed()) {
              LOG.warn("Restore turn of {} not renewed; retried in {} ms", lease.document(), renewEveryMs, ar.cause());
            } else if (!ar.result()) {
              LOG.warn("Restore turn of {} expired before its update was logged; a restore on another node"
                  + " may have planned without it", lease.document());
            }
          }));
    }

    /** Completes once the turn is given back (or failed to be: it then expires). */
    Future<Void> end() {
      Promise<Void> done = Promise.promise();
      if (!ending.compareAndSet(null, done.future())) {
        return ending.get();
      }
      vertx.cancelTimer(renewal);
      vertx.executeBlocking(() -> {
        leases.release(lease);
        return null;
      }, false).onComplete(ar -> {
        if (ar.failed()) {
          LOG.warn("Restore turn of {} not released; it expires in {} ms", lease.document(), RestoreLeases.TTL_MS,
              ar.cause());
        }
        local.leave(lease.document());
        done.complete();
      });
      return done.future();
    }
  }
}
