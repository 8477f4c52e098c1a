package org.pledgepad.loadgen;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits, with no edits sent, until the server has delivered every edit to every other client of
 * its document. After the warm-up this keeps a server that fell behind during it from carrying
 * its backlog into the measured steps: a slower peer's first step then measured the warm-up's
 * queue, not the step (docs/benchmarks.md, 17:56 run). The wait is reported, not hidden.
 */
final class Drain {
  private static final long POLL_MS = 100;

  private Drain() {}

  /** What the wait found: how long it took and how many deliveries were still missing at its end. */
  record Result(long waitedMs, long backlogLeft) {}

  static Result await(List<Lane> lanes, long limitMs) throws Exception {
    long start = System.nanoTime();
    long deadline = start + limitMs * 1_000_000;
    long left = backlog(lanes);
    while (left > 0 && System.nanoTime() < deadline) {
      Thread.sleep(POLL_MS);
      left = backlog(lanes);
    }
    return new Result((System.nanoTime() - start) / 1_000_000, left);
  }

  static long backlog(List<Lane> lanes) throws Exception {
    List<Future<Long>> parts = new ArrayList<>();
    for (Lane lane : lanes) {
      parts.add(lane.backlog());
    }
    long sum = 0;
    for (long part : Main.join(parts)) {
      sum += part;
    }
    return sum;
  }
}
