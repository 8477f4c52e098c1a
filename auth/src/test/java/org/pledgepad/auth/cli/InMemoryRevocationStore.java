package org.pledgepad.auth.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.auth.token.Revocation;
import org.pledgepad.auth.token.RevocationStore;

/** The revocation list in a map, for the command's tests. */
final class InMemoryRevocationStore implements RevocationStore {
  private final Map<String, Revocation> byJti = new LinkedHashMap<>();

  @Override
  public synchronized Revocation add(Revocation r) {
    return byJti.computeIfAbsent(r.jti(), k -> r);
  }

  @Override
  public synchronized List<Revocation> list(Instant after) {
    List<Revocation> out = new ArrayList<>();
    for (Revocation r : byJti.values()) {
      if (r.expiresAt().isAfter(after)) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public synchronized int purge(Instant before) {
    int n = byJti.size();
    byJti.values().removeIf(r -> !r.expiresAt().isAfter(before));
    return n - byJti.size();
  }
}
