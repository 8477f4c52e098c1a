package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sign-out, /api/me and CSRF over real HTTP. */
class AccessRestTest {
  @TempDir
  Path dataDir;
  private AccessTestServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.harness.httpBase() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> login(String login, String password) throws Exception {
    return send("POST", "/api/session", new JsonObject().put("login", login).put("password", password).encode(),
        "Content-Type", "application/json");
  }

  static String cookieOf(HttpResponse<String> r) {
    String set = r.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  @Test
  void demoAccountsArePrintedOncePerRole() {
    assertThat(server.passwords).containsOnlyKeys("demo-guest", "demo-citizen", "demo-councillor",
        "demo-moderator", "demo-admin");
  }

  @Test
  void guestIsAnonymousWithoutCsrfToken() throws Exception {
    JsonObject me = new JsonObject(send("GET", "/api/me", null).body());
    assertThat(me).isEqualTo(new JsonObject().put("role", "guest").putNull("user").putNull("csrfToken")
        .put("mustChangePassword", false));
  }

  @Test
  void wrongPasswordIsRefusedWithAProblem() throws Exception {
    HttpResponse<String> r = login("demo-councillor", "not-the-password-at-all");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(new JsonObject(r.body()).getString("type")).isEqualTo(AccessProblems.INVALID_CREDENTIALS);
    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void loginSetsAStrictHttpOnlyCookieAndMeShowsTheUser() throws Exception {
    HttpResponse<String> r = login("demo-councillor", server.passwords.get("demo-councillor"));
    assertThat(r.statusCode()).isEqualTo(200);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie.toLowerCase(java.util.Locale.ROOT)).contains("; httponly").contains("samesite=strict").doesNotContain("secure");
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("role")).isEqualTo("councillor");
    assertThat(body.getBoolean("mustChangePassword")).isTrue();
    JsonObject me = new JsonObject(send("GET", "/api/me", null, "Cookie", cookieOf(r)).body());
    assertThat(me.getJsonObject("user").getString("login")).isEqualTo("demo-councillor");
    assertThat(me.getJsonObject("user").fieldNames()).containsExactlyInAnyOrder("id", "login", "displayName", "pseudonym", "bodies");
    assertThat(me.getString("csrfToken")).isEqualTo(body.getString("csrfToken")).isNotBlank();
  }

  @Test
  void logoutNeedsTheCsrfTokenAndEndsTheSession() throws Exception {
    HttpResponse<String> r = login("demo-citizen", server.passwords.get("demo-citizen"));
    String cookie = cookieOf(r);
    String csrf = new JsonObject(r.body()).getString("csrfToken");
    HttpResponse<String> noToken = send("DELETE", "/api/session", null, "Cookie", cookie);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(noToken.body()).getString("type")).isEqualTo(AccessProblems.CSRF);
    assertThat(send("DELETE", "/api/session", null, "Cookie", cookie, "X-CSRF-Token", "wrong").statusCode()).isEqualTo(403);
    assertThat(send("DELETE", "/api/session", null, "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(204);
    JsonObject me = new JsonObject(send("GET", "/api/me", null, "Cookie", cookie).body());
    assertThat(me.getString("role")).isEqualTo("guest");
    assertThat(me.getValue("user")).isNull();
  }

  @Test
  void passwordChangeNeedsTheOldPasswordAndTheNewOneWorks() throws Exception {
    String oneTime = server.passwords.get("demo-moderator");
    HttpResponse<String> r = login("demo-moderator", oneTime);
    String cookie = cookieOf(r);
    String csrf = new JsonObject(r.body()).getString("csrfToken");
    String change = new JsonObject().put("oldPassword", oneTime).put("newPassword", "ein neues langes Passwort").encode();
    assertThat(send("POST", "/api/session/password", change, "Cookie", cookie, "Content-Type", "application/json")
        .statusCode()).isEqualTo(403);
    String wrongOld = new JsonObject().put("oldPassword", "falsch-falsch-falsch").put("newPassword", "ein neues langes Passwort").encode();
    assertThat(send("POST", "/api/session/password", wrongOld, "Cookie", cookie, "Content-Type", "application/json",
        "X-CSRF-Token", csrf).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/session/password", change, "Cookie", cookie, "Content-Type", "application/json",
        "X-CSRF-Token", csrf).statusCode()).isEqualTo(204);
    HttpResponse<String> again = login("demo-moderator", "ein neues langes Passwort");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body()).getBoolean("mustChangePassword")).isFalse();
  }

  @Test
  void aNewPasswordThatIsEasyToGuessIsAnswered400WithTheReasonAndTheOldOneStays() throws Exception {
    String oneTime = server.passwords.get("demo-guest");
    AccessHttp.Browser guest = new AccessHttp(server.harness.httpBase()).signIn("demo-guest", oneTime);
    for (String[] weak : new String[][] {{"passwort1234", "words"}, {"demo-guest-2024", "personal"},
        {"qwertzuiopü+", "keyboard"}}) {
      HttpResponse<String> r = send("POST", "/api/session/password", new JsonObject().put("oldPassword", oneTime)
          .put("newPassword", weak[0]).encode(), "Cookie", guest.cookie(),
          "Content-Type", "application/json", AccessGuard.CSRF_HEADER, guest.csrf());
      assertThat(r.statusCode()).as(weak[0]).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonObject problem = new JsonObject(r.body());
      assertThat(problem.getString("type")).isEqualTo(AccessProblems.PASSWORD_TOO_GUESSABLE);
      assertThat(problem.getString("reason")).as(weak[0]).isEqualTo(weak[1]);
      assertThat(r.body()).doesNotContain(weak[0]);
    }
    HttpResponse<String> still = login("demo-guest", oneTime);
    assertThat(still.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(still.body()).getBoolean("mustChangePassword")).isTrue();
  }

  @Test
  void aThrottledPasswordChangeIsAnswered429NotWrongPassword() throws Exception {
    String oneTime = server.passwords.get("demo-admin");
    AccessHttp.Browser admin = new AccessHttp(server.harness.httpBase()).signIn("demo-admin", oneTime);
    for (int i = 0; i < 4; i++) {
      assertThat(changePassword(admin, "falsch-" + i).statusCode()).isEqualTo(403);
    }
    HttpResponse<String> throttled = changePassword(admin, oneTime);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<String> changePassword(AccessHttp.Browser b, String oldPassword) throws Exception {
    return send("POST", "/api/session/password", new JsonObject().put("oldPassword", oldPassword)
        .put("newPassword", "ein neues langes Passwort").encode(), "Cookie", b.cookie(),
        "Content-Type", "application/json", AccessGuard.CSRF_HEADER, b.csrf());
  }

  @Test
  void draftsAreHiddenFromThoseWhoMayNotReadThem() throws Exception {
    String draft = AccessTestServer.DRAFT_DOC;
    assertThat(send("GET", "/api/documents", null).body()).doesNotContain(draft);
    assertThat(send("GET", "/api/documents/" + draft, null).statusCode()).isEqualTo(404);
    String member = "Bearer " + server.tokenFor(org.pledgepad.auth.Role.COUNCILLOR);
    assertThat(send("GET", "/api/documents", null, "Authorization", member).body()).contains(draft);
    assertThat(send("GET", "/api/documents/" + draft, null, "Authorization", member).statusCode()).isEqualTo(200);
  }

  @Test
  void loginAcceptsJsonOnly() throws Exception {
    HttpResponse<String> r = send("POST", "/api/session", "login=demo-admin&password=x",
        "Content-Type", "application/x-www-form-urlencoded");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(send("POST", "/api/session", "[1]", "Content-Type", "application/json").statusCode()).isEqualTo(400);
  }

  @Test
  void repeatedFailuresAreThrottledWithRetryAfter() throws Exception {
    HttpResponse<String> last = null;
    for (int i = 0; i < 12; i++) {
      last = login("demo-admin", "wrong-password-" + i);
      if (last.statusCode() == 429) {
        break;
      }
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(new JsonObject(last.body()).getString("type")).isEqualTo(AccessProblems.TOO_MANY_ATTEMPTS);
  }

  @Test
  void bearerTokenIdentifiesTheCallerAndABadOneIs401() throws Exception {
    String token = server.tokenFor(org.pledgepad.auth.Role.MODERATOR);
    JsonObject me = new JsonObject(send("GET", "/api/me", null, "Authorization", "Bearer " + token).body());
    assertThat(me.getString("role")).isEqualTo("moderator");
    HttpResponse<String> bad = send("GET", "/api/me", null, "Authorization", "Bearer " + token + "x");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(bad.body()).getString("type")).isEqualTo(AccessProblems.INVALID_TOKEN);
  }

  @Test
  void oidcEndpointsAnswer404WhenItIsNotConfigured() throws Exception {
    JsonObject config = new JsonObject(send("GET", "/api/auth/config", null).body());
    assertThat(config.getJsonObject("oidc").getBoolean("enabled")).isFalse();
    for (String path : new String[] {"/api/auth/oidc/login", "/api/auth/oidc/callback?state=x&code=y"}) {
      HttpResponse<String> r = send("GET", path, null);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(new JsonObject(r.body()).getString("type")).isEqualTo(OidcLogin.PROBLEM_DISABLED);
    }
  }
}
