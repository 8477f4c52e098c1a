package org.pledgepad.server.privacy;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One personal data export per person per {@code spacingMillis}: an export reads the whole
 * update log by actor, so a signed-in caller must not be able to repeat it back to back. The
 * map is bounded: entries older than the spacing are dropped once it grows past
 * {@link #MAX_ENTRIES}, and if it is still full, new callers wait.
 */
final class ExportLimiter {
  static final int MAX_ENTRIES = 10_000;

  private final Clock clock;
  private final long spacingMillis;
  private final Map<String, Long> last = new ConcurrentHashMap<>();

  ExportLimiter(Clock clock, long spacingMillis) {
    this.clock = clock;
    this.spacingMillis = spacingMillis;
  }

  /** 0 when {@code subject} may export now (and records it), else the milliseconds to wait. */
  long tryAcquire(String subject) {
    long now = clock.millis();
    if (last.size() >= MAX_ENTRIES) {
      last.values().removeIf(t -> now - t >= spacingMillis);
      if (last.size() >= MAX_ENTRIES && !last.containsKey(subject)) {
        return spacingMillis;
      }
    }
    long[] wait = {0};
    last.compute(subject, (k, t) -> {
      if (t != null && now - t < spacingMillis) {
        wait[0] = spacingMillis - (now - t);
        return t;
      }
      return now;
    });
    return wait[0];
  }
}
