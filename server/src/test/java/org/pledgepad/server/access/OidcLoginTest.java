package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.oidc.FakeKeycloak;
import org.pledgepad.auth.oidc.OidcProvider;
import org.pledgepad.auth.oidc.TestIdp;
import org.pledgepad.server.testing.Await;

/**
 * OIDC sign-in through the running server against {@link FakeKeycloak} (the auth module's fake
 * realm, in this JVM): the test plays the browser, following the redirects by hand so that it
 * can tamper with state, cookies and the provider's answers.
 */
class OidcLoginTest {
  private static final String REDIRECT = "http://localhost:1/api/auth/oidc/callback";
  private static final TestIdp.Key KEY1 = TestIdp.generate("k1", "ES256");

  @TempDir
  static Path dataDir;
  private static Vertx idpVertx;
  private static FakeKeycloak keycloak;
  private static final TestClock clock = new TestClock(Instant.now());
  private static AccessTestServer server;
  private static AccessHttp http;
  private static OidcBrowser browser;

  @BeforeAll
  static void start() throws Exception {
    idpVertx = Vertx.vertx();
    keycloak = Await.result(FakeKeycloak.start(idpVertx, KEY1));
    keycloak.clock.set(clock);
    // The test client also stands in for a TLS proxy where a test sends X-Forwarded-Proto.
    server = AccessTestServer.start(dataDir, Map.of("OIDC_ISSUER", keycloak.issuer, "OIDC_CLIENT_ID", TestIdp.CLIENT,
        "OIDC_REDIRECT_URI", REDIRECT, "TRUSTED_PROXIES", "127.0.0.1"), Duration.ofSeconds(2), clock,
        UnaryOperator.identity());
    http = new AccessHttp(server.harness.httpBase());
    browser = new OidcBrowser(http, keycloak, REDIRECT);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    Await.result(idpVertx.close());
  }

  @BeforeEach
  void resetProvider() {
    keycloak.claimsEdit.set(UnaryOperator.identity());
    keycloak.tokenStatus.set(200);
    keycloak.signingKey.set(KEY1);
    keycloak.jwks.set(TestIdp.jwks(KEY1));
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type, String detail) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("type")).isEqualTo(type);
    if (detail != null) {
      assertThat(body.getString("title")).contains(detail);
    }
    assertThat(OidcBrowser.sessionCookie(r)).isEmpty();
  }

  @Test
  void theCodeFlowSignsInAndLinksOneLocalAccountWithoutTheEmailAddress() throws Exception {
    OidcBrowser.Returned r = browser.goToProvider();
    Map<String, String> p = r.authorizationParams();
    assertThat(p).containsEntry("response_type", "code").containsEntry("client_id", TestIdp.CLIENT)
        .containsEntry("redirect_uri", REDIRECT).containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "openid profile");
    assertThat(p.get("state")).hasSize(43);
    assertThat(p.get("nonce")).hasSize(43).isNotEqualTo(p.get("state"));
    assertThat(p.get("code_challenge")).hasSize(43);

    HttpResponse<String> done = browser.callback(r.query(), r.bindingCookie());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/");
    String session = OidcBrowser.sessionCookie(done).orElseThrow();
    JsonObject me = http.me(session);
    assertThat(me.getString("role")).isEqualTo("councillor");
    JsonObject user = me.getJsonObject("user");
    assertThat(user.getString("displayName")).isEqualTo("Anna Schmidt");
    assertThat(user.getString("id")).isEqualTo("oidc:0f5b6a4e-7c0b-4d8e-9a65-3f1e2d3c4b5a");
    assertThat(user.getString("login")).startsWith("oidc-").doesNotContain("anna");
    User stored = server.access.users().findById(user.getString("id")).orElseThrow().user();
    assertThat(stored.bodies()).containsExactlyInAnyOrder(new Body("spd-fraktion"), new Body("committee-digital"));
    assertThat(stored.toString()).doesNotContain("@");

    // Signing in again links the same account and takes the provider's current role.
    keycloak.claimsEdit.set(c -> c.put("realm_access", new JsonObject().put("roles",
        new io.vertx.core.json.JsonArray().add("pledgepad-citizen"))).put("groups", new io.vertx.core.json.JsonArray()));
    OidcBrowser.Returned again = browser.goToProvider();
    String second = OidcBrowser.sessionCookie(browser.callback(again.query(), again.bindingCookie())).orElseThrow();
    assertThat(http.me(second).getJsonObject("user").getString("id")).isEqualTo(user.getString("id"));
    assertThat(http.me(second).getString("role")).isEqualTo("citizen");
    assertThat(server.access.users().findById(user.getString("id")).orElseThrow().user().role()).isEqualTo(Role.CITIZEN);
  }

  @Test
  void aWrongStateIsRefused() throws Exception {
    OidcBrowser.Returned r = browser.goToProvider();
    String forged = r.query().replaceAll("state=[^&]+", "state=" + "A".repeat(43));
    assertProblem(browser.callback(forged, r.bindingCookie()), 400, OidcLogin.PROBLEM_STATE, null);
  }

  @Test
  void aStateIsUsedOnceOnly() throws Exception {
    OidcBrowser.Returned r = browser.goToProvider();
    assertThat(browser.callback(r.query(), r.bindingCookie()).statusCode()).isEqualTo(303);
    assertProblem(browser.callback(r.query(), r.bindingCookie()), 400, OidcLogin.PROBLEM_STATE, null);
  }

  @Test
  void theCallbackMustComeFromTheBrowserThatStarted() throws Exception {
    OidcBrowser.Returned victim = browser.goToProvider();
    OidcBrowser.Returned attacker = browser.goToProvider();
    // Login CSRF: the attacker's callback URL opened in the victim's browser (its own cookie).
    assertProblem(browser.callback(attacker.query(), victim.bindingCookie()), 400, OidcLogin.PROBLEM_STATE, null);
    assertProblem(browser.callback(victim.query(), null), 400, OidcLogin.PROBLEM_STATE, null);
  }

  @Test
  void anIdTokenWithAnotherNonceIsRefused() throws Exception {
    keycloak.claimsEdit.set(c -> c.put("nonce", "a-nonce-from-another-request"));
    OidcBrowser.Returned r = browser.goToProvider();
    assertProblem(browser.callback(r.query(), r.bindingCookie()), 401, OidcLogin.PROBLEM_ID_TOKEN, "NONCE_MISMATCH");
  }

  @Test
  void anExpiredIdTokenIsRefused() throws Exception {
    long now = clock.instant().getEpochSecond();
    keycloak.claimsEdit.set(c -> c.put("iat", now - 900).put("auth_time", now - 900).put("exp", now - 300));
    OidcBrowser.Returned r = browser.goToProvider();
    assertProblem(browser.callback(r.query(), r.bindingCookie()), 401, OidcLogin.PROBLEM_ID_TOKEN, "EXPIRED");
  }

  @Test
  void anIdTokenForAnotherClientIsRefused() throws Exception {
    keycloak.claimsEdit.set(c -> c.put("aud", "another-app").put("azp", "another-app"));
    OidcBrowser.Returned r = browser.goToProvider();
    assertProblem(browser.callback(r.query(), r.bindingCookie()), 401, OidcLogin.PROBLEM_ID_TOKEN, "WRONG_AUDIENCE");
  }

  @Test
  void aFailedCodeExchangeSignsNobodyIn() throws Exception {
    keycloak.tokenStatus.set(500);
    OidcBrowser.Returned r = browser.goToProvider();
    assertProblem(browser.callback(r.query(), r.bindingCookie()), 502, OidcLogin.PROBLEM_PROVIDER, null);
  }

  @Test
  void aProviderThatDribblesItsTokenAnswerIsGivenUpAtTheDeadline() throws Exception {
    OidcBrowser.Returned r = browser.goToProvider();
    server.access.oidcLogin().exchangeDeadline(800);
    keycloak.dribble.set(true);
    try {
      long start = System.nanoTime();
      // A byte every 100 ms: never idle, far from the body limit; only the deadline ends the wait.
      assertProblem(browser.callback(r.query(), r.bindingCookie()), 503, OidcLogin.PROBLEM_PROVIDER, null);
      assertThat(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
      long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      while (keycloak.dribbling.get() > 0 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(keycloak.dribbling.get()).as("the connection is closed, not left to dribble").isZero();
    } finally {
      keycloak.dribble.set(false);
      server.access.oidcLogin().exchangeDeadline(OidcLogin.HTTP_TIMEOUT_MS);
    }
  }

  @Test
  void aTamperedCodeIsRefusedByTheProvider() throws Exception {
    OidcBrowser.Returned r = browser.goToProvider();
    String tampered = r.query().replaceAll("code=[^&]+", "code=not-the-code");
    assertProblem(browser.callback(tampered, r.bindingCookie()), 502, OidcLogin.PROBLEM_PROVIDER, null);
  }

  @Test
  void anUnknownKidIsRefusedUntilTheRotatedKeysMayBeFetched() throws Exception {
    OidcBrowser.Returned first = browser.goToProvider(); // makes sure the provider is discovered
    assertThat(browser.callback(first.query(), first.bindingCookie()).statusCode()).isEqualTo(303);
    TestIdp.Key rotated = TestIdp.fresh("k2-rotated", "EdDSA");
    keycloak.signingKey.set(rotated);
    int fetches = keycloak.jwksFetches.get();
    OidcBrowser.Returned tooSoon = browser.goToProvider();
    // Keys may be refetched at most once a minute: right after discovery the kid stays unknown.
    clock.set(clock.instant().plus(Duration.ofSeconds(1)));
    assertProblem(browser.callback(tooSoon.query(), tooSoon.bindingCookie()), 401, OidcLogin.PROBLEM_ID_TOKEN, "UNKNOWN_KID");
    assertThat(keycloak.jwksFetches.get()).isEqualTo(fetches);
    keycloak.jwks.set(TestIdp.jwks(KEY1, rotated));
    clock.set(clock.instant().plus(OidcProvider.MIN_REFRESH_INTERVAL));
    OidcBrowser.Returned later = browser.goToProvider();
    HttpResponse<String> accepted = browser.callback(later.query(), later.bindingCookie());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
    assertThat(keycloak.jwksFetches.get()).isGreaterThan(fetches);
  }

  @Test
  void overHttpsOnlyThePrefixedBindingCookieCountsAndTheSessionCookieIsHostPrefixed() throws Exception {
    OidcBrowser https = new OidcBrowser(http, keycloak, REDIRECT, "X-Forwarded-Proto", "https");
    // A binding cookie under the plain name (planted by a sibling sub-domain) is not read on https.
    OidcBrowser.Returned planted = https.goToProvider(OidcLogin.BROWSER_COOKIE_HTTPS);
    String plainBinding = OidcLogin.BROWSER_COOKIE + planted.bindingCookie().substring(
        planted.bindingCookie().indexOf('='));
    assertProblem(https.callback(planted.query(), plainBinding), 400, OidcLogin.PROBLEM_STATE, null);

    OidcBrowser.Returned r = https.goToProvider(OidcLogin.BROWSER_COOKIE_HTTPS);
    HttpResponse<String> done = https.callback(r.query(), r.bindingCookie());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(done.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(OidcLogin.BROWSER_COOKIE_HTTPS + "=;"));
    // __Host-: a sibling sub-domain, even over https, cannot plant its own binding (login CSRF).
    assertThat(OidcLogin.BROWSER_COOKIE_HTTPS).startsWith("__Host-");
    assertThat(done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(OidcLogin.BROWSER_COOKIE_HTTPS + "="))
        .map(c -> c.toLowerCase(java.util.Locale.ROOT)))
        .allSatisfy(c -> assertThat(c).contains("; secure").containsPattern("; path=/(;|$)").doesNotContain("domain="));
    assertThat(OidcBrowser.sessionCookie(done)).as("no plain-named session cookie on https").isEmpty();
    String set = done.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SessionCookie.HTTPS_NAME + "=")).findFirst().orElseThrow();
    assertThat(set.toLowerCase(java.util.Locale.ROOT)).contains("; secure").contains("; path=/;")
        .doesNotContain("domain=");
    String session = OidcBrowser.sessionCookie(done, SessionCookie.HTTPS_NAME).orElseThrow();
    JsonObject me = new JsonObject(http.send("GET", "/api/me", null, "X-Forwarded-Proto", "https", "Cookie", session)
        .body());
    assertThat(me.getString("role")).isEqualTo("councillor");
  }

  @Test
  void configEndpointSaysOidcIsOffered() throws Exception {
    JsonObject config = new JsonObject(http.send("GET", "/api/auth/config", null).body());
    assertThat(config.getJsonObject("oidc").getBoolean("enabled")).isTrue();
  }
}
