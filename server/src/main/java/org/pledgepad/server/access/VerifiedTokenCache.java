package org.pledgepad.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pledgepad.server.cache.BoundedCache;

/**
 * Tokens whose signature and claims were checked a moment ago. A WebSocket connection presents
 * its token at the upgrade and again when its document is authorised, a browser opens several
 * documents with one token, and reconnects repeat it: without this each costs an Ed25519 check
 * (about 40 % of the server's CPU per opened connection in the idle benchmark).
 *
 * <p>Only accepted tokens are kept (a flood of bad tokens cannot fill it), at most
 * {@code capacity}, least recently used first out, each for at most {@code ttl} and never past
 * its own expiry. The account behind a token is still reconciled on every use; what a cached
 * entry skips is only the signature check, so a verification key withdrawn by rotation stops
 * being honoured for its tokens within {@code ttl}.
 */
final class VerifiedTokenCache {
  private record Entry(VerifiedToken token, Instant checkedUntil) {}

  private final Clock clock;
  private final Duration ttl;
  private final BoundedCache<String, Entry> entries;

  VerifiedTokenCache(Clock clock, Duration ttl, int capacity) {
    this.clock = clock;
    this.ttl = ttl;
    this.entries = new BoundedCache<>(capacity, e -> 1);
  }

  /** The token as verified before, or null when unknown, expired or checked too long ago. */
  VerifiedToken get(String token) {
    Entry e = entries.get(token);
    if (e == null) {
      return null;
    }
    Instant now = clock.instant();
    if (!now.isBefore(e.checkedUntil()) || e.token().expiredAt(now)) {
      entries.remove(token);
      return null;
    }
    return e.token();
  }

  void put(String token, VerifiedToken verified) {
    entries.put(token, new Entry(verified, clock.instant().plus(ttl)));
  }

  int size() {
    return entries.size();
  }
}
