package org.pledgepad.auth.password;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing. Parameters follow the OWASP minimum for Argon2id (19 MiB memory,
 * 2 iterations, 1 lane), which costs roughly 30-60 ms of one core: affordable on a 2-core server
 * because logins are rare and throttled ({@link LoginThrottle}), and the work must run on a worker
 * thread, never on a Vert.x event loop.
 *
 * <p>Verification uses the parameters stored in the hash, so raising them later only needs
 * {@link #needsRehash} on successful logins.
 */
public final class PasswordHasher {
  public static final int SALT_BYTES = 16;
  public static final int HASH_BYTES = 32;
  public static final int PARALLELISM = 1;
  public static final int MEMORY_KIB = 19 * 1024;
  public static final int ITERATIONS = 2;
  /** Longer inputs are refused before hashing: nobody types this much, attackers might. */
  public static final int MAX_PASSWORD_LENGTH = 1024;
  public static final int MIN_PASSWORD_LENGTH = 12;

  private final Argon2PasswordEncoder encoder;
  /** Hash of a random string, verified against when the login is unknown (equal timing). */
  private final String dummyHash;

  public PasswordHasher() {
    this(MEMORY_KIB, ITERATIONS);
  }

  /** For tests only: cheaper parameters keep test suites fast. */
  PasswordHasher(int memoryKib, int iterations) {
    this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, memoryKib, iterations);
    this.dummyHash = encoder.encode("pledgepad-dummy-" + System.nanoTime());
  }

  /** A hasher with minimal cost, for tests in other modules. Never use in production. */
  public static PasswordHasher forTests() {
    return new PasswordHasher(1024, 1);
  }

  /** Hashes a new password after checking the length policy. */
  public String hash(CharSequence password) {
    checkPolicy(password);
    return encoder.encode(password);
  }

  /**
   * Hashes without the length policy: only for importing accounts from an older system whose
   * passwords predate the policy. Do not use for new passwords.
   */
  public String hashForMigration(CharSequence password) {
    if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("password must have 1-" + MAX_PASSWORD_LENGTH + " characters");
    }
    return encoder.encode(password);
  }

  /** Constant-time comparison inside Argon2PasswordEncoder; false for any malformed input. */
  public boolean matches(CharSequence password, String hash) {
    if (password == null || password.length() > MAX_PASSWORD_LENGTH || hash == null) {
      return false;
    }
    try {
      return encoder.matches(password, hash);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Spends the same work as {@link #matches} for a login that does not exist. */
  public void burnEqualTime(CharSequence password) {
    matches(password == null ? "" : password, dummyHash);
  }

  /** True if the stored hash uses weaker parameters than the current ones. */
  public boolean needsRehash(String hash) {
    try {
      return encoder.upgradeEncoding(hash);
    } catch (RuntimeException e) {
      return true;
    }
  }

  public static void checkPolicy(CharSequence password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("password must have at most " + MAX_PASSWORD_LENGTH + " characters");
    }
  }
}
