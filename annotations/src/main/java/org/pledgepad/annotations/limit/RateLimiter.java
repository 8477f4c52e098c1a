package org.pledgepad.annotations.limit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-user token buckets for writing annotations: a burst of {@code capacity} actions, then one
 * action per {@code refillNanos}. The map keeps at most {@code maxUsers} buckets and forgets the
 * least recently used one beyond that, so a flood of fresh accounts cannot exhaust memory; a
 * forgotten user starts again with a full bucket, which only helps someone who was idle anyway.
 *
 * <p>Thread-safe (synchronized): annotation writes are rare compared with sync messages.
 */
public final class RateLimiter {
  /** Defaults: 20 actions at once, then one every 6 seconds (10 a minute), 50 000 users. */
  public static final int DEFAULT_CAPACITY = 20;
  public static final long DEFAULT_REFILL_NANOS = 6_000_000_000L;
  public static final int DEFAULT_MAX_USERS = 50_000;

  private final int capacity;
  private final long refillNanos;
  private final LongSupplier nanoClock;
  private final Map<String, long[]> buckets;

  public RateLimiter(int capacity, long refillNanos, int maxUsers, LongSupplier nanoClock) {
    if (capacity < 1 || refillNanos < 1 || maxUsers < 1) {
      throw new IllegalArgumentException("capacity, refill interval and map size must be positive");
    }
    this.capacity = capacity;
    this.refillNanos = refillNanos;
    this.nanoClock = nanoClock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
        return size() > maxUsers;
      }
    };
  }

  public static RateLimiter withDefaults() {
    return new RateLimiter(DEFAULT_CAPACITY, DEFAULT_REFILL_NANOS, DEFAULT_MAX_USERS, System::nanoTime);
  }

  /** Takes one token for {@code user}; false if the bucket is empty (the action must be refused). */
  public synchronized boolean tryAcquire(String user) {
    long now = nanoClock.getAsLong();
    // bucket = {tokens, time the tokens were last counted}
    long[] b = buckets.computeIfAbsent(user, u -> new long[] {capacity, now});
    long earned = (now - b[1]) / refillNanos;
    if (earned > 0) {
      b[0] = Math.min(capacity, b[0] + earned);
      b[1] = b[0] == capacity ? now : b[1] + earned * refillNanos;
    }
    if (b[0] == 0) {
      return false;
    }
    b[0]--;
    return true;
  }

  synchronized int size() {
    return buckets.size();
  }
}
