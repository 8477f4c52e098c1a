package org.pledgepad.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization requests sent to the provider and not yet answered, by their {@code state}.
 * Each holds the nonce and PKCE verifier of that request and the hash of a random value set as
 * a cookie in the browser that started it: the callback must come from the same browser (login
 * CSRF / session swapping), within {@link #LIFETIME}, and a state is consumed on first use
 * whatever the outcome. Bounded, oldest first out, in memory: a restart in the middle of a
 * sign-in only means signing in again. Starting needs no credential, so each client (address,
 * IPv6 /64) holds at most {@link #MAX_PER_CLIENT}: one client's flood of starts pushes out its
 * own oldest, not the sign-ins other people are in the middle of.
 */
final class OidcPendingLogins {
  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final int MAX_PENDING = 10_000;
  /** Sign-ins one client may have started and not finished (tabs, retries, a shared office NAT). */
  static final int MAX_PER_CLIENT = 20;

  /** What the callback needs; {@code browserHash} is the SHA-256 of the binding cookie. */
  record Pending(String nonce, String codeVerifier, String browserHash, String returnTo, Instant created,
      String client) {}

  /** A new request: the values for the redirect and the cookie value for the browser. */
  record Started(String state, String nonce, String codeChallenge, String browserCookie) {}

  private final Map<String, Pending> byState = new LinkedHashMap<>();
  private final SecureRandom random;
  private final Clock clock;

  OidcPendingLogins(SecureRandom random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  synchronized Started start(String returnTo, String client) {
    purge();
    dropOldestBeyond(client);
    while (byState.size() >= MAX_PENDING) {
      Iterator<String> oldest = byState.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    String state = randomValue();
    String nonce = randomValue();
    String verifier = randomValue();
    String cookie = randomValue();
    byState.put(state, new Pending(nonce, verifier, sha256(cookie), returnTo, clock.instant(), client));
    return new Started(state, nonce, sha256(verifier), cookie);
  }

  /**
   * Takes the request named by {@code state} (it is gone afterwards) if it is fresh and was
   * started by the browser presenting {@code browserCookie}.
   */
  synchronized Optional<Pending> take(String state, String browserCookie) {
    if (state == null || state.length() != 43) {
      return Optional.empty();
    }
    Pending p = byState.remove(state);
    if (p == null || browserCookie == null || !clock.instant().isBefore(p.created().plus(LIFETIME))) {
      return Optional.empty();
    }
    boolean sameBrowser = MessageDigest.isEqual(p.browserHash().getBytes(StandardCharsets.US_ASCII),
        sha256(browserCookie).getBytes(StandardCharsets.US_ASCII));
    return sameBrowser ? Optional.of(p) : Optional.empty();
  }

  synchronized int size() {
    return byState.size();
  }

  /** Makes room for one more of {@code client}'s requests by dropping its oldest ones. */
  private void dropOldestBeyond(String client) {
    int mine = 0;
    for (Pending p : byState.values()) {
      if (p.client().equals(client)) {
        mine++;
      }
    }
    Iterator<Pending> it = byState.values().iterator(); // insertion order: oldest first
    while (mine >= MAX_PER_CLIENT && it.hasNext()) {
      if (it.next().client().equals(client)) {
        it.remove();
        mine--;
      }
    }
  }

  private void purge() {
    Instant limit = clock.instant().minus(LIFETIME);
    byState.values().removeIf(p -> !p.created().isAfter(limit));
  }

  private String randomValue() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** base64url(SHA-256(ASCII)), also the PKCE S256 code challenge (RFC 7636, 4.2). */
  static String sha256(String value) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
