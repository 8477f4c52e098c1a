package org.pledgepad.server.access;

import java.time.Clock;
import java.util.ArrayDeque;
import org.pledgepad.server.cache.BoundedCache;

/**
 * How many documents one account may start per hour on this node. Starting one costs a row in
 * the document list of everyone in the body, so a script with a councillor's token must not
 * fill it. Per node and in memory, like the other per-client limits; the bounded map forgets
 * the least recently active accounts first, and only accounts that may start documents at all
 * (councillors and admins) get an entry.
 */
final class CreationQuota {
  static final int PER_HOUR = 20;
  private static final long HOUR_MILLIS = 3_600_000L;

  private final Clock clock;
  private final BoundedCache<String, ArrayDeque<Long>> recent = new BoundedCache<>(10_000, q -> 1);

  CreationQuota(Clock clock) {
    this.clock = clock;
  }

  /**
   * Counts a start by {@code subject} if it is within the quota: 0 then, else the seconds until
   * the oldest start of the last hour leaves it (for Retry-After).
   */
  synchronized long tryTake(String subject) {
    long now = clock.millis();
    ArrayDeque<Long> times = recent.get(subject);
    if (times == null) {
      times = new ArrayDeque<>();
    }
    while (!times.isEmpty() && now - times.peekFirst() >= HOUR_MILLIS) {
      times.pollFirst();
    }
    if (times.size() >= PER_HOUR) {
      return Math.max(1, (times.peekFirst() + HOUR_MILLIS - now + 999) / 1000);
    }
    times.addLast(now);
    recent.put(subject, times);
    return 0;
  }

  /** Gives back a start that did not happen (the store refused it). */
  synchronized void giveBack(String subject) {
    ArrayDeque<Long> times = recent.get(subject);
    if (times != null && !times.isEmpty()) {
      times.pollLast();
    }
  }
}
