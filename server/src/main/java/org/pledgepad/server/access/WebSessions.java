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
 * <p>Memory is the authority while the server runs; writes to the table are queued in order on
 * the access database's thread. Last-use times are written at most once per
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
    if (store != null) {
      for (SqlSessionStore.Row r : store.loadLive(clock.millis(), idle.toMillis())) {
        byHash.put(r.idHash(), new Entry(r.subject(), Instant.ofEpochMilli(r.createdMs()),
            Instant.ofEpochMilli(r.expiresMs()), Instant.ofEpochMilli(r.lastSeenMs())));
      }
    }
  }

  /**
   * A new session, handed out once its row is written (so that it survives a restart from the
   * moment the browser has the cookie). A failed write still yields the session (memory only; logged).
   */
  public CompletableFuture<WebSession> createStored(String subject) {
    Created c = create(subject);
    return c.stored().handle((v, err) -> c.session());
  }

  /** A session and the write of its row. */
  private record Created(WebSession session, CompletableFuture<Void> stored) {}

  private Created create(String subject) {
    if (byHash.size() >= MAX_SESSIONS) {
      purgeExpired();
      if (byHash.size() >= MAX_SESSIONS) {
        throw new IllegalStateException("too many sessions");
      }
    }
    String id = randomId();
    Instant now = clock.instant();
    Entry e = new Entry(subject, now, now.plus(lifetime), now);
    String hash = hash(id);
    byHash.put(hash, e);
    CompletableFuture<Void> stored = persist(store == null ? null : store.insert(new SqlSessionStore.Row(hash, subject,
        now.toEpochMilli(), now.toEpochMilli(), e.expires.toEpochMilli())));
    return new Created(new WebSession(id, subject, csrfOf(id), e.expires), stored);
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
    if (ended(e, now)) {
      remove(id);
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
    return persist(store == null ? null : store.delete(hash));
  }

  /** Ends every session of a user (account disabled). */
  public void removeSubject(String subject) {
    removeSubjectExcept(subject, null);
  }

  /** Ends every session of a user but the one with cookie value {@code keepId} (password change). */
  public CompletableFuture<Void> removeSubjectExcept(String subject, String keepId) {
    String keep = keepId == null ? null : hash(keepId);
    boolean any = byHash.entrySet().removeIf(en -> en.getValue().subject.equals(subject) && !en.getKey().equals(keep));
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
      if (removed) {
        persist(store.deleteEnded(now.toEpochMilli(), idle.toMillis()));
      }
      persist(store.touch(touched));
    }
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
