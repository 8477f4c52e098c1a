package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.access.SyncClient.Protocol;

/**
 * Without ALLOWED_ORIGINS, a page of another origin (a sibling sub-domain is the same site, so
 * SameSite=Strict still sends the cookie) must not open a socket in the signed-in person's name.
 */
class CrossOriginCookieTest {
  @TempDir
  Path dataDir;
  private AccessTestServer server;
  private AccessHttp.Browser councillor;

  @BeforeEach
  void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of());
    councillor = server.signIn(new AccessHttp(server.harness.httpBase()), "demo-councillor");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The scope Hocuspocus answers a cookie socket opened from {@code origin} (null: none sent). */
  private String scopeFrom(String origin) throws Exception {
    Map<String, String> headers = origin == null ? Map.of("Cookie", councillor.cookie())
        : Map.of("Cookie", councillor.cookie(), "Origin", origin);
    try (SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(),
        AccessTestServer.CONSULTATION_DOC, null, headers)) {
      return c.until(m -> m.type() == 2).get(0).text();
    }
  }

  @Test
  void aForeignOriginIsAGuestEvenWithTheCookie() throws Exception {
    assertThat(scopeFrom("https://other.example")).isEqualTo("readonly");
    assertThat(scopeFrom("null")).isEqualTo("readonly");
    assertThat(scopeFrom("http://127.0.0.1:" + (server.harness.port() + 1))).isEqualTo("readonly");
  }

  @Test
  void theServersOwnOriginAndNonBrowserClientsUseTheCookie() throws Exception {
    assertThat(scopeFrom("http://127.0.0.1:" + server.harness.port())).isEqualTo("read-write");
    assertThat(scopeFrom(null)).isEqualTo("read-write");
  }

  @Test
  void originsAreComparedByHostAndPortWithSchemeDefaults() {
    assertThat(CookieOrigin.sameAuthority("https://pledgepad.example", "pledgepad.example")).isTrue();
    assertThat(CookieOrigin.sameAuthority("https://Pledgepad.Example", "pledgepad.example:443")).isTrue();
    assertThat(CookieOrigin.sameAuthority("http://[::1]:8080", "[::1]:8080")).isTrue();
    assertThat(CookieOrigin.sameAuthority("https://pledgepad.example.evil.test", "pledgepad.example")).isFalse();
    assertThat(CookieOrigin.sameAuthority("https://pledgepad.example:8443", "pledgepad.example")).isFalse();
    assertThat(CookieOrigin.sameAuthority("https://pledgepad.example", null)).isFalse();
    assertThat(CookieOrigin.sameAuthority("ftp://pledgepad.example", "pledgepad.example")).isFalse();
    assertThat(CookieOrigin.mayUseCookie("https://a.example", "b.example", Set.of("https://a.example"))).isTrue();
    assertThat(CookieOrigin.mayUseCookie("https://b.example", "b.example", Set.of("https://a.example"))).isFalse();
  }
}
