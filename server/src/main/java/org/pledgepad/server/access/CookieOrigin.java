package org.pledgepad.server.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a WebSocket upgrade may be decided with the session cookie. The cookie is an ambient
 * credential: a browser sends it with a page's upgrade whatever site the page is from (SameSite
 * stops other sites, not sibling sub-domains of the same site, and not browsers that ignore it),
 * and an upgrade has no CSRF token. So a browser page must be of an allowed origin: one of
 * ALLOWED_ORIGINS when it is set, else the origin the upgrade was addressed to (its Host).
 * Non-browser clients send no Origin and are not asked; a token is never ambient and counts from
 * any origin. The __Host- name on https ({@link SessionCookie}) does not replace this check: it
 * stops a sibling sub-domain from planting a cookie, not from having the browser send ours. Which
 * cookie the allowed upgrade is then decided with is {@link SessionCookie}'s rule too.
 */
final class CookieOrigin {
  private CookieOrigin() {}

  static boolean mayUseCookie(String origin, String host, Set<String> allowedOrigins) {
    if (origin == null) {
      return true;
    }
    if (!allowedOrigins.isEmpty()) {
      return allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }
    return sameAuthority(origin, host);
  }

  /** Origin's host and port (default port of its scheme if none) equal the Host header's. */
  static boolean sameAuthority(String origin, String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    URI o;
    try {
      o = new URI(origin);
    } catch (URISyntaxException e) {
      return false; // "null" (sandboxed frames, file:) and anything malformed
    }
    String scheme = o.getScheme() == null ? "" : o.getScheme().toLowerCase(Locale.ROOT);
    int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    if (defaultPort < 0 || o.getHost() == null || o.getRawUserInfo() != null) {
      return false;
    }
    int originPort = o.getPort() < 0 ? defaultPort : o.getPort();
    int colon = host.lastIndexOf(':');
    String hostName = colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    int hostPort = defaultPort;
    if (colon > host.lastIndexOf(']')) {
      String p = host.substring(colon + 1);
      if (!p.matches("[0-9]{1,5}")) {
        return false;
      }
      hostPort = Integer.parseInt(p);
    }
    return hostPort == originPort && hostName.equalsIgnoreCase(o.getHost());
  }
}
