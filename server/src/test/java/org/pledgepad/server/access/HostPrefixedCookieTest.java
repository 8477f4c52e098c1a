package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.config.Cidr;

/**
 * On https the session cookie is __Host-pledgepad_session and only that name counts: a sibling
 * sub-domain can set a plain pledgepad_session for the parent domain (its own session, which the
 * victim's browser then sends here: "cookie tossing"), but no browser lets it set the prefixed
 * name. The test client stands in for a trusted TLS proxy (X-Forwarded-Proto).
 */
class HostPrefixedCookieTest {
  private static final String[] HTTPS = {"X-Forwarded-Proto", "https"};

  @TempDir
  Path dataDir;
  private AccessTestServer server;
  private AccessHttp http;

  @BeforeEach
  void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of("TRUSTED_PROXIES", "127.0.0.1"));
    http = new AccessHttp(server.harness.httpBase());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String[] https(String... headers) {
    return Stream.concat(Stream.of(HTTPS), Stream.of(headers)).toArray(String[]::new);
  }

  /** The Set-Cookie headers of {@code r} that set {@code name}. */
  private static List<String> setCookies(HttpResponse<String> r, String name) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
  }

  /** Signs in over https with the one-time password: the response, with the prefixed cookie. */
  private HttpResponse<String> signInOverHttps(String login) throws Exception {
    HttpResponse<String> r = http.send("POST", "/api/session", new JsonObject().put("login", login)
        .put("password", server.passwords.get(login)).encode(), https("Content-Type", "application/json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }

  /** "name=value" of the prefixed cookie a response sets. */
  private static String prefixedPair(HttpResponse<String> r) {
    List<String> set = setCookies(r, SessionCookie.HTTPS_NAME);
    assertThat(set).as("Set-Cookie " + SessionCookie.HTTPS_NAME).hasSize(1);
    return set.get(0).substring(0, set.get(0).indexOf(';'));
  }

  private static String valueOf(String pair) {
    return pair.substring(pair.indexOf('=') + 1);
  }

  /** The scope Hocuspocus answers a socket opened with these upgrade headers. */
  private String scope(Map<String, String> headers) throws Exception {
    try (SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(),
        AccessTestServer.CONSULTATION_DOC, null, headers)) {
      return c.until(m -> m.type() == 2).get(0).text();
    }
  }

  private String scopeOverHttps(String cookie) throws Exception {
    Map<String, String> headers = new HashMap<>(Map.of(HTTPS[0], HTTPS[1]));
    headers.put("Cookie", cookie);
    return scope(headers);
  }

  @Test
  void signInOverHttpsSetsOnlyTheHostPrefixedCookieSecureWithPathRootAndNoDomain() throws Exception {
    HttpResponse<String> r = signInOverHttps("demo-citizen");
    List<String> set = setCookies(r, SessionCookie.HTTPS_NAME);
    assertThat(set).hasSize(1);
    String cookie = set.get(0).toLowerCase(Locale.ROOT);
    assertThat(cookie).contains("; secure").contains("; path=/;").contains("; httponly").contains("samesite=strict")
        .doesNotContain("domain=");
    assertThat(setCookies(r, SessionCookie.PLAIN_NAME)).as("no plain-named cookie on https").isEmpty();
  }

  @Test
  void thePrefixedCookieAuthenticatesThePasswordChangeAnApiCallAndAWebSocketOnHttps() throws Exception {
    HttpResponse<String> signedIn = signInOverHttps("demo-councillor");
    String cookie = prefixedPair(signedIn);
    String csrf = new JsonObject(signedIn.body()).getString("csrfToken");
    HttpResponse<String> changed = http.send("POST", "/api/session/password", new JsonObject()
        .put("oldPassword", server.passwords.get("demo-councillor")).put("newPassword", "ein-eigenes-Passwort").encode(),
        https("Cookie", cookie, "Content-Type", "application/json", AccessGuard.CSRF_HEADER, csrf));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

    HttpResponse<String> me = http.send("GET", "/api/me", null, https("Cookie", cookie));
    assertThat(new JsonObject(me.body()).getJsonObject("user").getString("login")).isEqualTo("demo-councillor");
    HttpResponse<String> draft = http.send("GET", "/api/documents/" + AccessTestServer.DRAFT_DOC + "/history", null,
        https("Cookie", cookie));
    assertThat(draft.statusCode()).as("the body's draft, members only").isEqualTo(200);
    assertThat(scopeOverHttps(cookie)).isEqualTo("read-write");
    // On plain http the prefixed name is not ours to read (browsers would not have set it there).
    assertThat(scope(Map.of("Cookie", cookie))).isEqualTo("readonly");
  }

  @Test
  void aPlantedPlainCookieWithAValidSessionIsAGuestOnHttps() throws Exception {
    // A valid session under the plain name, as a sibling sub-domain would plant its own.
    String planted = server.signIn(http, "demo-councillor").cookie();
    assertThat(planted).startsWith(SessionCookie.PLAIN_NAME + "=");
    assertThat(http.whoAmI(planted)).as("valid on plain http").isEqualTo("demo-councillor");

    HttpResponse<String> me = http.send("GET", "/api/me", null, https("Cookie", planted));
    assertThat(new JsonObject(me.body()).getValue("user")).isNull();
    assertThat(http.send("GET", "/api/documents/" + AccessTestServer.DRAFT_DOC + "/history", null,
        https("Cookie", planted)).statusCode()).isEqualTo(401);
    assertThat(scopeOverHttps(planted)).isEqualTo("readonly");

    // The victim's own prefixed cookie beside the planted one is the one that counts.
    String own = prefixedPair(signInOverHttps("demo-citizen"));
    HttpResponse<String> both = http.send("GET", "/api/me", null, https("Cookie", planted + "; " + own));
    assertThat(new JsonObject(both.body()).getJsonObject("user").getString("login")).isEqualTo("demo-citizen");
  }

  @Test
  void signOutOverHttpsClearsThePrefixedNameAndEndsTheSession() throws Exception {
    HttpResponse<String> signedIn = signInOverHttps("demo-citizen");
    String cookie = prefixedPair(signedIn);
    HttpResponse<String> out = http.send("DELETE", "/api/session", null,
        https("Cookie", cookie, AccessGuard.CSRF_HEADER, new JsonObject(signedIn.body()).getString("csrfToken")));
    assertThat(out.statusCode()).as(out.body()).isEqualTo(204);
    List<String> cleared = setCookies(out, SessionCookie.HTTPS_NAME);
    assertThat(cleared).hasSize(1);
    assertThat(cleared.get(0).toLowerCase(Locale.ROOT)).startsWith(SessionCookie.HTTPS_NAME.toLowerCase(Locale.ROOT) + "=;")
        .contains("max-age=0").contains("; secure").contains("; path=/;").doesNotContain("domain=");
    assertThat(server.access.sessions().find(valueOf(cookie))).as("session ended").isEmpty();
  }

  @Test
  void onPlainHttpThePlainNameIsSetAndReadAsBefore() throws Exception {
    HttpResponse<String> r = http.send("POST", "/api/session", new JsonObject().put("login", "demo-citizen")
        .put("password", server.passwords.get("demo-citizen")).encode(), "Content-Type", "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(setCookies(r, SessionCookie.HTTPS_NAME)).isEmpty();
    List<String> set = setCookies(r, SessionCookie.PLAIN_NAME);
    assertThat(set).hasSize(1);
    assertThat(set.get(0).toLowerCase(Locale.ROOT)).doesNotContain("secure");
    String cookie = set.get(0).substring(0, set.get(0).indexOf(';'));
    assertThat(http.whoAmI(cookie)).isEqualTo("demo-citizen");
    String councillor = server.signIn(http, "demo-councillor").cookie();
    assertThat(scope(Map.of("Cookie", councillor))).isEqualTo("read-write");
  }

  @Test
  void cookieSecureDeclaresEveryRequestHttpsAndOnlyATrustedProxyIsBelieved() {
    SocketAddress proxy = SocketAddress.inetSocketAddress(443, "127.0.0.1");
    SocketAddress direct = SocketAddress.inetSocketAddress(443, "198.51.100.7");
    MultiMap forwarded = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-Proto", "https");
    MultiMap none = MultiMap.caseInsensitiveMultiMap();
    List<Cidr> trusted = List.of(Cidr.parse("127.0.0.1"));
    assertThat(new SessionCookie(true, List.of()).https(false, direct, none)).isTrue();
    assertThat(new SessionCookie(false, trusted).https(true, direct, none)).isTrue();
    assertThat(new SessionCookie(false, trusted).https(false, proxy, forwarded)).isTrue();
    assertThat(new SessionCookie(false, trusted).https(false, direct, forwarded)).isFalse();
    assertThat(new SessionCookie(false, trusted).https(false, proxy, none)).isFalse();
  }
}
