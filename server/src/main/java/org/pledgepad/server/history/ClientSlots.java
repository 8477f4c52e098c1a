package org.pledgepad.server.history;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A few slots per client for the history requests that replay a whole log. The pool's own limit
 * is shared by everyone, so without this one client holding its requests open (or just sending
 * them fast) took every slot and everyone else got 503.
 */
final class ClientSlots {
  private final int perClient;
  private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

  ClientSlots(int perClient) {
    this.perClient = perClient;
  }

  /** False when {@code client} already holds all its slots. */
  boolean tryTake(String client) {
    boolean[] taken = {false};
    held.compute(client, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= perClient) {
        return n;
      }
      taken[0] = true;
      return now + 1;
    });
    return taken[0];
  }

  void give(String client) {
    // Removed at zero, so the map holds only clients with requests in flight.
    held.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** How many slots {@code client} holds now (for tests). */
  int held(String client) {
    return held.getOrDefault(client, 0);
  }
}
