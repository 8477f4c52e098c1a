package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.auth.AuthDecision;
import org.pledgepad.server.auth.AuthRequest;
import org.pledgepad.server.testing.Await;

/**
 * The token revocation list on a store (review 2026-11-30, accounts and access item 8): a
 * revoked token is refused over REST, y-websocket and Hocuspocus with its own reason, also
 * after it was verified and cached; connections opened with it close at the periodic re-check
 * (nobody calls refresh here: the command line writes the table as another node would); entries
 * outlive a restart and are deleted once their token has expired. Run over the embedded store
 * and PostgreSQL by the subclasses.
 */
abstract class TokenRevocationContract extends AccessStoreContract {
  TokenRevocationContract(Store store) {
    super(store);
  }

  private void start() throws Exception {
    start(Duration.ofMillis(200)); // re-checks as a node's every 2 s, only faster
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(storeEnv());
    env.put("DATA_DIR", dataDir.toString());
    return env;
  }

  /** {@code token ARGS...} of the server jar against this store; returns exit code and stdout. */
  private Map.Entry<Integer, String> command(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] argv = new String[args.length + 1];
    argv[0] = "token";
    System.arraycopy(args, 0, argv, 1, args.length);
    int code = LauncherCommands.run(argv, env(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(args.length > 1 ? args[1] : "\u0000");
    return Map.entry(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> me(String token) throws Exception {
    return http.send("GET", "/api/me", null, "Authorization", "Bearer " + token);
  }

  private String citizenToken(Duration ttl) {
    // On the test's clock, so that its expiry can be reached without waiting.
    return new AccessTokenIssuer(server.key, AccessTokenSettings.defaults(), clock, new java.security.SecureRandom())
        .issue(new Principal("demo-citizen", "demo-citizen", "Demo", true, Role.CITIZEN, Set.of(), null), ttl);
  }

  private List<String> storedJtis() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = accessDb();
        PreparedStatement ps = c.prepareStatement("SELECT jti FROM token_revocations ORDER BY jti");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static SyncClient.Msg last(List<SyncClient.Msg> msgs) {
    return msgs.get(msgs.size() - 1);
  }

  /** Up to the Auth permission-denied message (y-websocket's subtype 0, Hocuspocus's 1). */
  private static List<SyncClient.Msg> untilDenied(SyncClient c) throws InterruptedException {
    int denied = c.protocol == Protocol.Y_WEBSOCKET ? 0 : 1;
    return c.until(m -> m.type() == 2 && m.sub() == denied);
  }

  @Test
  void aRevokedTokenIsRefusedEverywhereAndItsOpenSocketsCloseAtTheNextReCheck() throws Exception {
    start();
    String token = server.tokenFor(Role.CITIZEN);
    assertThat(me(token).statusCode()).as("verified once, and cached").isEqualTo(200);
    String doc = AccessTestServer.CONSULTATION_DOC;
    try (SyncClient ws = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), doc, token, Map.of());
        SyncClient hp = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), doc, token, Map.of())) {
      ws.until(m -> m.type() == 0 && m.sub() == 0);
      assertThat(last(hp.until(m -> m.type() == 2)).text()).as("a citizen reads").isEqualTo("readonly");

      Map.Entry<Integer, String> revoked = command("revoke", token);
      assertThat(revoked.getKey()).as(revoked.getValue()).isZero();
      assertThat(revoked.getValue()).contains("revoked token ").contains("valid until");

      // No refresh() called: the periodic re-check reads the list and closes both.
      assertThat(last(untilDenied(ws)).text()).isEqualTo(AccessControl.TOKEN_REVOKED);
      assertThat(last(ws.until(m -> false)).closed()).isTrue();
      assertThat(ws.ws.closeCode).isEqualTo(4403);
      assertThat(last(untilDenied(hp)).text()).isEqualTo(AccessControl.TOKEN_REVOKED);
    }

    HttpResponse<String> rest = me(token);
    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(rest.body()).getString("title")).isEqualTo("Token revoked");
    assertThat(SyncClient.refusalOnSocket(server.harness.wsBase(), doc, token))
        .isEqualTo("4403 " + AccessControl.TOKEN_REVOKED);
    assertThat(Await.result(server.access.authenticate(new AuthRequest(doc, token, "127.0.0.1"))))
        .isEqualTo(new AuthDecision.Denied(AccessControl.TOKEN_REVOKED));
    try (SyncClient hp = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), doc, token, Map.of())) {
      assertThat(last(untilDenied(hp)).text()).isEqualTo(AccessControl.TOKEN_REVOKED);
    }
    assertThat(me(server.tokenFor(Role.CITIZEN)).statusCode()).as("the account's other tokens").isEqualTo(200);
  }

  @Test
  void theAdminRouteRevokesOnThisNodeBeforeItAnswersAndListsTheEntries() throws Exception {
    start();
    String admin = server.tokenFor(Role.ADMIN);
    String citizen = server.tokenFor(Role.CITIZEN);
    assertThat(me(citizen).statusCode()).isEqualTo(200);
    String path = TokenRevocationRoutes.PATH;
    String body = new JsonObject().put("token", citizen).encode();

    assertThat(http.send("POST", path, body, "Authorization", "Bearer " + citizen, "Content-Type", "application/json")
        .statusCode()).as("administrators only").isEqualTo(403);
    HttpResponse<String> created = http.send("POST", path, body, "Authorization", "Bearer " + admin,
        "Content-Type", "application/json");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject entry = new JsonObject(created.body());
    assertThat(entry.getString("revokedBy")).isEqualTo("demo-admin");
    assertThat(entry.getBoolean("already")).isFalse();
    assertThat(created.body()).doesNotContain(citizen);
    assertThat(me(citizen).statusCode()).as("refused at once on this node").isEqualTo(401);

    HttpResponse<String> again = http.send("POST", path, new JsonObject().put("jti", entry.getString("jti")).encode(),
        "Authorization", "Bearer " + admin, "Content-Type", "application/json");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body()).getBoolean("already")).isTrue();

    HttpResponse<String> list = http.send("GET", path, null, "Authorization", "Bearer " + admin);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(list.body()).getJsonArray("revoked").getJsonObject(0).getString("jti"))
        .isEqualTo(entry.getString("jti"));

    String foreign = new AccessTokenIssuer(SigningKey.generate(new java.security.SecureRandom()),
        AccessTokenSettings.defaults(), clock, new java.security.SecureRandom())
        .issue(new Principal("x", "x", "X", false, Role.ADMIN, Set.of(), null), Duration.ofMinutes(5));
    HttpResponse<String> notOurs = http.send("POST", path, new JsonObject().put("token", foreign).encode(),
        "Authorization", "Bearer " + admin, "Content-Type", "application/json");
    assertThat(notOurs.statusCode()).isEqualTo(400);
    assertThat(notOurs.body()).contains("token-not-verified").contains("UNKNOWN_KID").doesNotContain(foreign);
    assertThat(http.send("POST", path, new JsonObject().put("jti", "a b").encode(),
        "Authorization", "Bearer " + admin, "Content-Type", "application/json").statusCode()).isEqualTo(400);
    assertThat(storedJtis()).containsExactly(entry.getString("jti"));
    HttpResponse<String> openApi = http.send("GET", "/api/openapi/tokens.yaml", null);
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.body()).contains("  " + path + ":").contains("    get:").contains("    post:");
  }

  @Test
  void entriesOutliveARestartAndAreDeletedOnceTheirTokenHasExpired() throws Exception {
    start();
    String shortLived = citizenToken(Duration.ofMinutes(10));
    assertThat(command("revoke", shortLived).getKey()).isZero();
    assertThat(command("revoke", "--bare_jti-1").getKey()).isZero();
    Await.result(server.access.refresh());
    assertThat(me(shortLived).statusCode()).isEqualTo(401);
    String stored = storedJtis().stream().filter(j -> !j.equals("--bare_jti-1")).findFirst().orElseThrow();

    stopServer();
    start();
    assertThat(me(shortLived).statusCode()).as("still revoked after a restart").isEqualTo(401);
    Map.Entry<Integer, String> listed = command("revoked");
    assertThat(listed.getValue()).contains(stored).contains("--bare_jti-1");

    // Past the token's exp and the 5 minutes every node's leeway and clock may need.
    clock.advance(Duration.ofMinutes(10).plus(AccessTokenSettings.MAX_LEEWAY).plusSeconds(1));
    stopServer();
    start(); // purges at start
    assertThat(storedJtis()).containsExactly("--bare_jti-1");
  }
}
