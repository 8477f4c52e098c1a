package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pledgepad.auth.oidc.FakeKeycloak;

/**
 * Plays the browser in OIDC sign-in tests: starts at the server, follows the redirect to the fake
 * provider and stops where the provider sends the browser back, so tests can tamper with the
 * callback before delivering it.
 */
final class OidcBrowser {
  /** The browser's state after the provider redirected back: callback query and binding cookie. */
  record Returned(String query, String bindingCookie, Map<String, String> authorizationParams) {}

  private final AccessHttp http;
  private final FakeKeycloak keycloak;
  private final String redirect;
  private final HttpClient direct = HttpClient.newHttpClient(); // never follows redirects
  /** Headers sent to the server with every request (e.g. a trusted proxy's X-Forwarded-Proto). */
  private final String[] headers;

  OidcBrowser(AccessHttp http, FakeKeycloak keycloak, String redirect, String... headers) {
    this.http = http;
    this.keycloak = keycloak;
    this.redirect = redirect;
    this.headers = headers;
  }

  Returned goToProvider() throws Exception {
    return goToProvider(OidcLogin.BROWSER_COOKIE);
  }

  /** As {@link #goToProvider()}, expecting the binding cookie under {@code cookieName}. */
  Returned goToProvider(String cookieName) throws Exception {
    HttpResponse<String> start = http.send("GET", "/api/auth/oidc/login", null, headers);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    String cookie = start.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(cookieName + "=")).findFirst().orElseThrow();
    assertThat(cookie.toLowerCase(Locale.ROOT)).contains("httponly").contains("samesite=lax");
    if (cookieName.startsWith("__Host-")) {
      // The prefix's rules: Secure, Path=/, no Domain (else the browser drops the cookie).
      assertThat(cookie.toLowerCase(Locale.ROOT)).contains("; secure").containsPattern("; path=/(;|$)")
          .doesNotContain("domain=");
    } else {
      assertThat(cookie.toLowerCase(Locale.ROOT)).contains("path=/api/auth/oidc");
    }
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(keycloak.authorizationEndpoint() + "?");
    HttpResponse<String> atProvider = direct.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(atProvider.statusCode()).isEqualTo(302);
    URI back = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
    assertThat(back.toString()).startsWith(redirect + "?");
    return new Returned(back.getRawQuery(), cookie.substring(0, cookie.indexOf(';')), params(authorize.getRawQuery()));
  }

  HttpResponse<String> callback(String query, String cookie) throws Exception {
    String[] all = cookie == null ? headers : java.util.stream.Stream.concat(java.util.Arrays.stream(headers),
        java.util.stream.Stream.of("Cookie", cookie)).toArray(String[]::new);
    return http.send("GET", "/api/auth/oidc/callback?" + query, null, all);
  }

  static Optional<String> sessionCookie(HttpResponse<String> r) {
    return sessionCookie(r, SessionCookie.PLAIN_NAME);
  }

  /** "name=value" of the session cookie a response sets under {@code name}. */
  static Optional<String> sessionCookie(HttpResponse<String> r, String name) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
