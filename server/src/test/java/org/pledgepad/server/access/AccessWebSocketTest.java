package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.access.SyncClient.Msg;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.testing.Eventually;

/**
 * Role x operation over both WebSocket protocols, with the auth library's Authorizer (the one
 * permission table) as the expectation; token attacks refused at the upgrade; downgrades while
 * connected.
 */
class AccessWebSocketTest {
  @TempDir
  static Path dataDir;
  private static AccessTestServer server;
  private static final AtomicLong CLIENT_IDS = new AtomicLong(7_000);
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private long headSeq(String doc) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.harness.httpBase() + "/api/documents/" + doc))
        .header("Authorization", "Bearer " + server.tokenFor(Role.ADMIN)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).getLong("headSeq");
  }

  static byte[] updateFrom(long clientId) {
    Doc d = new Doc(new DocOptions().clientID(clientId));
    d.getText("probe").insert(0, "x");
    return Y.encodeStateAsUpdate(d);
  }

  private static Principal principal(Role role) {
    if (role == Role.GUEST) {
      return Principal.anonymous();
    }
    String login = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
    return new Principal(login, login, "Demo", true, role,
        role == Role.COUNCILLOR ? Set.of(org.pledgepad.auth.password.DemoAccounts.DEMO_BODY) : Set.of(), null);
  }

  @Test
  void everyRoleGetsWhatThePermissionTableSaysOverBothProtocols() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Protocol protocol : Protocol.values()) {
      for (String doc : List.of(AccessTestServer.CONSULTATION_DOC, AccessTestServer.DRAFT_DOC)) {
        for (Role role : Role.values()) {
          String cell = protocol + " " + doc + " " + role;
          DocumentAccess access = server.access.documentAccess(doc);
          Principal p = principal(role);
          boolean read = Authorizer.isAllowed(p, access, Operation.READ);
          boolean write = Authorizer.isAllowed(p, access, Operation.SYNC_WRITE);
          boolean aware = Authorizer.isAllowed(p, access, Operation.AWARENESS);
          String token = role == Role.GUEST ? null : server.tokenFor(role);
          // Whether presence is passed on is seen by another connection: a client's own
          // presence comes back to it either way (GuestKeepAliveTest).
          try (SyncClient observer = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), doc,
                  server.tokenFor(Role.ADMIN), Map.of());
              SyncClient c = SyncClient.connect(protocol, server.harness.wsBase(), doc, token, Map.of())) {
            observer.until(m -> m.type() == 0 && m.sub() == 0);
            List<Msg> first = c.until(m -> m.type() == 2 || (m.type() == 0 && m.sub() == 0));
            Msg last = first.get(first.size() - 1);
            boolean denied = last.type() == 2 && last.sub() == (protocol == Protocol.Y_WEBSOCKET ? 0 : 1);
            if (denied == read) {
              failures.add(cell + ": READ expected " + read);
              continue;
            }
            if (!read) {
              continue;
            }
            if (protocol == Protocol.HOCUSPOCUS) {
              // The auth answer names the mode; the server's step 1 follows it.
              if (!(last.type() == 2 && last.sub() == 2 && last.text().equals(write ? "read-write" : "readonly"))) {
                failures.add(cell + ": Hocuspocus scope expected " + (write ? "read-write" : "readonly"));
              }
              c.until(m -> m.type() == 0 && m.sub() == 0);
            }
            long clientId = CLIENT_IDS.incrementAndGet();
            c.sendAwareness(clientId, 1, "{\"user\":{\"name\":\"probe\"}}");
            c.sendStep1(new byte[] {0});
            c.until(m -> m.type() == 0 && m.sub() == 1);
            // The session handles messages in order: what the probe's presence caused was sent
            // before the observer's step 2.
            observer.sendStep1(new byte[] {0});
            List<Msg> seenByObserver = observer.until(m -> m.type() == 0 && m.sub() == 1);
            if (SyncClient.hasAwarenessOf(seenByObserver, clientId) != aware) {
              failures.add(cell + ": AWARENESS expected " + aware);
            }
            long before = headSeq(doc);
            c.sendUpdate(updateFrom(clientId));
            if (protocol == Protocol.HOCUSPOCUS) {
              Msg status = c.until(m -> m.type() == 8).stream().reduce((a, b) -> b).orElseThrow();
              if ((status.sub() == 1) != write) {
                failures.add(cell + ": SYNC_WRITE expected " + write);
              }
            } else {
              c.sendStep1(new byte[] {0});
              List<Msg> reply = c.until(m -> m.type() == 0 && m.sub() == 1);
              boolean refused = reply.stream().anyMatch(m -> m.type() == 2 && m.sub() == 0);
              if (refused == write) {
                failures.add(cell + ": SYNC_WRITE expected " + write);
              }
            }
            if (write) {
              Eventually.until(cell + " update stored", () -> {
                try {
                  return headSeq(doc) > before;
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              });
            } else if (headSeq(doc) != before) {
              failures.add(cell + ": refused update was stored");
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void forgedTokensAreRefusedAtTheUpgradeOrOnTheSocket() throws Exception {
    Principal councillor = principal(Role.COUNCILLOR);
    long now = System.currentTimeMillis() / 1000;
    String payload = b64(new JsonObject().put("iss", "pledgepad").put("aud", "pledgepad").put("sub", "demo-councillor")
        .put("role", "COUNCILLOR").put("iat", now).put("exp", now + 600).encode());
    Map<String, String> attacks = Map.of(
        "alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".",
        "wrong issuer", new AccessTokenIssuer(server.key, new AccessTokenSettings("evil", "pledgepad",
            Duration.ofSeconds(30), Duration.ofDays(30)), Clock.systemUTC(), new SecureRandom()).issue(councillor, Duration.ofMinutes(5)),
        "expired", new AccessTokenIssuer(server.key, AccessTokenSettings.defaults(),
            Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)), new SecureRandom()).issue(councillor, Duration.ofMinutes(5)),
        "unknown kid", new AccessTokenIssuer(SigningKey.generate(new SecureRandom()), AccessTokenSettings.defaults(),
            Clock.systemUTC(), new SecureRandom()).issue(councillor, Duration.ofMinutes(5)),
        "garbage", "not.a.token");
    for (var e : attacks.entrySet()) {
      assertThat(SyncClient.upgradeStatus(Protocol.HOCUSPOCUS, server.harness.wsBase(), AccessTestServer.CONSULTATION_DOC,
          e.getValue(), Map.of())).as(e.getKey() + " over Hocuspocus").isEqualTo(401);
      // y-websocket: refused on the socket, where the stock provider takes 4403 as final (a
      // refused upgrade it retried for ever).
      assertThat(SyncClient.refusalOnSocket(server.harness.wsBase(), AccessTestServer.CONSULTATION_DOC, e.getValue()))
          .as(e.getKey() + " over y-websocket").startsWith("4403 ");
    }
    assertThat(SyncClient.upgradeStatus(Protocol.Y_WEBSOCKET, server.harness.wsBase(), AccessTestServer.CONSULTATION_DOC,
        server.tokenFor(Role.COUNCILLOR), Map.of())).isEqualTo(101);
  }

  @Test
  void hocuspocusAuthMessageWithAForgedTokenIsDenied() throws Exception {
    try (SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(),
        AccessTestServer.CONSULTATION_DOC, server.tokenFor(Role.ADMIN) + "x", Map.of())) {
      Msg m = c.until(x -> x.type() == 2).get(0);
      assertThat(m.sub()).isEqualTo(1);
      assertThat(m.text()).isEqualTo("invalid-credentials");
    }
  }

  @Test
  void logoutDowngradesAnOpenCookieSocketToGuest() throws Exception {
    AccessHttp.Browser councillor = server.signIn(new AccessHttp(server.harness.httpBase()), "demo-councillor");
    String cookie = councillor.cookie();
    String doc = AccessTestServer.CONSULTATION_DOC;
    try (SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), doc, null, Map.of("Cookie", cookie))) {
      assertThat(c.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      c.sendUpdate(updateFrom(CLIENT_IDS.incrementAndGet()));
      assertThat(c.until(m -> m.type() == 8).stream().reduce((a, b) -> b).orElseThrow().sub()).isEqualTo(1);
      HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(server.harness.httpBase() + "/api/session"))
          .header("Cookie", cookie).header("X-CSRF-Token", councillor.csrf())
          .DELETE().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(out.statusCode()).isEqualTo(204);
      // Within a re-check period the socket is read-only: an update is answered SyncStatus 0.
      boolean refused = false;
      while (!refused) {
        c.sendUpdate(updateFrom(CLIENT_IDS.incrementAndGet()));
        refused = c.until(m -> m.type() == 8).stream().reduce((a, b) -> b).orElseThrow().sub() == 0;
      }
      assertThat(refused).isTrue();
    }
  }

  @Test
  void disablingAnAccountClosesItsOpenSockets() throws Exception {
    server.access.users().add(new org.pledgepad.auth.User("councillor-2", "councillor-2", "Zweite", false,
        Role.COUNCILLOR, Set.of(org.pledgepad.auth.password.DemoAccounts.DEMO_BODY), false), null, false);
    Await(server.access.refresh());
    String token = server.issue(new Principal("councillor-2", "councillor-2", "Zweite", false, Role.COUNCILLOR,
        Set.of(org.pledgepad.auth.password.DemoAccounts.DEMO_BODY), null), Duration.ofMinutes(5));
    try (SyncClient c = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), AccessTestServer.DRAFT_DOC, token, Map.of())) {
      c.until(m -> m.type() == 0 && m.sub() == 0);
      server.access.users().setDisabled("councillor-2", true);
      List<Msg> rest = c.until(m -> false);
      assertThat(rest).anyMatch(m -> m.type() == 2 && m.sub() == 0);
      assertThat(c.ws.closeCode).isEqualTo(4403);
    }
  }

  @Test
  void aRoleChangeDowngradesAnOpenSocketToReadOnly() throws Exception {
    org.pledgepad.auth.User user = new org.pledgepad.auth.User("councillor-3", "councillor-3", "Dritte", false,
        Role.COUNCILLOR, Set.of(org.pledgepad.auth.password.DemoAccounts.DEMO_BODY), false);
    server.access.users().add(user, null, false);
    Await(server.access.refresh());
    String token = server.issue(user.principal(), Duration.ofMinutes(5));
    try (SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), AccessTestServer.CONSULTATION_DOC, token, Map.of())) {
      assertThat(c.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      server.access.users().update(new org.pledgepad.auth.User("councillor-3", "councillor-3", "Dritte", false,
          Role.CITIZEN, Set.of(), false));
      Await(server.access.refresh());
      c.sendUpdate(updateFrom(CLIENT_IDS.incrementAndGet()));
      assertThat(c.until(m -> m.type() == 8).stream().reduce((a, b) -> b).orElseThrow().sub()).isEqualTo(0);
    }
  }

  private static void Await(io.vertx.core.Future<?> f) {
    org.pledgepad.server.testing.Await.result(f);
  }
}
