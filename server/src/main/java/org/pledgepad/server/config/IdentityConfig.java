package org.pledgepad.server.config;

import java.util.List;
import java.util.Optional;
import org.pledgepad.auth.token.VerificationKey;

/**
 * Identity settings of the access layer that live in the server configuration.
 *
 * @param oidc           OIDC sign-in; empty = disabled (its endpoints answer 404)
 * @param trustedProxies TCP peers whose X-Forwarded-For is believed (login throttling); empty =
 *                       the header is ignored
 * @param previousTokenKeys public keys of earlier token signing keys (TOKEN_PREVIOUS_KEYS):
 *                       trusted for verification only, so that tokens signed before a key
 *                       rotation keep working until they expire
 */
public record IdentityConfig(Optional<OidcConfig> oidc, List<Cidr> trustedProxies,
    List<VerificationKey> previousTokenKeys) {
  public static final IdentityConfig NONE = new IdentityConfig(Optional.empty(), List.of(), List.of());

  public IdentityConfig {
    trustedProxies = List.copyOf(trustedProxies);
    previousTokenKeys = List.copyOf(previousTokenKeys);
  }
}
