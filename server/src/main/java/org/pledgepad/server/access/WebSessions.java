package org.pledgepad.server.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cookie sessions, kept server-side in memory: the cookie is a random id that means nothing
 * without this map, so logout (and disabling an account) really ends the session. A restart
 * signs everyone out, which is acceptable for a collaboration tool and avoids storing bearer
 * secrets in the database. The user's role and bodies are not cached here: they are read from
 * the current account on every use.
 */
public final class WebSessions {
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
  /** Bound on live sessions so that login floods cannot exhaust memory. */
  public static final int MAX_SESSIONS = 100_000;

  /** One signed-in browser. {@code csrfToken} must come back in X-CSRF-Token on writes. */
  public record WebSession(String id, String subject, String csrfToken, Instant expires) {
    @Override
    public String toString() {
      return "WebSession[subject=" + subject + ", expires=" + expires + "]";
    }
  }

  private final Map<String, WebSession> byId = new ConcurrentHashMap<>();
  private final SecureRandom random;
  private final Clock clock;
  private final Duration lifetime;

  public WebSessions(SecureRandom random, Clock clock, Duration lifetime) {
    this.random = random;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public WebSession create(String subject) {
    if (byId.size() >= MAX_SESSIONS) {
      purgeExpired();
      if (byId.size() >= MAX_SESSIONS) {
        throw new IllegalStateException("too many sessions");
      }
    }
    WebSession s = new WebSession(randomId(), subject, randomId(), clock.instant().plus(lifetime));
    byId.put(s.id(), s);
    return s;
  }

  public Optional<WebSession> find(String id) {
    if (id == null || id.length() != 43) {
      return Optional.empty();
    }
    WebSession s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(s.expires())) {
      byId.remove(id);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  public void remove(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** Ends every session of a user (account disabled). */
  public void removeSubject(String subject) {
    byId.values().removeIf(s -> s.subject().equals(subject));
  }

  public void purgeExpired() {
    Instant now = clock.instant();
    byId.values().removeIf(s -> !now.isBefore(s.expires()));
  }

  public int size() {
    return byId.size();
  }

  private String randomId() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
