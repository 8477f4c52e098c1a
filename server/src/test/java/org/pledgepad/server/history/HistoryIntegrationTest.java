package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.password.DemoAccounts;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.NodeScripts;
import org.pledgepad.server.testing.ServerHarness;

/**
 * The history endpoints against the real server (access layer, embedded store, demo documents)
 * with real Hocuspocus clients from src/test/node/history-restore.mjs (needs Node; see
 * NodeScripts for the CI rule).
 */
class HistoryIntegrationTest {
  /** Demo document in consultation, owned by the demo council: councillors edit, moderators restore. */
  private static final String DOC = "spd-kassel-2021-digitalisierung";

  @TempDir
  Path dataDir;

  private ServerHarness server;
  private SigningKey key;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    NodeScripts.requireNode();
    AccessSettings settings = new AccessSettings(false, Duration.ofMillis(200), Duration.ofHours(1),
        AccessTokenSettings.defaults(), PasswordHasher.forTests(), Clock.systemUTC(), new SecureRandom(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()), new AccessControl(settings));
    key = SigningKeyFile.load(dataDir.resolve(AccessControl.KEY_FILE));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String token(Role role) {
    String login = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
    Set<Body> bodies = role == Role.COUNCILLOR ? Set.of(DemoAccounts.DEMO_BODY) : Set.of();
    return new AccessTokenIssuer(key, AccessTokenSettings.defaults(), Clock.systemUTC(), new SecureRandom())
        .issue(new Principal(login, login, "Demo", true, role, bodies, null), Duration.ofMinutes(10));
  }

  @Test
  void versionIsWhatTheClientSawAndRestoreKeepsConcurrentTyping() throws Exception {
    String councillor = token(Role.COUNCILLOR);
    String moderator = token(Role.MODERATOR);
    String base = server.wsBase();

    // 1. A client edits; the version at the head is exactly the text it saw.
    String seen = new JsonObject(NodeScripts.run("history-restore.mjs", "edit", base, DOC, councillor,
        "Marker der Version V.")).getString("text");
    long v = history(null).getJsonObject("head").getLong("seq");
    String versionText = get("/api/documents/" + DOC + "/versions/" + v + "?format=text", null).body();
    assertThat(versionText.replace("\n", "")).isEqualTo(seen);

    // 2. A later change, named as a version by the editor.
    NodeScripts.run("history-restore.mjs", "edit", base, DOC, councillor, "Spaetere Aenderung.");
    HttpResponse<String> named = post("/api/documents/" + DOC + "/versions", new JsonObject().put("name", "Nach V"),
        councillor);
    assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
    long later = new JsonObject(named.body()).getLong("seq");
    JsonObject diff = new JsonObject(get("/api/documents/" + DOC + "/diff?from=" + v + "&to=" + later, null).body());
    assertThat(diff.getJsonArray("changes").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("kind").equals("insert")).map(c -> c.getString("text")).toList())
        .anyMatch(t -> t.contains("Spaetere"));

    // 3. Guests may not restore; the moderator restores V while two clients keep typing.
    HttpResponse<String> guest = post("/api/documents/" + DOC + "/restore", new JsonObject().put("seq", v), null);
    assertThat(guest.statusCode()).isEqualTo(401);
    assertThat(guest.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    Path started = dataDir.resolve("typing.flag");
    Path flag = dataDir.resolve("restored.flag");
    CompletableFuture<String> typing = CompletableFuture.supplyAsync(() -> NodeScripts.run("history-restore.mjs",
        "type", base, DOC, councillor, token(Role.COUNCILLOR), started.toString(), flag.toString(), "10"));
    // The restore waits for the typing, not a fixed time: a fixed 1.5 s let a slow Node start
    // type all its words before the restore, leaving none typed after it.
    long typingDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a bound, not a timing rule
    while (!Files.exists(started) && !typing.isDone() && System.nanoTime() < typingDeadline) {
      Thread.sleep(20);
    }
    assertThat(Files.exists(started)).as("typing started (script: %s)", typing.isDone() ? typing.join() : "").isTrue();
    HttpResponse<String> restored = post("/api/documents/" + DOC + "/restore", new JsonObject().put("seq", v), moderator);
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    Files.writeString(flag, "done");
    long restoreSeq = new JsonObject(restored.body()).getLong("seq");
    JsonObject result = new JsonObject(typing.get(180, TimeUnit.SECONDS));

    // All replicas converge; the text is V plus the words typed concurrently (typed words that
    // were logged before the restore are part of "now" and were reverted by it).
    String a = result.getString("a");
    assertThat(result.getString("b")).isEqualTo(a);
    JsonArray after = result.getJsonArray("after");
    assertThat(after.size()).isGreaterThan(0);
    for (Object w : after) {
      assertThat(a).contains((String) w);
    }
    assertThat(a.replaceAll("(alpha|beta)\\d+ ", "")).isEqualTo(seen);
    assertThat(a).doesNotContain("Spaetere");

    // The server's head version is what the clients converged to, and the history lists the restore.
    Eventually.until("the head version to be what the clients converged to", () -> headText().equals(a));
    assertThat(headText()).isEqualTo(a);
    JsonObject h = history(moderator);
    assertThat(h.getJsonArray("restores").getJsonObject(0).getLong("restoredSeq")).isEqualTo(v);
    assertThat(h.getJsonArray("restores").getJsonObject(0).getLong("seq")).isEqualTo(restoreSeq);
    assertThat(h.getJsonArray("named").getJsonObject(0).getString("name")).isEqualTo("Nach V");

    // The whole history still verifies, online and from the export file.
    JsonObject verify = new JsonObject(get("/api/documents/" + DOC + "/verify", null).body());
    assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
    HttpResponse<byte[]> export = http.send(HttpRequest.newBuilder(URI.create(server.httpBase()
        + "/api/documents/" + DOC + "/export")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(export.statusCode()).isEqualTo(200);
    Path file = dataDir.resolve("export.bin");
    Files.write(file, export.body());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = VerifyLauncher.run(new String[] {"verify", file.toString()}, Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void hostileParametersAreProblems() throws Exception {
    for (String path : List.of("/versions/abc", "/versions/-1", "/versions/99999999999999999999",
        "/diff?from=5&to=1", "/diff?from=x&to=1", "/versions/1?format=pdf", "/authorship?seq=1e3")) {
      HttpResponse<String> r = get("/api/documents/" + DOC + path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
    }
    assertThat(get("/api/documents/" + DOC + "/versions/999999", null).statusCode()).isEqualTo(404);
    assertThat(get("/api/documents/no-such-doc/history", null).statusCode()).isIn(401, 403, 404);
    HttpResponse<String> bad = post("/api/documents/" + DOC + "/versions", new JsonObject().put("name", ""),
        token(Role.COUNCILLOR));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(get("/api/openapi/history.yaml", null).body()).contains("/api/documents/{name}/restore");
  }

  @Test
  void versionsAreRevalidatedBecauseErasureRewritesThem() throws Exception {
    NodeScripts.run("history-restore.mjs", "edit", server.wsBase(), DOC, token(Role.COUNCILLOR), "Zwischenstand.");
    long head = history(null).getJsonObject("head").getLong("seq");
    String path = "/api/documents/" + DOC + "/versions/" + head + "?format=text";
    HttpResponse<String> first = get(path, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + path))
        .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    // Another format is another representation with its own tag.
    assertThat(get("/api/documents/" + DOC + "/versions/" + head + "?format=json", null).headers()
        .firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void historyTellsWhichActionsToOfferAndNamesTheActors() throws Exception {
    NodeScripts.run("history-restore.mjs", "edit", server.wsBase(), DOC, token(Role.COUNCILLOR), "Wer schrieb das?");
    JsonObject councillor = history(token(Role.COUNCILLOR));
    assertThat(councillor.getJsonObject("may").getBoolean("nameVersion")).isTrue();
    assertThat(councillor.getJsonObject("may").getBoolean("restore")).isFalse();
    JsonObject moderator = history(token(Role.MODERATOR));
    assertThat(moderator.getJsonObject("may").getBoolean("nameVersion")).isFalse();
    assertThat(moderator.getJsonObject("may").getBoolean("restore")).isTrue();
    JsonObject guest = history(null);
    assertThat(guest.getJsonObject("may").getBoolean("nameVersion")).isFalse();
    assertThat(guest.getJsonObject("may").getBoolean("restore")).isFalse();
    JsonObject newest = guest.getJsonArray("revisions").getJsonObject(0);
    assertThat(newest.getString("actor")).isEqualTo("demo-councillor");
    // The stored demo account's display name, not its id.
    assertThat(newest.getString("actorName")).isEqualTo("Demo Councillor");
    assertThat(newest.getJsonArray("actorNames")).containsExactly("Demo Councillor");
  }

  private String headText() {
    try {
      long head = history(null).getJsonObject("head").getLong("seq");
      return get("/api/documents/" + DOC + "/versions/" + head + "?format=text", null).body().replace("\n", "");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject history(String token) throws Exception {
    HttpResponse<String> r = get("/api/documents/" + DOC + "/history", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpBase() + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, JsonObject body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpBase() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
