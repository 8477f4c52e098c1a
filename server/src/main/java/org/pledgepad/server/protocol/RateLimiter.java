package org.pledgepad.server.protocol;

/**
 * Token bucket per connection: {@code burst} messages at once, refilled at {@code perSecond}.
 * Used on the connection's context only.
 */
public final class RateLimiter {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  public RateLimiter(int perSecond, int burst, long nowNanos) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes one token; false when the connection is over its rate. */
  public boolean tryAcquire(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
    last = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
