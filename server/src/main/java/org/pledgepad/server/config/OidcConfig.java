package org.pledgepad.server.config;

import java.net.URI;
import java.util.Optional;

/**
 * Sign-in through an OpenID Connect provider (Keycloak), present only when OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_REDIRECT_URI are all set.
 *
 * @param issuer       the realm URL, compared exactly with discovery and the ID token's iss
 * @param clientId     this server's client at the provider
 * @param clientSecret for confidential clients; empty for public clients (PKCE alone)
 * @param redirectUri  the public URL of /api/auth/oidc/callback, registered at the provider
 */
public record OidcConfig(URI issuer, String clientId, Optional<String> clientSecret, URI redirectUri) {
  @Override
  public String toString() {
    return "OidcConfig[issuer=" + issuer + ", clientId=" + clientId + ", secret="
        + (clientSecret.isPresent() ? "set" : "none") + ", redirectUri=" + redirectUri + "]";
  }

  /** Plain http is tolerated only for a provider on this machine (development). */
  public static boolean loopback(URI uri) {
    String host = uri.getHost();
    return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
  }
}
