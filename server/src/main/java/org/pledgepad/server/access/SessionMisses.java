package org.pledgepad.server.access;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps cookies that are not sessions from reaching the database over and over: ids that were
 * looked up and not found (or were ended here) are remembered for a while, and each client
 * address may cause only a few table look-ups per window. Both maps are bounded, so random
 * cookies cost memory only up to a fixed size. Ids are 256 random bits, so an id once missing
 * never becomes a session later; forgetting one only costs another look-up.
 */
final class SessionMisses {
  static final int MAX_REMEMBERED = 20_000;
  static final long REMEMBER_MS = 10 * 60_000L;
  /** Look-ups of unknown ids per client address and window (a browser needs one per node). */
  static final int LOOKUPS_PER_WINDOW = 20;
  static final long WINDOW_MS = 10_000L;
  static final int MAX_ADDRESSES = 10_000;

  private final Clock clock;
  private final LinkedHashMap<String, Long> missingUntil = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };
  private final Map<String, long[]> windows = new HashMap<>(); // address -> {window start, count}

  SessionMisses(Clock clock) {
    this.clock = clock;
  }

  synchronized boolean knownMissing(String hash) {
    Long until = missingUntil.get(hash);
    if (until == null) {
      return false;
    }
    if (clock.millis() >= until) {
      missingUntil.remove(hash);
      return false;
    }
    return true;
  }

  synchronized void remember(String hash) {
    missingUntil.remove(hash); // re-insert at the young end
    missingUntil.put(hash, clock.millis() + REMEMBER_MS);
  }

  /** Whether {@code address} may cause one more table look-up now (counts it if so). */
  synchronized boolean allowLookup(String address) {
    long now = clock.millis();
    if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(address)) {
      windows.values().removeIf(w -> now - w[0] >= WINDOW_MS);
      if (windows.size() >= MAX_ADDRESSES) {
        return false; // a flood from many addresses: no look-ups until windows pass
      }
    }
    long[] w = windows.computeIfAbsent(address, a -> new long[] {now, 0});
    if (now - w[0] >= WINDOW_MS) {
      w[0] = now;
      w[1] = 0;
    }
    if (w[1] >= LOOKUPS_PER_WINDOW) {
      return false;
    }
    w[1]++;
    return true;
  }
}
