package org.pledgepad.auth.password;

import java.security.SecureRandom;

/**
 * Generated passwords for new accounts: 20 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), about 115 bits of entropy, grouped by hyphens for reading aloud or typing.
 */
public final class OneTimePasswords {
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private OneTimePasswords() {}

  public static String generate(SecureRandom random) {
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        sb.append('-');
      }
      sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}
