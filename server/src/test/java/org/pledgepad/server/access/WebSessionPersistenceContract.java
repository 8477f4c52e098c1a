package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cookie sessions kept in the database: they survive a restart of the server on the same store,
 * only hashes of their ids are stored, and logout, password change, disabling and both expiries
 * end them for good. Run over the embedded store and PostgreSQL by the subclasses.
 */
abstract class WebSessionPersistenceContract extends AccessStoreContract {
  private Map<String, String> passwords;

  WebSessionPersistenceContract(Store store) {
    super(store);
  }

  private void start() throws Exception {
    // The periodic re-check is slowed down: the tests call refresh() when they need one.
    start(Duration.ofHours(1));
    if (passwords == null) {
      passwords = server.passwords;
    }
  }

  private void restart() throws Exception {
    stopServer();
    start();
  }

  private List<String> storedHashes() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = accessDb();
        PreparedStatement ps = c.prepareStatement("SELECT id_hash FROM web_sessions ORDER BY id_hash");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static String value(String cookie) {
    return cookie.substring(cookie.indexOf('=') + 1);
  }

  @Test
  void aSessionSurvivesARestartAndOnlyItsHashIsStored() throws Exception {
    start();
    AccessHttp.Browser b = http.signIn("demo-citizen", passwords.get("demo-citizen"));
    assertThat(storedHashes()).containsExactly(WebSessions.hash(value(b.cookie()))).doesNotContain(value(b.cookie()));
    restart();
    JsonObject me = http.me(b.cookie());
    assertThat(me.getJsonObject("user").getString("login")).isEqualTo("demo-citizen");
    assertThat(me.getString("csrfToken")).isEqualTo(b.csrf());
    // The CSRF token still works after the restart: sign out with it.
    assertThat(http.send("DELETE", "/api/session", null, "Cookie", b.cookie(), "X-CSRF-Token", b.csrf()).statusCode())
        .isEqualTo(204);
    assertThat(storedHashes()).isEmpty();
    restart();
    assertThat(http.whoAmI(b.cookie())).isNull();
  }

  @Test
  void aPasswordChangeEndsTheOtherSessionsOfTheAccountButNotThisOne() throws Exception {
    start();
    String oneTime = passwords.get("demo-moderator");
    AccessHttp.Browser mine = http.signIn("demo-moderator", oneTime);
    AccessHttp.Browser other = http.signIn("demo-moderator", oneTime);
    AccessHttp.Browser someoneElse = http.signIn("demo-citizen", passwords.get("demo-citizen"));
    String change = new JsonObject().put("oldPassword", oneTime).put("newPassword", "ein neues langes Passwort").encode();
    assertThat(http.send("POST", "/api/session/password", change, "Cookie", mine.cookie(),
        "Content-Type", "application/json", "X-CSRF-Token", mine.csrf()).statusCode()).isEqualTo(204);
    assertThat(http.whoAmI(other.cookie())).isNull();
    assertThat(http.whoAmI(mine.cookie())).isEqualTo("demo-moderator");
    assertThat(http.whoAmI(someoneElse.cookie())).isEqualTo("demo-citizen");
    restart();
    assertThat(http.whoAmI(other.cookie())).isNull();
    assertThat(http.whoAmI(mine.cookie())).isEqualTo("demo-moderator");
  }

  @Test
  void disablingEndsTheSessionsAndEnablingDoesNotReviveThem() throws Exception {
    start();
    AccessHttp.Browser b = http.signIn("demo-councillor", passwords.get("demo-councillor"));
    server.access.users().setDisabled("demo-councillor", true);
    org.pledgepad.server.testing.Await.result(server.access.refresh());
    assertThat(http.whoAmI(b.cookie())).isNull();
    server.access.users().setDisabled("demo-councillor", false);
    org.pledgepad.server.testing.Await.result(server.access.refresh());
    restart();
    assertThat(http.whoAmI(b.cookie())).isNull();
    assertThat(storedHashes()).isEmpty();
  }

  @Test
  void anIdleSessionEndsAndStaysEndedAcrossARestart() throws Exception {
    start();
    AccessHttp.Browser b = http.signIn("demo-citizen", passwords.get("demo-citizen"));
    clock.advance(WebSessions.DEFAULT_IDLE.minusMinutes(1));
    assertThat(http.whoAmI(b.cookie())).isEqualTo("demo-citizen"); // used: the idle timer restarts
    org.pledgepad.server.testing.Await.result(server.access.refresh()); // writes the last use
    restart();
    clock.advance(WebSessions.DEFAULT_IDLE.minusMinutes(1));
    assertThat(http.whoAmI(b.cookie())).as("last use was persisted before the restart").isEqualTo("demo-citizen");
    clock.advance(WebSessions.DEFAULT_IDLE);
    assertThat(http.whoAmI(b.cookie())).isNull();
    restart();
    assertThat(http.whoAmI(b.cookie())).isNull();
    assertThat(storedHashes()).isEmpty();
  }

  @Test
  void aSessionInUseStillEndsAtItsAbsoluteExpiry() throws Exception {
    start();
    AccessHttp.Browser b = http.signIn("demo-citizen", passwords.get("demo-citizen"));
    Duration step = WebSessions.DEFAULT_IDLE.dividedBy(2);
    Instant end = clock.instant().plus(WebSessions.DEFAULT_LIFETIME);
    while (clock.instant().plus(step).isBefore(end)) {
      clock.advance(step);
      assertThat(http.whoAmI(b.cookie())).isEqualTo("demo-citizen");
    }
    clock.set(end);
    assertThat(http.whoAmI(b.cookie())).isNull();
  }
}
