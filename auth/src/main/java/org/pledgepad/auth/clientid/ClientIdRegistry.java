package org.pledgepad.auth.clientid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who owns which Yjs clientID in one document, so that every struct in the history is
 * attributable to the user whose connection created it.
 *
 * <p>Yjs semantics this relies on: a Y.Doc picks a random clientID and numbers its own structs
 * 0, 1, 2, ... without gaps; structs of another client reach it only from the server. A struct
 * whose clock is beyond the receiver's next clock for that client cannot be integrated and
 * becomes "pending" until the missing range arrives.
 *
 * <p>Rules (see auth/README.md, "clientID ownership"):
 * <ol>
 *   <li>Ranges entirely below the document's next clock are duplicates that Yjs ignores; they
 *       are accepted whoever owns the client (a reconnecting client's sync step 2 may repeat
 *       others' structs it already got from us).</li>
 *   <li>New structs under a clientID owned by another user are rejected.</li>
 *   <li>New structs under an unowned clientID that already has structs in the document (seed or
 *       import) are rejected: nobody may continue an unattributed client.</li>
 *   <li>New structs must start exactly at the next clock: a gap is rejected rather than kept as
 *       pending structs. An honest client never produces one for its own clientID (it created
 *       every earlier clock and sent it to us); a gap means a lost or rejected earlier update,
 *       and the server answers by sending its sync step 1 so that the client's step 2 carries
 *       the missing range contiguously. Accepting gaps would let a client park structs that the
 *       server must hold in memory forever and would make history replay order-dependent.</li>
 *   <li>The first accepted update (or awareness entry) under a new clientID binds it to the
 *       connection's user, at admission time, before the store commit: if the commit fails the
 *       binding still names the user who created that clientID, which is true.</li>
 * </ol>
 *
 * <p>Awareness entries also claim clientIDs ("presence claims"), because the awareness protocol
 * publishes clientIDs before the first edit; without this an attacker who saw a clientID in
 * awareness could claim it first and lock its creator out. Presence claims are kept in a bounded
 * LRU map and become ownership with the first update.
 *
 * <p>Not thread-safe: confined to the document session, which processes frames in order on one
 * Vert.x context.
 */
public final class ClientIdRegistry {
  /** Default cap on clientIDs owned in one document (each costs one map entry). */
  public static final int DEFAULT_MAX_OWNED = 200_000;
  /** Default cap on awareness-only claims; the least recently used is forgotten first. */
  public static final int DEFAULT_MAX_PRESENCE = 10_000;
  /** Default number of new clientIDs one connection may bind (a tab normally needs one). */
  public static final int DEFAULT_MAX_NEW_PER_CONNECTION = 8;

  private final int maxOwned;
  private final int maxNewPerConnection;
  /** clientID -> subject; permanent, rebuilt from the update log when the document loads. */
  private final Map<Long, String> owned = new HashMap<>();
  /** clientID -> subject for clientIDs seen only in awareness so far. */
  private final Map<Long, String> presence;

  /** One connection's view: its user and its remaining allowance of new clientIDs. */
  public static final class Connection {
    private final String subject;
    private int newBindings;

    private Connection(String subject) {
      this.subject = subject;
    }

    public String subject() {
      return subject;
    }
  }

  public ClientIdRegistry() {
    this(DEFAULT_MAX_OWNED, DEFAULT_MAX_PRESENCE, DEFAULT_MAX_NEW_PER_CONNECTION);
  }

  public ClientIdRegistry(int maxOwned, int maxPresence, int maxNewPerConnection) {
    if (maxOwned < 1 || maxPresence < 1 || maxNewPerConnection < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxOwned = maxOwned;
    this.maxNewPerConnection = maxNewPerConnection;
    this.presence = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
        return size() > maxPresence;
      }
    };
  }

  /** Registers a connection of {@code subject} (the principal's subject). */
  public Connection connect(String subject) {
    Objects.requireNonNull(subject, "subject");
    return new Connection(subject);
  }

  /**
   * Rebuilds ownership while loading the update log (the log stores the actor of every update).
   * Returns false, and keeps the earlier owner, if the log attributes a clientID to two users;
   * the server should log that as an integrity warning.
   */
  public boolean restoreOwner(long clientId, String subject) {
    Objects.requireNonNull(subject, "subject");
    String previous = owned.putIfAbsent(clientId, subject);
    return previous == null || previous.equals(subject);
  }

  /** The owner of a clientID, if it has structs in the document. */
  public Optional<String> owner(long clientId) {
    return Optional.ofNullable(owned.get(clientId));
  }

  /** Whether a clientID has an owner: {@link #owner} without the Optional, for every update. */
  public boolean isOwned(long clientId) {
    return owned.containsKey(clientId);
  }

  public int ownedCount() {
    return owned.size();
  }

  /**
   * Decides whether an update from {@code connection} may be applied and, if so, binds the new
   * clientIDs it introduces to the connection's user. Nothing is bound when rejected.
   *
   * @param ranges struct runs decoded from the update (see {@link ClockRange})
   * @param clocks the live document's next clock per clientID (see {@link StoreClocks})
   */
  public Verdict admitUpdate(Connection connection, List<ClockRange> ranges, StoreClocks clocks) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(clocks, "clocks");
    if (ranges.isEmpty()) {
      return new Verdict(Verdict.Reason.EMPTY, -1);
    }
    if (oneClient(ranges)) {
      // The common case (an edit of one tab): no per-client grouping, no boxed clientIDs.
      long client = ranges.get(0).clientId();
      List<ClockRange> runs = ranges.size() == 1 || byFirstClock(ranges) ? ranges : sortedByFirstClock(ranges);
      long next = nextClock(client, clocks);
      Verdict rejected = judge(connection, client, runs, next);
      if (rejected != null) {
        return rejected;
      }
      return bind(connection, needsBinding(client, runs, next) ? List.of(client) : List.of());
    }
    Map<Long, List<ClockRange>> byClient = new LinkedHashMap<>();
    for (ClockRange r : ranges) {
      byClient.computeIfAbsent(r.clientId(), k -> new ArrayList<>()).add(r);
    }
    List<Long> toBind = new ArrayList<>();
    for (Map.Entry<Long, List<ClockRange>> e : byClient.entrySet()) {
      long client = e.getKey();
      List<ClockRange> runs = sortedByFirstClock(e.getValue());
      long next = nextClock(client, clocks);
      Verdict rejected = judge(connection, client, runs, next);
      if (rejected != null) {
        return rejected;
      }
      if (needsBinding(client, runs, next)) {
        toBind.add(client);
      }
    }
    return bind(connection, toBind);
  }

  /**
   * Why the runs of {@code client} (sorted by first clock) may not be applied, or null if they
   * may: gaps, then ownership of whatever they add beyond the document's next clock {@code next}.
   */
  private Verdict judge(Connection connection, long client, List<ClockRange> runs, long next) {
    if (!addsStructs(runs, next)) {
      return null;
    }
    long cursor = next;
    for (int i = 0; i < runs.size(); i++) {
      ClockRange r = runs.get(i);
      if (r.lastClock() < cursor) {
        continue; // already known: Yjs skips it
      }
      if (r.firstClock() > cursor) {
        return new Verdict(Verdict.Reason.CLOCK_GAP, client);
      }
      cursor = r.lastClock() + 1;
    }
    String owner = owned.get(client);
    if (owner == null) {
      owner = presence.get(client);
      if (owner == null && next > 0) {
        return new Verdict(Verdict.Reason.UNATTRIBUTED_CLIENT, client);
      }
    }
    if (owner != null && !owner.equals(connection.subject)) {
      return new Verdict(Verdict.Reason.OWNED_BY_OTHER_USER, client);
    }
    return null;
  }

  /** Whether admitted runs of {@code client} make it a new binding of the connection's user. */
  private boolean needsBinding(long client, List<ClockRange> runs, long next) {
    return addsStructs(runs, next) && !owned.containsKey(client);
  }

  /** Whether any run reaches the next clock or beyond (the rest are duplicates Yjs ignores). */
  private static boolean addsStructs(List<ClockRange> runs, long next) {
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).lastClock() >= next) {
        return true;
      }
    }
    return false;
  }

  private static long nextClock(long client, StoreClocks clocks) {
    long next = clocks.nextClock(client);
    if (next < 0) {
      throw new IllegalArgumentException("negative clock from StoreClocks");
    }
    return next;
  }

  private static boolean oneClient(List<ClockRange> ranges) {
    long client = ranges.get(0).clientId();
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i).clientId() != client) {
        return false;
      }
    }
    return true;
  }

  private static boolean byFirstClock(List<ClockRange> runs) {
    for (int i = 1; i < runs.size(); i++) {
      if (runs.get(i).firstClock() < runs.get(i - 1).firstClock()) {
        return false;
      }
    }
    return true;
  }

  private static List<ClockRange> sortedByFirstClock(List<ClockRange> runs) {
    List<ClockRange> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingLong(ClockRange::firstClock));
    return sorted;
  }

  /** Checks the limits for the new clientIDs of an admitted update and binds them. */
  private Verdict bind(Connection connection, List<Long> toBind) {
    if (toBind.isEmpty()) {
      // Nothing new to own: the caps do not apply. A log restored with more owners than the
      // cap (a lowered setting) must still let its owners edit.
      return Verdict.ACCEPT;
    }
    // Presence claims of this user were already counted against the connection when made.
    int fresh = 0;
    for (int i = 0; i < toBind.size(); i++) {
      if (!presence.containsKey(toBind.get(i))) {
        fresh++;
      }
    }
    if (connection.newBindings + fresh > maxNewPerConnection) {
      return new Verdict(Verdict.Reason.TOO_MANY_CLIENT_IDS, toBind.get(0));
    }
    if (owned.size() + toBind.size() > maxOwned) {
      return new Verdict(Verdict.Reason.REGISTRY_FULL, toBind.get(0));
    }
    connection.newBindings += fresh;
    for (int i = 0; i < toBind.size(); i++) {
      presence.remove(toBind.get(i));
      owned.put(toBind.get(i), connection.subject);
    }
    return Verdict.ACCEPT;
  }

  /**
   * Decides whether {@code connection} may publish an awareness entry for {@code clientId}.
   * Awareness messages from y-websocket clients also repeat other clients' entries (removals on
   * timeout), so the server should drop the entries this returns false for, not the message.
   * An unowned clientID without structs is claimed for the connection's user.
   */
  public boolean admitAwareness(Connection connection, long clientId, StoreClocks clocks) {
    Objects.requireNonNull(connection, "connection");
    if (clientId < 0 || clientId > ClockRange.MAX_SAFE) {
      return false;
    }
    String owner = owned.get(clientId);
    if (owner != null) {
      return owner.equals(connection.subject);
    }
    String claimed = presence.get(clientId);
    if (claimed != null) {
      return claimed.equals(connection.subject);
    }
    if (clocks.nextClock(clientId) > 0) {
      return false; // unattributed structs exist: nobody may speak for this client
    }
    if (connection.newBindings >= maxNewPerConnection) {
      return false;
    }
    connection.newBindings++;
    presence.put(clientId, connection.subject);
    return true;
  }
}
