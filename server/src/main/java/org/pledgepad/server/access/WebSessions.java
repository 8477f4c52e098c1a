package org.pledgepad.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cookie sessions. The cookie holds a random 256-bit id; the server keeps only its SHA-256, in
 * memory for the message path and in the web_sessions table so that a restart does not sign
 * everyone out. A stolen copy of the table therefore yields no usable cookie. A session ends
 * at its absolute expiry, after {@link #DEFAULT_IDLE} without use, at logout, when its account
 * is disabled, and (all other sessions of the account) at a password change.
 *
 * <p>The CSRF token is derived from the id (a different hash), so it needs no storage and
 * survives a restart without being derivable from the stored hash. Role and bodies are not
 * cached here: they are read from the current account on every use.
 *
 * <p>The table is the authority shared by all nodes on one database; memory is a cache of it.
 * Writes to the table are queued in order on the access database's thread. An id not in memory
 * is looked up in the table ({@link #load}, asynchronous, bounded by {@link SessionMisses}), so a
 * session created on another node works here too; {@link #revalidate} (every access re-check)
 * drops cached sessions whose row another node deleted (sign-out, password change, disabling)
 * and takes over last uses recorded there. Last-use times are written at most once per
 * {@link #TOUCH_PERSIST_EVERY} per session (by {@link #purgeExpired}), so after a crash a
 * session may end up to that much earlier than it would have.
 */
public final class WebSessions {
  private static final Logger LOG = LoggerFactory.getLogger(WebSessions.class);
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
  public static final Duration DEFAULT_IDLE = Duration.ofHours(2);
  static final Duration TOUCH_PERSIST_EVERY = Duration.ofMinutes(1);
  /** Bound on live sessions so that login floods cannot exhaust memory. */
  public static final int MAX_SESSIONS = 100_000;
  /**
   * Bound on live sessions per account, so that one or two accounts cannot fill the table: a
   * new session beyond it ends that account's oldest one, in this node's memory and in the table
   * shared by all nodes (sessions of other nodes end there at their next re-validation).
   */
  public static final int MAX_PER_ACCOUNT = 20;

  /** The session table is full: sign-in must be refused (503) until sessions end. */
  public static final class SessionsFullException extends IllegalStateException {
    SessionsFullException() {
      super("too many sessions");
    }
  }

  /** One signed-in browser. {@code csrfToken} must come back in X-CSRF-Token on writes. */
  public record WebSession(String id, String subject, String csrfToken, Instant expires) {
    @Override
    public String toString() {
      return "WebSession[subject=" + subject + ", expires=" + expires + "]";
    }
  }

  /** A live session under the hash of its id. */
  private static final class Entry {
    final String subject;
    final Instant created;
    final Instant expires;
    volatile Instant lastSeen;
    volatile Instant lastPersisted;
    /** Whether its row is known to be in the table (only those are re-validated against it). */
    volatile boolean stored;

    Entry(String subject, Instant created, Instant expires, Instant lastSeen) {
      this.subject = subject;
      this.created = created;
      this.expires = expires;
      this.lastSeen = lastSeen;
      this.lastPersisted = lastSeen;
    }
  }

  private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
  private final SecureRandom random;
  private final Clock clock;
  private final Duration lifetime;
  private final Duration idle;
  private final SqlSessionStore store;
  private final SessionMisses misses;
  /** Table look-ups under way, so that concurrent requests with one cookie share one read. */
  private final Map<String, CompletableFuture<Void>> loading = new ConcurrentHashMap<>();
  private volatile int maxSessions = MAX_SESSIONS;
  private volatile int maxPerAccount = MAX_PER_ACCOUNT;

  /**
   * Loads the live sessions from {@code store} (blocking: call from a worker).
   *
   * @param store null keeps sessions in memory only (tests of this class)
   */
  public WebSessions(SecureRandom random, Clock clock, Duration lifetime, Duration idle, SqlSessionStore store) {
    this.random = random;
    this.clock = clock;
    this.lifetime = lifetime;
    this.idle = idle;
    this.store = store;
    this.misses = new SessionMisses(clock);
    if (store != null) {
      for (SqlSessionStore.Row r : store.loadLive(clock.millis(), idle.toMillis())) {
        byHash.put(r.idHash(), entryOf(r));
      }
    }
  }

  private static Entry entryOf(SqlSessionStore.Row r) {
    Entry e = new Entry(r.subject(), Instant.ofEpochMilli(r.createdMs()),
        Instant.ofEpochMilli(r.expiresMs()), Instant.ofEpochMilli(r.lastSeenMs()));
    e.stored = true;
    return e;
  }

  /**
   * Makes the session with this cookie value known here if another node created it: completes
   * (never fails) once {@link #find} can answer. Never blocks. Ids already known, remembered as
   * missing, or beyond {@code client}'s look-up budget complete at once without a read.
   */
  public CompletableFuture<Void> load(String id, String client) {
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    if (store == null || id == null || id.length() != 43) {
      return done;
    }
    String hash = hash(id);
    if (byHash.containsKey(hash) || misses.knownMissing(hash)) {
      return done;
    }
    CompletableFuture<Void> running = loading.get(hash);
    if (running != null) {
      return running;
    }
    if (!misses.allowLookup(client == null ? "" : client)) {
      return done;
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    running = loading.putIfAbsent(hash, mine);
    if (running != null) {
      return running;
    }
    store.find(hash).whenComplete((row, err) -> {
      if (err != null) {
        LOG.warn("Could not look a session up in the database; treated as signed out for this request");
      } else if (row == null || !now().isBefore(Instant.ofEpochMilli(row.expiresMs()))
          || !now().isBefore(Instant.ofEpochMilli(row.lastSeenMs()).plus(idle))) {
        misses.remember(hash);
      } else if (!misses.knownMissing(hash) && byHash.size() < maxSessions) {
        // knownMissing: ended here while the read was under way (its delete was queued after it)
        byHash.putIfAbsent(hash, entryOf(row));
      }
      loading.remove(hash, mine);
      mine.complete(null);
    });
    return mine;
  }

  /**
   * Drops cached sessions whose row is gone (ended on another node) and takes over later last
   * uses recorded by other nodes. Blocking (a worker): one read per few hundred sessions.
   */
  public void revalidate() {
    if (store == null) {
      return;
    }
    java.util.List<String> hashes = new java.util.ArrayList<>();
    for (Map.Entry<String, Entry> en : byHash.entrySet()) {
      if (en.getValue().stored) {
        hashes.add(en.getKey());
      }
    }
    if (hashes.isEmpty()) {
      return;
    }
    Map<String, Long> lastSeen = store.lastSeen(hashes);
    for (String h : hashes) {
      Long seen = lastSeen.get(h);
      if (seen == null) {
        if (byHash.remove(h) != null) {
          misses.remember(h);
        }
        continue;
      }
      Entry e = byHash.get(h);
      Instant there = Instant.ofEpochMilli(seen);
      if (e != null && there.isAfter(e.lastSeen)) {
        e.lastSeen = there;
        e.lastPersisted = there;
      }
    }
  }

  /** Table look-ups of unknown ids so far (tests check that random cookies stay bounded). */
  long lookups() {
    return store == null ? 0 : store.lookups();
  }

  private Instant now() {
    return clock.instant();
  }

  /**
   * A new session, handed out once its row is written (so that it survives a restart from the
   * moment the browser has the cookie). A failed write still yields the session (memory only; logged).
   * Never throws: a full table fails the future with {@link SessionsFullException}.
   */
  public CompletableFuture<WebSession> createStored(String subject) {
    Created c;
    try {
      c = create(subject);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return c.stored().handle((v, err) -> c.session());
  }

  /** A session and the write of its row. */
  private record Created(WebSession session, CompletableFuture<Void> stored) {}

  private Created create(String subject) {
    endOldestBeyondCap(subject);
    if (byHash.size() >= maxSessions) {
      purgeExpired();
      if (byHash.size() >= maxSessions) {
        throw new SessionsFullException();
      }
    }
    String id = randomId();
    Instant now = clock.instant();
    Entry e = new Entry(subject, now, now.plus(lifetime), now);
    String hash = hash(id);
    byHash.put(hash, e);
    CompletableFuture<Void> stored = persist(store == null ? null : store.insert(new SqlSessionStore.Row(hash, subject,
        now.toEpochMilli(), now.toEpochMilli(), e.expires.toEpochMilli()), maxPerAccount).thenRun(() -> e.stored = true));
    return new Created(new WebSession(id, subject, csrfOf(id), e.expires), stored);
  }

  /**
   * Ends the oldest sessions of {@code subject} until one more fits under {@link #maxPerAccount}.
   * One pass over the sessions per sign-in (a hash-map walk; sign-in hashes a password anyway).
   */
  private void endOldestBeyondCap(String subject) {
    while (true) {
      int count = 0;
      String oldest = null;
      Instant oldestCreated = null;
      for (Map.Entry<String, Entry> en : byHash.entrySet()) {
        Entry e = en.getValue();
        if (e.subject.equals(subject)) {
          count++;
          if (oldestCreated == null || e.created.isBefore(oldestCreated)) {
            oldest = en.getKey();
            oldestCreated = e.created;
          }
        }
      }
      if (count < maxPerAccount || oldest == null) {
        return;
      }
      byHash.remove(oldest);
      misses.remember(oldest); // a look-up under way must not bring it back
      persist(store == null ? null : store.delete(oldest));
    }
  }

  /** The live session with this cookie value; marks it as used now. */
  public Optional<WebSession> find(String id) {
    if (id == null || id.length() != 43) {
      return Optional.empty();
    }
    String hash = hash(id);
    Entry e = byHash.get(hash);
    if (e == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(e.expires)) {
      remove(id);
      return Optional.empty();
    }
    if (ended(e, now)) {
      // Idle here, but another node may have used it since: drop only the cached copy. The
      // table's row ends by its own last use (purgeExpired), or a look-up brings it back.
      byHash.remove(hash, e);
      return Optional.empty();
    }
    if (now.isAfter(e.lastSeen)) {
      e.lastSeen = now;
    }
    return Optional.of(new WebSession(id, e.subject, csrfOf(id), e.expires));
  }

  /** Ends one session; the future completes when the table no longer holds it. */
  public CompletableFuture<Void> remove(String id) {
    if (id == null) {
      return CompletableFuture.completedFuture(null);
    }
    String hash = hash(id);
    byHash.remove(hash);
    misses.remember(hash);
    return persist(store == null ? null : store.delete(hash));
  }

  /** Ends every session of a user (account disabled). */
  public void removeSubject(String subject) {
    removeSubjectExcept(subject, null);
  }

  /** Ends every session of a user but the one with cookie value {@code keepId} (password change). */
  public CompletableFuture<Void> removeSubjectExcept(String subject, String keepId) {
    String keep = keepId == null ? null : hash(keepId);
    boolean any = byHash.entrySet().removeIf(en -> {
      boolean ends = en.getValue().subject.equals(subject) && !en.getKey().equals(keep);
      if (ends) {
        misses.remember(en.getKey()); // a look-up under way must not bring it back
      }
      return ends;
    });
    return any ? persist(store == null ? null : store.deleteSubject(subject, keep)) : CompletableFuture.completedFuture(null);
  }

  /** Subjects with at least one live session (for revoking those of disabled accounts). */
  public java.util.Set<String> subjects() {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Entry e : byHash.values()) {
      out.add(e.subject);
    }
    return out;
  }

  /** Drops ended sessions and writes recent last-use times; cheap enough for every re-check. */
  public void purgeExpired() {
    Instant now = clock.instant();
    boolean removed = byHash.values().removeIf(e -> ended(e, now));
    Map<String, Long> touched = new HashMap<>();
    for (Map.Entry<String, Entry> en : byHash.entrySet()) {
      Entry e = en.getValue();
      if (!e.lastSeen.isBefore(e.lastPersisted.plus(TOUCH_PERSIST_EVERY))) {
        e.lastPersisted = e.lastSeen;
        touched.put(en.getKey(), e.lastSeen.toEpochMilli());
      }
    }
    if (store != null) {
      // Last uses first, so that the delete judges recently used sessions by their real last use.
      persist(store.touch(touched));
      if (removed) {
        persist(store.deleteEnded(now.toEpochMilli(), idle.toMillis()));
      }
    }
  }

  /** Overrides {@link #MAX_SESSIONS} and {@link #MAX_PER_ACCOUNT} (tests use small values). */
  void limits(int total, int perAccount) {
    if (total < 1 || perAccount < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxSessions = total;
    this.maxPerAccount = perAccount;
  }

  public int size() {
    return byHash.size();
  }

  private boolean ended(Entry e, Instant now) {
    return !now.isBefore(e.expires) || !now.isBefore(e.lastSeen.plus(idle));
  }

  private static CompletableFuture<Void> persist(CompletableFuture<Void> write) {
    if (write == null) {
      return CompletableFuture.completedFuture(null);
    }
    return write.whenComplete((v, err) -> {
      if (err != null) {
        LOG.warn("Could not write a session change to the database; it holds until restart only", err);
      }
    });
  }

  private String randomId() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** What the table stores instead of the cookie value. */
  static String hash(String id) {
    return digest("", id);
  }

  private static String csrfOf(String id) {
    return digest("pledgepad-csrf\u0000", id);
  }

  private static String digest(String domain, String id) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(domain.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }
}
