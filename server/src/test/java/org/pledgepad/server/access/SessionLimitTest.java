package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Sign-in when the session table is full, and the per-account cap on sessions. */
class SessionLimitTest extends EmbeddedAccessServerTest {
  private HttpResponse<String> login(String login) throws Exception {
    return http.send("POST", "/api/session",
        new JsonObject().put("login", login).put("password", server.passwords.get(login)).encode(),
        "Content-Type", "application/json");
  }

  @Test
  void signInBeyondTheSessionTableIsAnswered503() throws Exception {
    server.access.sessions().limits(2, 20);
    assertThat(login("demo-citizen").statusCode()).isEqualTo(200);
    assertThat(login("demo-moderator").statusCode()).isEqualTo(200);
    HttpResponse<String> full = login("demo-councillor");
    assertThat(full.statusCode()).as(full.body()).isEqualTo(503);
    assertThat(full.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(full.headers().firstValue("Retry-After")).isPresent();
    assertThat(new JsonObject(full.body()).getString("type")).isEqualTo("urn:pledgepad:problem:sessions-full");
    assertThat(full.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SessionCookie.PLAIN_NAME + "="));
  }

  @Test
  void anAccountAtItsCapLosesItsOldestSession() throws Exception {
    server.access.sessions().limits(100, 2);
    String first = AccessHttp.cookieOf(login("demo-citizen"));
    String second = AccessHttp.cookieOf(login("demo-citizen"));
    String third = AccessHttp.cookieOf(login("demo-citizen"));
    assertThat(http.whoAmI(first)).isNull();
    assertThat(http.whoAmI(second)).isEqualTo("demo-citizen");
    assertThat(http.whoAmI(third)).isEqualTo("demo-citizen");
    // A full table does not lock out an account at its cap: its own oldest session makes room.
    server.access.sessions().limits(2, 2);
    HttpResponse<String> again = login("demo-citizen");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(http.whoAmI(second)).isNull();
  }
}
