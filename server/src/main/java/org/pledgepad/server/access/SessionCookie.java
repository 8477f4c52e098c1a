package org.pledgepad.server.access;

import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.pledgepad.server.config.Cidr;

/**
 * The one place that decides whether a request is known to be https and what our cookies are
 * called then; every route and the WebSocket upgrade that sets, reads or clears them asks here.
 *
 * <p>On https the session cookie is {@value #HTTPS_NAME}. A browser stores a cookie of that name
 * only from this very host, over https, Secure, with Path=/ and no Domain, so a page of a sibling
 * sub-domain cannot plant one of its own (a session it controls, "cookie tossing"). Only that
 * name is read there: reading the plain name as well would keep the planted cookie working. On
 * plain http (local development, tests) the prefix would make browsers refuse the cookie, so the
 * plain name stays.
 */
public final class SessionCookie {
  public static final String PLAIN_NAME = "pledgepad_session";
  public static final String HTTPS_NAME = "__Host-" + PLAIN_NAME;

  private final boolean alwaysSecure;
  private final List<Cidr> trustedProxies;

  /** {@code alwaysSecure}: COOKIE_SECURE=true, the operator's word that every request is https. */
  SessionCookie(boolean alwaysSecure, List<Cidr> trustedProxies) {
    this.alwaysSecure = alwaysSecure;
    this.trustedProxies = trustedProxies;
  }

  /**
   * Known to be https: COOKIE_SECURE=true, TLS on this server, or X-Forwarded-Proto https
   * (right-most value) from a trusted proxy; a direct client's own claim is not believed.
   */
  boolean https(boolean tls, SocketAddress peer, MultiMap headers) {
    return alwaysSecure || tls || ClientAddress.forwardedHttps(peer, headers, trustedProxies);
  }

  boolean https(RoutingContext ctx) {
    return https(ctx.request().isSSL(), ctx.request().remoteAddress(), ctx.request().headers());
  }

  static String name(boolean https) {
    return https ? HTTPS_NAME : PLAIN_NAME;
  }

  /** The session id the request carries under the name its scheme allows; null without one. */
  String read(RoutingContext ctx) {
    Cookie c = ctx.request().getCookie(name(https(ctx)));
    return c == null ? null : c.getValue();
  }

  /** As {@link #read(RoutingContext)} for a WebSocket upgrade (raw headers, no routing context). */
  String read(MultiMap upgradeHeaders, SocketAddress peer, boolean tls) {
    return Cookies.find(upgradeHeaders.getAll("Cookie"), name(https(tls, peer, upgradeHeaders)));
  }

  /** The cookie that sets {@code sessionId} for {@code maxAgeSeconds}. */
  Cookie set(RoutingContext ctx, String sessionId, long maxAgeSeconds) {
    boolean https = https(ctx);
    // Secure on https whatever COOKIE_SECURE says: else the browser also sends it over plain
    // http (the port-80 redirect), and the __Host- name requires it anyway.
    return Cookie.cookie(name(https), sessionId).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(https).setMaxAge(maxAgeSeconds);
  }

  /** The cookie that makes the browser forget its session cookie (sign-out, erasure). */
  public Cookie clear(RoutingContext ctx) {
    return set(ctx, "", 0);
  }
}
