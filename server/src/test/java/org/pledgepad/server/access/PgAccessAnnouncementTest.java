package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Role;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.FreshPgDatabase;

/**
 * Two nodes on one PostgreSQL whose periodic access re-check is an hour away: what one node
 * changes in document access (a started motion, an invited commenter) reaches the other through
 * the database's announcement ({@link AccessChanges}), as a load balancer without affinity needs
 * when the editor opened right after "Neuer Antrag" lands on the other node.
 */
class PgAccessAnnouncementTest {
  @TempDir
  Path dirA;
  @TempDir
  Path dirB;
  private FreshPgDatabase database;
  private AccessTestServer a;
  private AccessTestServer b;

  @BeforeEach
  void startTwoNodes() throws Exception {
    database = FreshPgDatabase.create("pledgepad_announce_");
    Map<String, String> env = Map.of("DATABASE_URL", database.url);
    a = AccessTestServer.start(dirA, env, Duration.ofHours(1), Clock.systemUTC(), UnaryOperator.identity());
    b = AccessTestServer.start(dirB, env, Duration.ofHours(1), Clock.systemUTC(), UnaryOperator.identity());
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

  private static int status(AccessTestServer node, String path, String token) throws Exception {
    return new AccessHttp(node.harness.httpBase()).send("GET", path, null, "Authorization", "Bearer " + token).statusCode();
  }

  @Test
  void aMotionStartedOnOneNodeOpensOnTheOtherAndAnInvitationFollows() throws Exception {
    String councillor = a.tokenFor(Role.COUNCILLOR);
    HttpResponse<String> created = new AccessHttp(a.harness.httpBase()).send("POST", "/api/documents",
        new JsonObject().put("title", "Antrag: Trinkbrunnen").encode(), "Content-Type", "application/json",
        "Authorization", "Bearer " + councillor);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = "/api/documents/" + new JsonObject(created.body()).getString("name");
    Eventually.within(10_000, "node B knows the new motion's owner", () -> {
      try {
        return status(b, path, b.tokenFor(Role.COUNCILLOR)) == 200; // each node signs with its own key
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    String citizen = b.tokenFor(Role.CITIZEN);
    assertThat(status(b, path, citizen)).isEqualTo(404);
    HttpResponse<String> invited = new AccessHttp(a.harness.httpBase()).send("PATCH", path,
        new JsonObject().put("commenters", new JsonArray().add("demo-citizen")).encode(), "Content-Type", "application/json",
        "Authorization", "Bearer " + a.tokenFor(Role.ADMIN));
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
    Eventually.within(10_000, "node B lets the invited citizen read the draft", () -> {
      try {
        return status(b, path, citizen) == 200;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void anAccountDisabledFromTheCommandLineIsCutOffOnEveryNodeAtOnce() throws Exception {
    org.pledgepad.auth.User user = new org.pledgepad.auth.User("rat-b", "rat-b", "Rat B", false, Role.COUNCILLOR,
        java.util.Set.of(org.pledgepad.auth.password.DemoAccounts.DEMO_BODY), false);
    a.access.users().add(user, null, false);
    String token = b.issue(user.principal(), Duration.ofMinutes(5));
    Eventually.within(10_000, "node B knows the new account", () -> b.access.account("rat-b").isPresent());
    try (SyncClient c = SyncClient.connect(SyncClient.Protocol.Y_WEBSOCKET, b.harness.wsBase(),
        AccessTestServer.CONSULTATION_DOC, token, Map.of())) {
      c.until(m -> m.type() == 0 && m.sub() == 0);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(LauncherCommands.run(new String[] {"user", "disable", "rat-b"},
          Map.of("DATABASE_URL", database.url, "DATA_DIR", dirA.toString()), print, print)).as(out.toString()).isZero();
      c.until(m -> false); // reads until the server closes the socket (or the client's own time limit)
      assertThat(c.ws.closeCode).as("closed by node B for the disabled account").isEqualTo(4403);
    }
  }

  /**
   * A draft deleted on one node: an admin connected to it on the other is closed by that node at
   * once (the deleted name is announced with the access rows), and cannot open it there again.
   */
  @Test
  void aDraftDeletedOnOneNodeClosesAnAdminsConnectionOnTheOther() throws Exception {
    String councillor = a.tokenFor(Role.COUNCILLOR);
    AccessHttp onA = new AccessHttp(a.harness.httpBase());
    HttpResponse<String> created = onA.send("POST", "/api/documents",
        new JsonObject().put("title", "Antrag: doppelt").encode(), "Content-Type", "application/json",
        "Authorization", "Bearer " + councillor);
    String name = new JsonObject(created.body()).getString("name");
    Eventually.within(10_000, "node B knows the new motion", () -> b.access.documentAccess(name).ownerBody()
        .equals(org.pledgepad.auth.password.DemoAccounts.DEMO_BODY));
    String admin = b.tokenFor(Role.ADMIN);
    try (SyncClient c = SyncClient.connect(SyncClient.Protocol.HOCUSPOCUS, b.harness.wsBase(), name, admin, Map.of())) {
      assertThat(c.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      assertThat(onA.send("DELETE", "/api/documents/" + name, null, "Authorization", "Bearer " + councillor).statusCode())
          .isEqualTo(204);
      java.util.List<SyncClient.Msg> got = c.until(m -> m.type() == 2 && m.sub() == 1);
      assertThat(got.get(got.size() - 1).text()).as("closed by node B").isEqualTo("document-deleted");
    }
    try (SyncClient again = SyncClient.connect(SyncClient.Protocol.HOCUSPOCUS, b.harness.wsBase(), name, admin, Map.of())) {
      java.util.List<SyncClient.Msg> got = again.until(m -> m.type() == 2);
      assertThat(got.get(got.size() - 1).text()).isEqualTo("document-deleted");
    }
  }
}
