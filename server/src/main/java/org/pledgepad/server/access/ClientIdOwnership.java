package org.pledgepad.server.access;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.pledgepad.auth.clientid.ClientIdRegistry;
import org.pledgepad.auth.clientid.ClockRange;
import org.pledgepad.auth.clientid.StoreClocks;
import org.pledgepad.auth.clientid.Verdict;
import org.pledgepad.server.doc.ReceivedUpdate;
import org.pledgepad.server.session.Peer;
import org.pledgepad.server.session.UpdateAdmission;
import org.pledgepad.server.wire.MalformedFrameException;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.WireWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth library's {@link ClientIdRegistry} for one open document: reads the struct runs of
 * each update from its decoding on arrival (logged updates: decoded here), admits or refuses it,
 * persists new bindings and filters awareness entries. Used on the document session's context
 * only.
 */
final class ClientIdOwnership implements UpdateAdmission {
  private static final Logger LOG = LoggerFactory.getLogger(ClientIdOwnership.class);

  private final String document;
  private final ClientIdBindingStore bindings;
  private final io.vertx.core.Vertx vertx;
  private final ClientIdRegistry registry = new ClientIdRegistry();
  private final Map<Peer, ClientIdRegistry.Connection> connections = new HashMap<>();
  /** Next clock per clientID including admitted updates not yet applied (still committing). */
  private final NextClocks admitted = new NextClocks();

  ClientIdOwnership(io.vertx.core.Vertx vertx, String document, ClientIdBindingStore bindings) {
    this.vertx = vertx;
    this.document = document;
    this.bindings = bindings;
  }

  @Override
  public Future<Void> load() {
    return vertx.executeBlocking(() -> bindings.load(document), false).map(owners -> {
      owners.forEach(registry::restoreOwner);
      return null;
    });
  }

  @Override
  public void restoreLogged(String actor, byte[] update) {
    try {
      for (ClockRange r : StructRuns.of(update)) {
        if (!registry.restoreOwner(r.clientId(), actor)) {
          LOG.warn("Document {}: the log attributes clientID {} to two users; the first is kept", document, r.clientId());
        }
      }
    } catch (RuntimeException e) {
      // An undecodable logged update was already reported by the session.
    }
  }

  @Override
  public Result admitUpdate(Peer peer, ReceivedUpdate update, LongUnaryOperator documentClocks) {
    List<ClockRange> ranges = StructRuns.of(update.structs());
    if (addsToAnotherUsersClient(peer, ranges, documentClocks)) {
      return Result.REFUSE;
    }
    StoreClocks clocks = clocks(documentClocks);
    // Bindings to persist are those of clients unowned before; usually every client is owned.
    Map<Long, Boolean> ownedBefore = allOwned(ranges) ? null : new HashMap<>();
    if (ownedBefore != null) {
      for (ClockRange r : ranges) {
        ownedBefore.put(r.clientId(), registry.isOwned(r.clientId()));
      }
    }
    Verdict v = registry.admitUpdate(connection(peer), ranges, clocks);
    if (!v.accepted()) {
      return v.reason() == Verdict.Reason.CLOCK_GAP ? Result.RESYNC : Result.REFUSE;
    }
    raiseAdmitted(ranges);
    for (int i = 0; i < ranges.size(); i++) {
      ClockRange r = ranges.get(i);
      if (ownedBefore != null && !ownedBefore.get(r.clientId()) && registry.isOwned(r.clientId())) {
        String actor = registry.owner(r.clientId()).get();
        long id = r.clientId();
        vertx.executeBlocking(() -> {
          bindings.bind(document, id, actor);
          return null;
        }, false).onFailure(e -> LOG.warn("Document {}: clientID binding not persisted", document, e));
      }
    }
    return Result.ACCEPT;
  }

  private void raiseAdmitted(List<ClockRange> ranges) {
    for (int i = 0; i < ranges.size(); i++) {
      ClockRange r = ranges.get(i);
      admitted.raise(r.clientId(), r.lastClock() + 1);
    }
  }

  /**
   * Rebuilt from what still waits rather than lowered by what was dropped: the document's clocks
   * cover every committed update, so the waiting ones are all that {@link #admitted} must add
   * (a client whose later update still waits keeps the clock that update reaches).
   */
  @Override
  public void commitFailed(List<ReceivedUpdate> stillWaiting) {
    admitted.clear();
    for (ReceivedUpdate u : stillWaiting) {
      raiseAdmitted(StructRuns.of(u.structs()));
    }
  }

  /**
   * Whether the update adds structs the document does not hold yet under a clientID another user
   * owns. Asked against the document's clocks, not {@link #admitted}: the registry takes what
   * lies below the clocks it is given as duplicates, whoever sends them, and structs admitted
   * but still committing are no duplicates yet. Forged structs there were logged behind the
   * owner's; if the owner's commit failed (its update dropped), they became the owner's text.
   */
  private boolean addsToAnotherUsersClient(Peer peer, List<ClockRange> ranges, LongUnaryOperator documentClocks) {
    for (int i = 0; i < ranges.size(); i++) {
      ClockRange r = ranges.get(i);
      if (registry.isOwned(r.clientId()) && r.lastClock() >= documentClocks.applyAsLong(r.clientId())
          && !registry.owner(r.clientId()).get().equals(peer.actor())) {
        return true;
      }
    }
    return false;
  }

  private boolean allOwned(List<ClockRange> ranges) {
    for (int i = 0; i < ranges.size(); i++) {
      if (!registry.isOwned(ranges.get(i).clientId())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public byte[] filterAwareness(Peer peer, byte[] awarenessUpdate, LongUnaryOperator documentClocks) {
    StoreClocks clocks = clocks(documentClocks);
    WireReader r = new WireReader(awarenessUpdate);
    long n = r.readVarUint();
    if (n > awarenessUpdate.length) {
      throw new MalformedFrameException("awareness entry count exceeds the message");
    }
    WireWriter out = new WireWriter(awarenessUpdate.length);
    List<byte[]> kept = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      long clientId = r.readVarUint();
      long clock = r.readVarUint();
      String state = r.readVarString();
      if (clientId <= ClockRange.MAX_SAFE && registry.admitAwareness(connection(peer), clientId, clocks)) {
        kept.add(new WireWriter().writeVarUint(clientId).writeVarUint(clock).writeVarString(state).toByteArray());
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    if (kept.size() == n) {
      return awarenessUpdate;
    }
    out.writeVarUint(kept.size());
    kept.forEach(out::writeRaw);
    return out.toByteArray();
  }

  @Override
  public void leave(Peer peer) {
    connections.remove(peer);
  }

  private ClientIdRegistry.Connection connection(Peer peer) {
    return connections.computeIfAbsent(peer, p -> registry.connect(p.actor()));
  }

  private StoreClocks clocks(LongUnaryOperator documentClocks) {
    return clientId -> Math.max(documentClocks.applyAsLong(clientId), admitted.get(clientId));
  }
}
