package org.pledgepad.auth.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password guessing, per account and per remote address, with exponential back-off:
 * after {@code freeFailures} failures each further failure doubles the wait, up to
 * {@code maxDelay}. A success clears the account's counter but not the address's (otherwise an
 * attacker could reset their address by logging into their own account between guesses).
 * Counters are forgotten {@code forgetAfter} after the last failure.
 *
 * <p>In memory and bounded: each map keeps at most {@code maxEntries} keys and drops the least
 * recently used. Existing accounts, names that are no account, and addresses live in separate
 * maps, so that neither spraying addresses nor guessing at random names (each failure adds a
 * key) can evict the counter of an account that exists: that map holds only real accounts, of
 * which there are far fewer than {@code maxEntries} with recent failures. Unknown names are
 * throttled exactly like accounts, so the answers do not tell whether an account exists. The
 * address is the caller's business (the server passes an IPv6 client as its /64). A single
 * server instance is assumed (several instances each throttle on their own, which only weakens
 * the limit by their number).
 */
public final class LoginThrottle {
  public static final int DEFAULT_ACCOUNT_FREE_FAILURES = 3;
  public static final int DEFAULT_ADDRESS_FREE_FAILURES = 10;
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(15);
  public static final Duration DEFAULT_FORGET_AFTER = Duration.ofHours(24);
  public static final int DEFAULT_MAX_ENTRIES = 50_000;

  private final Clock clock;
  private final int accountFree;
  private final int addressFree;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;
  private final Map<String, Entry> accounts;
  private final Map<String, Entry> unknownNames;
  private final Map<String, Entry> addresses;
  /** Accounts with a password check running now; bounded by the worker pool size. */
  private final java.util.Set<String> inFlight = new java.util.HashSet<>();

  /** Failures so far and the earliest time of the next allowed attempt. */
  private static final class Entry {
    int failures;
    Instant lastFailure;
    Instant blockedUntil = Instant.MIN;
  }

  public LoginThrottle(Clock clock) {
    this(clock, DEFAULT_ACCOUNT_FREE_FAILURES, DEFAULT_ADDRESS_FREE_FAILURES, DEFAULT_BASE_DELAY,
        DEFAULT_MAX_DELAY, DEFAULT_FORGET_AFTER, DEFAULT_MAX_ENTRIES);
  }

  public LoginThrottle(Clock clock, int accountFreeFailures, int addressFreeFailures, Duration baseDelay,
      Duration maxDelay, Duration forgetAfter, int maxEntries) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (accountFreeFailures < 0 || addressFreeFailures < 0 || maxEntries < 1
        || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0
        || forgetAfter.compareTo(maxDelay) < 0) {
      throw new IllegalArgumentException("invalid login throttle settings");
    }
    this.accountFree = accountFreeFailures;
    this.addressFree = addressFreeFailures;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
    this.accounts = lru(maxEntries);
    this.unknownNames = lru(maxEntries);
    this.addresses = lru(maxEntries);
  }

  private static Map<String, Entry> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > max;
      }
    };
  }

  /** How long the caller must wait before this attempt may be checked; zero if allowed now. */
  public synchronized Duration retryAfter(String account, String address) {
    Instant now = clock.instant();
    String name = key(account);
    Instant until = later(later(blockedUntil(accounts, name, now), blockedUntil(unknownNames, name, now)),
        blockedUntil(addresses, key(address), now));
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  /**
   * Starts an attempt: returns zero and marks the account busy if the attempt may proceed, else
   * the time to wait. One attempt per account at a time, so that a burst of parallel guesses
   * cannot all pass before the first failure is counted. Every zero answer must be followed by
   * {@link #end}.
   */
  public synchronized Duration begin(String account, String address) {
    Duration wait = retryAfter(account, address);
    if (!wait.isZero()) {
      return wait;
    }
    if (!inFlight.add(key(account))) {
      return Duration.ofSeconds(1);
    }
    return Duration.ZERO;
  }

  /** Ends an attempt started with {@link #begin}. */
  public synchronized void end(String account) {
    inFlight.remove(key(account));
  }

  /** A wrong password (or a disabled account) for an account that exists. */
  public synchronized void recordFailure(String account, String address) {
    Instant now = clock.instant();
    fail(accounts, key(account), accountFree, now);
    fail(addresses, key(address), addressFree, now);
  }

  /** A login name that is no account (or has no password): counted apart from the accounts. */
  public synchronized void recordUnknownNameFailure(String name, String address) {
    Instant now = clock.instant();
    fail(unknownNames, key(name), accountFree, now);
    fail(addresses, key(address), addressFree, now);
  }

  public synchronized void recordSuccess(String account) {
    accounts.remove(key(account));
  }

  /** Number of tracked keys (accounts, unknown names and addresses), for metrics and tests. */
  public synchronized int size() {
    return accounts.size() + unknownNames.size() + addresses.size();
  }

  private void fail(Map<String, Entry> map, String key, int free, Instant now) {
    Entry e = map.get(key);
    if (e == null || expired(e, now)) {
      e = new Entry();
      map.put(key, e);
    }
    e.failures++;
    e.lastFailure = now;
    int over = e.failures - free;
    if (over > 0) {
      e.blockedUntil = now.plus(delay(over));
    }
  }

  /** baseDelay * 2^(over-1), capped without overflow. */
  private Duration delay(int over) {
    int shift = Math.min(over - 1, 30);
    Duration d = baseDelay.multipliedBy(1L << shift);
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  private Instant blockedUntil(Map<String, Entry> map, String key, Instant now) {
    Entry e = map.get(key);
    if (e == null) {
      return Instant.MIN;
    }
    if (expired(e, now)) {
      map.remove(key);
      return Instant.MIN;
    }
    return e.blockedUntil;
  }

  private boolean expired(Entry e, Instant now) {
    return !now.isBefore(e.lastFailure.plus(forgetAfter));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Normalises keys so "Anna" and "anna" share a counter; bounds key length (memory). */
  private static String key(String s) {
    String k = s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
    return k.length() > 256 ? k.substring(0, 256) : k;
  }
}
