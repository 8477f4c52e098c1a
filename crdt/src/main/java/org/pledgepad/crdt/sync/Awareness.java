package org.pledgepad.crdt.sync;

// Follows y-protocols/awareness.js (y-protocols 1.0.7): class Awareness,
// removeAwarenessStates, encodeAwarenessUpdate, applyAwarenessUpdate.

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.Equality;

/**
 * Bookkeeping of awareness states (cursors, user names) per client id, with the clock rules of
 * y-protocols: an entry is accepted only with a newer clock (or the same clock and a removal);
 * a remote "you are gone" for the local client is answered by bumping the local clock. The
 * reference drives expiry with a timer and reads the wall clock; here every time-dependent
 * method takes {@code now} (milliseconds) so that sessions decide when to check and tests are
 * deterministic. Not thread-safe: one document session owns it.
 */
public final class Awareness {
  /** A remote state not renewed for this long (ms) is removed; the local one is renewed at half of it. */
  public static final long OUTDATED_TIMEOUT = 30000;

  /** Clock of the last accepted entry and when (ms) it arrived. */
  public record Meta(long clock, long lastUpdated) {}

  public final long clientID;
  /** Client id → parsed JSON state, in insertion order as JavaScript's Map. */
  public final Map<Long, Object> states = new LinkedHashMap<>();
  public final Map<Long, Meta> meta = new LinkedHashMap<>();
  private int maxStateBytes = AwarenessUpdate.DEFAULT_MAX_STATE_BYTES;

  /** As the reference constructor, starts with an empty local state ({}). */
  public Awareness(long clientID, long now) {
    this.clientID = clientID;
    setLocalState(new LinkedHashMap<String, Object>(), now);
  }

  public Awareness withMaxStateBytes(int cap) {
    this.maxStateBytes = cap;
    return this;
  }

  public Object getLocalState() {
    return states.get(clientID);
  }

  public Map<Long, Object> getStates() {
    return states;
  }

  /** Sets (or with null removes) the local state and advances the local clock. */
  public AwarenessChanges setLocalState(Object state, long now) {
    Meta currLocalMeta = meta.get(clientID);
    long clock = currLocalMeta == null ? 0 : currLocalMeta.clock() + 1;
    Object prevState = states.get(clientID);
    if (state == null) {
      states.remove(clientID);
    } else {
      states.put(clientID, state);
    }
    meta.put(clientID, new Meta(clock, now));
    List<Long> added = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> changed = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    if (state == null) {
      removed.add(clientID);
    } else if (prevState == null) {
      added.add(clientID);
    } else {
      updated.add(clientID);
      if (!Equality.equalityDeep(prevState, state)) {
        changed.add(clientID);
      }
    }
    return new AwarenessChanges(added, updated, changed, removed);
  }

  /** Copy of the local state (which must be an object) with one field replaced; no-op without state. */
  @SuppressWarnings("unchecked")
  public AwarenessChanges setLocalStateField(String field, Object value, long now) {
    Object state = getLocalState();
    if (!(state instanceof Map)) {
      return new AwarenessChanges(List.of(), List.of(), List.of(), List.of());
    }
    Map<String, Object> next = new LinkedHashMap<>((Map<String, Object>) state);
    next.put(field, value);
    return setLocalState(next, now);
  }

  /** removeAwarenessStates: drops the given clients' states (bumping the clock for the local one). */
  public AwarenessChanges removeAwarenessStates(Collection<Long> clients, long now) {
    List<Long> removed = new ArrayList<>();
    for (Long id : clients) {
      if (states.containsKey(id)) {
        states.remove(id);
        if (id == clientID) {
          Meta cur = meta.get(id);
          meta.put(id, new Meta(cur.clock() + 1, now));
        }
        removed.add(id);
      }
    }
    return new AwarenessChanges(List.of(), List.of(), List.of(), removed);
  }

  /** encodeAwarenessUpdate(awareness, clients): the current entries of known clients. */
  public byte[] encodeAwarenessUpdate(Collection<Long> clients) {
    return encodeAwarenessUpdate(clients, states);
  }

  public byte[] encodeAwarenessUpdate(Collection<Long> clients, Map<Long, Object> states) {
    List<AwarenessUpdate.Entry> entries = new ArrayList<>(clients.size());
    for (Long id : clients) {
      Meta m = meta.get(id);
      if (m == null) {
        // The reference would throw reading .clock of undefined.
        throw new IllegalArgumentException("unknown awareness client " + id);
      }
      entries.add(new AwarenessUpdate.Entry(id, m.clock(), states.get(id)));
    }
    return AwarenessUpdate.encode(entries);
  }

  /**
   * applyAwarenessUpdate. The whole update is decoded and validated first (DecodingException
   * leaves this object unchanged), then applied entry by entry with the reference's rules.
   */
  public AwarenessChanges applyAwarenessUpdate(byte[] update, long now) {
    return apply(AwarenessUpdate.decode(update, maxStateBytes), now);
  }

  public AwarenessChanges apply(List<AwarenessUpdate.Entry> entries, long now) {
    List<Long> added = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> changed = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    for (AwarenessUpdate.Entry e : entries) {
      long id = e.clientID();
      long clock = e.clock();
      Object state = e.state();
      Meta clientMeta = meta.get(id);
      Object prevState = states.get(id);
      long currClock = clientMeta == null ? 0 : clientMeta.clock();
      if (currClock < clock || (currClock == clock && state == null && states.containsKey(id))) {
        if (state == null) {
          if (id == clientID && getLocalState() != null) {
            // Never let a remote peer remove the local state: announce it is still alive.
            clock++;
          } else {
            states.remove(id);
          }
        } else {
          states.put(id, state);
        }
        meta.put(id, new Meta(clock, now));
        if (clientMeta == null && state != null) {
          added.add(id);
        } else if (clientMeta != null && state == null) {
          removed.add(id);
        } else if (state != null) {
          if (!Equality.equalityDeep(state, prevState)) {
            changed.add(id);
          }
          updated.add(id);
        }
      }
    }
    return new AwarenessChanges(added, updated, changed, removed);
  }

  /**
   * What the reference's interval timer does at {@code now}: renews the local state when half
   * the timeout has passed, and removes remote states older than the timeout. Returns the
   * removals; {@code renewedLocal()} tells the caller to broadcast the local state.
   */
  public OutdatedCheck checkOutdated(long now) {
    boolean renewed = false;
    Object local = getLocalState();
    Meta localMeta = meta.get(clientID);
    if (local != null && localMeta != null && OUTDATED_TIMEOUT / 2 <= now - localMeta.lastUpdated()) {
      setLocalState(local, now);
      renewed = true;
    }
    List<Long> remove = new ArrayList<>();
    for (Map.Entry<Long, Meta> e : meta.entrySet()) {
      long id = e.getKey();
      if (id != clientID && OUTDATED_TIMEOUT <= now - e.getValue().lastUpdated() && states.containsKey(id)) {
        remove.add(id);
      }
    }
    AwarenessChanges removed = remove.isEmpty()
        ? new AwarenessChanges(List.of(), List.of(), List.of(), List.of())
        : removeAwarenessStates(remove, now);
    return new OutdatedCheck(renewed, removed);
  }

  /** Result of {@link #checkOutdated}. */
  public record OutdatedCheck(boolean renewedLocal, AwarenessChanges removed) {}

  /** As destroy(): removes the local state. */
  public AwarenessChanges destroy(long now) {
    return setLocalState(null, now);
  }
}
