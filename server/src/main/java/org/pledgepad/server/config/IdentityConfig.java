package org.pledgepad.server.config;

import java.util.List;
import java.util.Optional;

/**
 * Identity settings of the access layer that live in the server configuration.
 *
 * @param oidc           OIDC sign-in; empty = disabled (its endpoints answer 404)
 * @param trustedProxies TCP peers whose X-Forwarded-For is believed (login throttling); empty =
 *                       the header is ignored
 */
public record IdentityConfig(Optional<OidcConfig> oidc, List<Cidr> trustedProxies) {
  public static final IdentityConfig NONE = new IdentityConfig(Optional.empty(), List.of());

  public IdentityConfig {
    trustedProxies = List.copyOf(trustedProxies);
  }
}
