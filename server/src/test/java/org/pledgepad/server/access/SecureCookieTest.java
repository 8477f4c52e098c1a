package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session cookie is Secure whenever the sign-in is known to have come over https, even with
 * COOKIE_SECURE unset: otherwise the browser also sends it over plain http (the port-80
 * redirect), where anyone on the network reads it.
 */
class SecureCookieTest {
  @TempDir
  Path dataDir;

  /** The Set-Cookie of a successful sign-in sent with these extra headers (lower case). */
  private static String signInCookie(AccessTestServer server, String... headers) throws Exception {
    AccessHttp http = new AccessHttp(server.harness.httpBase());
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    HttpResponse<String> r = http.send("POST", "/api/session", new JsonObject().put("login", "demo-citizen")
        .put("password", server.passwords.get("demo-citizen")).encode(), all);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SessionCookie.PLAIN_NAME + "=") || c.startsWith(SessionCookie.HTTPS_NAME + "="))
        .findFirst().orElseThrow().toLowerCase(Locale.ROOT);
  }

  @Test
  void httpsReportedByATrustedProxyMakesTheCookieSecure() throws Exception {
    try (AccessTestServer server = AccessTestServer.start(dataDir, Map.of("TRUSTED_PROXIES", "127.0.0.1"))) {
      assertThat(signInCookie(server, "X-Forwarded-Proto", "https")).contains("; secure");
      assertThat(signInCookie(server, "X-Forwarded-Proto", "http")).doesNotContain("secure");
      assertThat(signInCookie(server)).doesNotContain("secure");
    }
  }

  @Test
  void theHeaderOfAPeerThatIsNoTrustedProxyIsNotBelieved() throws Exception {
    try (AccessTestServer server = AccessTestServer.start(dataDir, Map.of())) {
      // A direct client speaks plain http here whatever it claims; only a proxy describes the connection.
      assertThat(signInCookie(server, "X-Forwarded-Proto", "https")).doesNotContain("secure");
    }
  }
}
