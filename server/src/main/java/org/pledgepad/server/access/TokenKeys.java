package org.pledgepad.server.access;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.VerificationKey;
import org.pledgepad.server.config.ConfigException;

/**
 * The keys tokens are verified with: the current signing key's public half and those of
 * TOKEN_PREVIOUS_KEYS. New tokens are signed with the current key only; tokens of a previous key
 * keep working until they expire (at most 30 days after the rotation), then the setting can go.
 */
final class TokenKeys {
  static final String SETTING = "TOKEN_PREVIOUS_KEYS";

  private TokenKeys() {}

  /**
   * {@code current} may be null (the command line before any key exists). A previous key that is
   * the current one again is harmless and dropped; another key under the current key's id stops
   * the start with a message naming the setting.
   */
  static KeyResolver resolver(VerificationKey current, List<VerificationKey> previous) {
    List<VerificationKey> all = new ArrayList<>();
    if (current != null) {
      all.add(current);
    }
    for (VerificationKey k : previous) {
      if (current != null && k.kid().equals(current.kid())) {
        if (!k.key().equals(current.key())) {
          throw new ConfigException(SETTING, "key id " + k.kid() + " is the current signing key's id, with another key");
        }
        continue;
      }
      all.add(k);
    }
    return KeyResolver.of(all);
  }
}
