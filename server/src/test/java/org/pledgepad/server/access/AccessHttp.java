package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls against a test server: sign-in with the cookie and CSRF token it returns. */
final class AccessHttp {
  /** A signed-in browser: the cookie pair to send and the token for X-CSRF-Token. */
  record Browser(String cookie, String csrf) {}

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  AccessHttp(String base) {
    this.base = base;
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  Browser signIn(String login, String password) throws Exception {
    HttpResponse<String> r = send("POST", "/api/session",
        new JsonObject().put("login", login).put("password", password).encode(), "Content-Type", "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new Browser(cookieOf(r), new JsonObject(r.body()).getString("csrfToken"));
  }

  /**
   * Signs in with a one-time password and replaces it by {@code next} in the same step, as a
   * person does at the first sign-in: until then the session may do nothing but that.
   */
  Browser signInReplacing(String login, String oneTime, String next) throws Exception {
    HttpResponse<String> r = send("POST", "/api/session",
        new JsonObject().put("login", login).put("password", oneTime).encode(), "Content-Type", "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getBoolean("mustChangePassword")).as("a one-time password").isTrue();
    Browser b = new Browser(cookieOf(r), new JsonObject(r.body()).getString("csrfToken"));
    HttpResponse<String> changed = send("POST", "/api/session/password",
        new JsonObject().put("oldPassword", oneTime).put("newPassword", next).encode(), "Cookie", b.cookie(),
        "Content-Type", "application/json", AccessGuard.CSRF_HEADER, b.csrf());
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    return b;
  }

  /** /api/me as seen with this cookie (null: none). */
  JsonObject me(String cookie) throws Exception {
    HttpResponse<String> r = cookie == null ? send("GET", "/api/me", null) : send("GET", "/api/me", null, "Cookie", cookie);
    assertThat(r.statusCode()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  /** The login /api/me reports for this cookie, or null for a guest. */
  String whoAmI(String cookie) throws Exception {
    JsonObject user = me(cookie).getJsonObject("user");
    return user == null ? null : user.getString("login");
  }

  static String cookieOf(HttpResponse<String> r) {
    String set = r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SessionCookie.PLAIN_NAME + "=")).findFirst().orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }
}
