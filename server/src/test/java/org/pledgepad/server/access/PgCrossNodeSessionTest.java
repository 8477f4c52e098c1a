package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.FreshPgDatabase;

/**
 * Two server nodes on one PostgreSQL database, as behind a load balancer without cookie
 * affinity: a browser session signed in on one works on the other (REST and WebSocket), ending
 * it on one ends it on the other within a re-check period, and cookies that are no session do
 * not turn into unbounded table reads. (The embedded store is single-node, so PostgreSQL only.)
 */
class PgCrossNodeSessionTest {
  @TempDir
  Path dirA;
  @TempDir
  Path dirB;
  private static final AtomicLong CLIENT_IDS = new AtomicLong(91_000);
  /** Node B's clock stands still unless a test moves it: the look-up budget window is then exact. */
  private final TestClock clockB = new TestClock(Instant.now());
  private FreshPgDatabase database;
  private AccessTestServer a;
  private AccessTestServer b;
  private AccessHttp httpA;
  private AccessHttp httpB;

  @BeforeEach
  void startTwoNodes() throws Exception {
    database = FreshPgDatabase.create("pledgepad_nodes_");
    Map<String, String> env = Map.of("DATABASE_URL", database.url);
    a = AccessTestServer.start(dirA, env); // the first start creates the demo accounts
    b = AccessTestServer.start(dirB, env, Duration.ofMillis(200), clockB, UnaryOperator.identity());
    httpA = new AccessHttp(a.harness.httpBase());
    httpB = new AccessHttp(b.harness.httpBase());
  }

  @AfterEach
  void stop() {
    for (AccessTestServer s : new AccessTestServer[] {b, a}) {
      if (s != null) {
        s.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  private AccessHttp.Browser signInOnA(String login) throws Exception {
    return httpA.signIn(login, a.passwords.get(login));
  }

  /**
   * A session on A that may act on both nodes: the one-time password replaced, and B's access
   * snapshot (re-read every 200 ms) past that change.
   */
  private AccessHttp.Browser actingOnA(String login) throws Exception {
    AccessHttp.Browser s = a.signIn(httpA, login);
    Eventually.until("B knows the password was changed", () -> {
      try {
        return !httpB.me(s.cookie()).getBoolean("mustChangePassword");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return s;
  }

  private static boolean signedOut(AccessHttp node, String cookie) {
    try {
      return node.whoAmI(cookie) == null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private SyncClient socketOnB(String cookie) throws Exception {
    return SyncClient.connect(Protocol.HOCUSPOCUS, b.harness.wsBase(), AccessTestServer.CONSULTATION_DOC, null,
        Map.of("Cookie", cookie));
  }

  @Test
  void aSessionSignedInOnOneNodeWorksOnTheOtherOverRestAndWebSocket() throws Exception {
    AccessHttp.Browser rest = actingOnA("demo-councillor");
    assertThat(httpB.whoAmI(rest.cookie())).isEqualTo("demo-councillor");
    assertThat(httpB.me(rest.cookie()).getString("csrfToken")).isEqualTo(rest.csrf());
    // A session B has never seen, first used by a WebSocket upgrade.
    AccessHttp.Browser ws = actingOnA("demo-councillor");
    try (SyncClient c = socketOnB(ws.cookie())) {
      assertThat(c.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      c.sendUpdate(AccessWebSocketTest.updateFrom(CLIENT_IDS.incrementAndGet()));
      assertThat(c.until(m -> m.type() == 8).stream().reduce((x, y) -> y).orElseThrow().sub()).isEqualTo(1);
    }
    // First use on B is a write with a body: the request waits for the look-up, then its body is read.
    AccessHttp.Browser write = signInOnA("demo-citizen");
    String change = new io.vertx.core.json.JsonObject().put("oldPassword", a.passwords.get("demo-citizen"))
        .put("newPassword", "ein neues langes Passwort").encode();
    assertThat(httpB.send("POST", "/api/session/password", change, "Cookie", write.cookie(),
        "Content-Type", "application/json", "X-CSRF-Token", write.csrf()).statusCode()).isEqualTo(204);
  }

  @Test
  void signingOutOnOneNodeEndsTheSessionOnTheOtherAndDowngradesItsSockets() throws Exception {
    AccessHttp.Browser s = actingOnA("demo-councillor");
    assertThat(httpB.whoAmI(s.cookie())).isEqualTo("demo-councillor"); // cached on B from now on
    try (SyncClient c = socketOnB(s.cookie())) {
      assertThat(c.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      assertThat(httpA.send("DELETE", "/api/session", null, "Cookie", s.cookie(), "X-CSRF-Token", s.csrf())
          .statusCode()).isEqualTo(204);
      Eventually.until("B sees the sign-out", () -> signedOut(httpB, s.cookie()));
      // The open socket on B was re-checked with the session gone: its updates are refused.
      boolean refused = false;
      while (!refused) {
        c.sendUpdate(AccessWebSocketTest.updateFrom(CLIENT_IDS.incrementAndGet()));
        refused = c.until(m -> m.type() == 8).stream().reduce((x, y) -> y).orElseThrow().sub() == 0;
      }
      assertThat(refused).isTrue();
    }
  }

  @Test
  void aPasswordChangeOnOneNodeEndsTheOtherSessionsOnTheOther() throws Exception {
    String oneTime = a.passwords.get("demo-moderator");
    AccessHttp.Browser mine = signInOnA("demo-moderator");
    AccessHttp.Browser other = signInOnA("demo-moderator");
    assertThat(httpB.whoAmI(other.cookie())).isEqualTo("demo-moderator");
    String change = new io.vertx.core.json.JsonObject().put("oldPassword", oneTime)
        .put("newPassword", "ein neues langes Passwort").encode();
    assertThat(httpA.send("POST", "/api/session/password", change, "Cookie", mine.cookie(),
        "Content-Type", "application/json", "X-CSRF-Token", mine.csrf()).statusCode()).isEqualTo(204);
    Eventually.until("B ends the other session", () -> signedOut(httpB, other.cookie()));
    assertThat(httpB.whoAmI(mine.cookie())).isEqualTo("demo-moderator");
  }

  @Test
  void theCapPerAccountCountsTheSharedTableNotOneNodesMemory() throws Exception {
    a.access.sessions().limits(100, 2);
    b.access.sessions().limits(100, 2);
    AccessHttp.Browser first = signInOnA("demo-citizen");
    AccessHttp.Browser second = signInOnA("demo-citizen");
    // B has never seen either: before, its cap counted only its own memory, and this made three
    AccessHttp.Browser third = httpB.signIn("demo-citizen", a.passwords.get("demo-citizen"));

    assertThat(httpB.whoAmI(first.cookie())).as("the oldest, ended in the table").isNull();
    assertThat(httpB.whoAmI(second.cookie())).isEqualTo("demo-citizen");
    assertThat(httpB.whoAmI(third.cookie())).isEqualTo("demo-citizen");
    Eventually.until("A drops the oldest at its re-validation", () -> signedOut(httpA, first.cookie()));
    assertThat(httpA.whoAmI(second.cookie())).isEqualTo("demo-citizen");
  }

  @Test
  void cookiesThatAreNoSessionDoNotReadTheTableWithoutBound() throws Exception {
    WebSessions sessions = b.access.sessions();
    long start = sessions.lookups();
    String unknown = SessionCookie.PLAIN_NAME + "=" + randomId();
    for (int i = 0; i < 30; i++) {
      assertThat(httpB.whoAmI(unknown)).isNull();
    }
    assertThat(sessions.lookups() - start).as("one unknown id is read once, then remembered").isEqualTo(1);
    for (int i = 0; i < 3 * SessionMisses.LOOKUPS_PER_WINDOW; i++) {
      assertThat(httpB.whoAmI(SessionCookie.PLAIN_NAME + "=" + randomId())).isNull();
    }
    assertThat(sessions.lookups() - start).as("distinct random ids from one address: at most the budget")
        .isEqualTo(SessionMisses.LOOKUPS_PER_WINDOW);
    // Once the window has passed, the same address gets look-ups again: a real session works.
    clockB.advance(Duration.ofMillis(SessionMisses.WINDOW_MS));
    AccessHttp.Browser s = signInOnA("demo-citizen");
    assertThat(httpB.whoAmI(s.cookie())).isEqualTo("demo-citizen");
  }

  private static String randomId() {
    byte[] id = new byte[32];
    new SecureRandom().nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }
}
