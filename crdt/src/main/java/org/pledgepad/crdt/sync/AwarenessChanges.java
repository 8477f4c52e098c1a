package org.pledgepad.crdt.sync;

// Follows the 'change' and 'update' event payloads of y-protocols/awareness.js (1.0.7).

import java.util.List;

/**
 * What an awareness operation did, in place of y-protocols' two events: {@code updated} lists
 * every client whose entry was accepted with a state (the 'update' event), {@code changed}
 * only those whose state differs deeply from before (the 'update' list of the 'change' event).
 */
public record AwarenessChanges(List<Long> added, List<Long> updated, List<Long> changed, List<Long> removed) {
  /** Whether y-protocols would emit 'change'. */
  public boolean hasChange() {
    return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
  }

  /** Whether y-protocols would emit 'update' (the signal to broadcast). */
  public boolean hasUpdate() {
    return !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
  }
}
