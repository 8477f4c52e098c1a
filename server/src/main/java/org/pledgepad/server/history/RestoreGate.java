package org.pledgepad.server.history;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One restore per document at a time on this node. A restore is planned against the head it
 * reads; a second one planned before the first is logged would copy the same deleted blocks back
 * again (CRDT inserts with fresh ids: both copies stay). The gate is held until the restore's
 * update is logged or refused, not until its HTTP answer, so a retry after a timed-out answer
 * cannot plan against the head the still-queued first restore did not see.
 */
final class RestoreGate {
  private final Set<String> restoring = ConcurrentHashMap.newKeySet();

  /** False when a restore of {@code doc} is already under way. */
  boolean tryEnter(String doc) {
    return restoring.add(doc);
  }

  void leave(String doc) {
    restoring.remove(doc);
  }
}
