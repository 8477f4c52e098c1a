package org.pledgepad.server;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM/SIGINT drain the node (see {@link ServerVerticle#stop}) for at most the grace period
 * and exit 0 when everything closed in time, 1 otherwise. Handling the signal ourselves (instead
 * of only a shutdown hook) gives a clean drain the exit status 0 an orchestrator expects; the
 * JVM would report 143 for a SIGTERM. Other exits still drain through the shutdown hook.
 */
final class ShutdownOnSignal {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownOnSignal.class);

  private ShutdownOnSignal() {}

  static void install(Vertx vertx, Duration grace) {
    AtomicBoolean started = new AtomicBoolean();
    Runnable hook = () -> {
      if (started.compareAndSet(false, true)) {
        drain(vertx, grace);
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(hook, "pledgepad-shutdown"));
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> new Thread(() -> {
          if (started.compareAndSet(false, true)) {
            System.exit(drain(vertx, grace) ? 0 : 1);
          }
        }, "pledgepad-drain").start());
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        LOG.warn("Cannot handle SIG{}; the shutdown hook drains instead", name);
      }
    }
  }

  /** True when the server closed within the grace period. */
  private static boolean drain(Vertx vertx, Duration grace) {
    LOG.info("Draining: refusing new sockets, committing what was taken (at most {} s)", grace.toSeconds());
    long started = System.nanoTime();
    CountDownLatch done = new CountDownLatch(1);
    boolean[] ok = new boolean[1];
    vertx.close().onComplete(ar -> {
      ok[0] = ar.succeeded();
      done.countDown();
    });
    try {
      if (!done.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Drain did not finish within {} s; exiting anyway", grace.toSeconds());
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    LOG.info("Drained in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return ok[0];
  }
}
