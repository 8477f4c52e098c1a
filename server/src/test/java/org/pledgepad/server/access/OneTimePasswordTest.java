package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Role;
import org.pledgepad.server.access.SyncClient.Msg;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.testing.Await;

/**
 * A session signed in with a one-time password may read /api/me, change the password and sign
 * out; everything else it does counts as a guest's, account routes answer 403
 * password-change-required. The change lifts that at once, open sockets included.
 */
class OneTimePasswordTest {
  private static final String DRAFT = AccessTestServer.DRAFT_DOC;
  @TempDir
  static Path dataDir;
  private static AccessTestServer server;
  private static AccessHttp http;

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of());
    http = new AccessHttp(server.harness.httpBase());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path, AccessHttp.Browser b) throws Exception {
    return http.send("GET", path, null, "Cookie", b.cookie());
  }

  private static HttpResponse<String> change(AccessHttp.Browser b, String old, String fresh) throws Exception {
    return http.send("POST", "/api/session/password",
        new JsonObject().put("oldPassword", old).put("newPassword", fresh).encode(),
        "Cookie", b.cookie(), "Content-Type", "application/json", AccessGuard.CSRF_HEADER, b.csrf());
  }

  /** The scope of the latest Hocuspocus Authenticated message up to one that matches {@code scope}. */
  private static String awaitScope(SyncClient c, String scope) throws Exception {
    Msg m = c.until(x -> x.closed() || x.type() == 2 && scope.equals(x.text())).stream()
        .reduce((x, y) -> y).orElseThrow();
    return m.type() == 2 ? m.text() : "closed";
  }

  @Test
  void aOneTimePasswordSessionIsAGuestUntilThePasswordIsChanged() throws Exception {
    String oneTime = server.passwords.get("demo-councillor");
    AccessHttp.Browser b = http.signIn("demo-councillor", oneTime);

    JsonObject me = http.me(b.cookie());
    assertThat(me.getJsonObject("user").getString("login")).isEqualTo("demo-councillor");
    assertThat(me.getBoolean("mustChangePassword")).isTrue();
    assertThat(me.getString("csrfToken")).isEqualTo(b.csrf());
    // The member's draft is hidden as from a guest; account routes say what is missing.
    assertThat(get("/api/documents/" + DRAFT, b).statusCode()).isEqualTo(404);
    HttpResponse<String> data = get("/api/me/data", b);
    assertThat(data.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(data.body()).getString("type")).isEqualTo(AccessProblems.PASSWORD_CHANGE_REQUIRED);
    // An admin-issued token of the same account involves no password and is not affected.
    assertThat(http.send("GET", "/api/documents/" + DRAFT, null,
        "Authorization", "Bearer " + server.tokenFor(Role.COUNCILLOR)).statusCode()).isEqualTo(200);

    try (SyncClient draft = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), DRAFT, null,
        Map.of("Cookie", b.cookie()));
        SyncClient open = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(),
            AccessTestServer.CONSULTATION_DOC, null, Map.of("Cookie", b.cookie()))) {
      Msg refused = draft.until(m -> m.type() == 2).get(0);
      assertThat(refused.sub()).as("permission denied").isEqualTo(1);
      assertThat(open.until(m -> m.type() == 2).get(0).text()).isEqualTo("readonly");

      assertThat(change(b, oneTime, "ein ganz neues Passwort").statusCode()).isEqualTo(204);

      // Lifted for the very next request, and the open socket is told its new scope.
      assertThat(http.me(b.cookie()).getBoolean("mustChangePassword")).isFalse();
      assertThat(get("/api/documents/" + DRAFT, b).statusCode()).isEqualTo(200);
      assertThat(get("/api/me/data", b).statusCode()).isEqualTo(200);
      assertThat(awaitScope(open, "read-write")).isEqualTo("read-write");
    }
  }

  @Test
  void theOneTimePasswordCannotBeKeptAsTheNewOne() throws Exception {
    String oneTime = server.passwords.get("demo-citizen");
    AccessHttp.Browser b = http.signIn("demo-citizen", oneTime);
    HttpResponse<String> same = change(b, oneTime, oneTime);
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(same.body()).getString("type")).isEqualTo(AccessProblems.PASSWORD_UNCHANGED);
    assertThat(http.me(b.cookie()).getBoolean("mustChangePassword")).isTrue();
  }

  /**
   * An operator's `user reset-password` (a forgotten or exposed password) puts the account back on
   * a one-time password: its open session acts as a guest from the next access refresh on.
   */
  @Test
  void anOperatorsPasswordResetPutsTheOpenSessionBackOnTheOneTimeRule() throws Exception {
    AccessHttp.Browser b = server.signIn(http, "demo-admin");
    assertThat(get("/api/me/data", b).statusCode()).isEqualTo(200);

    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(LauncherCommands.run(new String[] {"user", "reset-password", "demo-admin"},
        Map.of("DATA_DIR", dataDir.toString()), print, print)).as(out.toString()).isZero();
    assertThat(out.toString()).contains("new one-time password for demo-admin: ");
    Await.result(server.access.refresh());

    assertThat(http.me(b.cookie()).getBoolean("mustChangePassword")).isTrue();
    HttpResponse<String> data = get("/api/me/data", b);
    assertThat(data.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(data.body()).getString("type")).isEqualTo(AccessProblems.PASSWORD_CHANGE_REQUIRED);
  }

  @Test
  void signingOutNeedsNoPasswordChange() throws Exception {
    AccessHttp.Browser b = http.signIn("demo-moderator", server.passwords.get("demo-moderator"));
    assertThat(http.send("DELETE", "/api/session", null, "Cookie", b.cookie(), AccessGuard.CSRF_HEADER, b.csrf())
        .statusCode()).isEqualTo(204);
    assertThat(http.whoAmI(b.cookie())).isNull();
  }
}
