package org.pledgepad.server;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pledgepad.server.config.ConfigException;
import org.pledgepad.server.doc.OpenPathWarmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-time warm-up of the document-open path (see {@link OpenPathWarmup}): runs on its own
 * thread while the store starts, and readiness waits for it, so that a load balancer sends the
 * first connections to a process that no longer interprets the CRDT's decode loops.
 * {@code WARMUP_ROUNDS} (default {@value #DEFAULT_ROUNDS}, 0 = off) bounds the rounds, a fixed
 * wall-time budget bounds a busy machine's wait.
 */
public final class StartWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(StartWarmup.class);
  public static final int DEFAULT_ROUNDS = 6;
  static final int MAX_ROUNDS = 100;
  /** Readiness waits at most this long for the warm-up (6 rounds: 3.6–5.3 s at load 35 on 2 cores). */
  public static final long BUDGET_MS = 10_000;

  private final AtomicBoolean done = new AtomicBoolean();

  private StartWarmup() {}

  /** Rounds from the environment; an invalid value names the setting. */
  public static int rounds(Map<String, String> env) {
    String raw = env.get("WARMUP_ROUNDS");
    if (raw == null || raw.isBlank()) {
      return DEFAULT_ROUNDS;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 0 && n <= MAX_ROUNDS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException("WARMUP_ROUNDS", "expected an integer from 0 to " + MAX_ROUNDS);
  }

  /** Starts the warm-up on a daemon thread; {@link #done()} turns true when it ended (also on failure). */
  public static StartWarmup begin(int rounds) {
    StartWarmup w = new StartWarmup();
    if (rounds == 0) {
      w.done.set(true);
      return w;
    }
    Thread t = new Thread(() -> {
      try {
        OpenPathWarmup.Report r = OpenPathWarmup.run(rounds, BUDGET_MS);
        LOG.info("Open-path warm-up: {} rounds in {} ms ({} ms CPU)", r.rounds(), r.wallMs(), r.cpuMs());
      } catch (RuntimeException | StackOverflowError e) {
        LOG.warn("Open-path warm-up failed; the first opens will be slower", e);
      } finally {
        w.done.set(true);
      }
    }, "open-warmup");
    t.setDaemon(true);
    t.start();
    return w;
  }

  public boolean done() {
    return done.get();
  }
}
