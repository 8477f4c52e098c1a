package org.pledgepad.loadgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.sync.AwarenessUpdate;

// Follows y-protocols/awareness.js 1.0.7: a state is new when its clock is higher than the known
// one, or equal with a removal of a known state; the local state starts as {} with clock 0
// and is renewed (clock + 1) every 15 s while it is set.

/** The awareness bookkeeping of one client: its own state ({}) and the clocks it has seen. */
final class AwarenessStates {
  static final long RENEW_MS = 15_000;
  private static final String EMPTY_STATE = "{}";

  private final long clientID;
  private long clock;
  private long renewedAtMs;
  private final Map<Long, AwarenessUpdate.Entry> states = new HashMap<>();

  AwarenessStates(long clientID, long nowMs) {
    this.clientID = clientID;
    this.renewedAtMs = nowMs;
    states.put(clientID, new AwarenessUpdate.Entry(clientID, 0, null, EMPTY_STATE));
  }

  byte[] local() {
    return AwarenessUpdate.encode(List.of(states.get(clientID)));
  }

  /** The renewed local state when it is due, else null. */
  byte[] renewIfDue(long nowMs) {
    if (nowMs - renewedAtMs < RENEW_MS) {
      return null;
    }
    renewedAtMs = nowMs;
    clock++;
    states.put(clientID, new AwarenessUpdate.Entry(clientID, clock, null, EMPTY_STATE));
    return local();
  }

  byte[] apply(byte[] update) {
    List<AwarenessUpdate.Entry> changed = new ArrayList<>(2);
    for (AwarenessUpdate.Entry e : AwarenessUpdate.decode(update)) {
      AwarenessUpdate.Entry known = states.get(e.clientID());
      boolean removal = "null".equals(e.json());
      boolean isNew = known == null
          ? !removal
          : known.clock() < e.clock() || (known.clock() == e.clock() && removal);
      if (!isNew || e.clientID() == clientID) {
        continue;
      }
      if (removal) {
        states.remove(e.clientID());
      } else {
        states.put(e.clientID(), e);
      }
      changed.add(e);
    }
    return changed.isEmpty() ? null : AwarenessUpdate.encode(changed);
  }

  byte[] all() {
    return AwarenessUpdate.encode(new ArrayList<>(states.values()));
  }
}
