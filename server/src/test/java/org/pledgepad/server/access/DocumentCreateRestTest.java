package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.password.DemoAccounts;
import org.pledgepad.server.access.SyncClient.Protocol;

/**
 * POST /api/documents ("Neuer Antrag"): who may start a motion is who may write a draft of its
 * body, the new draft is visible to that body only and takes its councillors' edits at once,
 * bad bodies start nothing, and an account's starts per hour are capped.
 */
class DocumentCreateRestTest {
  @TempDir
  static Path dataDir;
  private static AccessTestServer server;
  private static AccessHttp http;

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of(), Duration.ofHours(1), Clock.systemUTC(), UnaryOperator.identity());
    http = new AccessHttp(server.harness.httpBase());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String token, String body) throws Exception {
    List<String> h = new ArrayList<>(List.of("Content-Type", "application/json"));
    if (token != null) {
      h.addAll(List.of("Authorization", "Bearer " + token));
    }
    return http.send("POST", "/api/documents", body, h.toArray(String[]::new));
  }

  private static List<String> listed(String token) throws Exception {
    HttpResponse<String> r = token == null ? http.send("GET", "/api/documents", null)
        : http.send("GET", "/api/documents", null, "Authorization", "Bearer " + token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    new JsonArray(r.body()).forEach(d -> names.add(((JsonObject) d).getString("name")));
    return names;
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  private static String councillor(String subject, Set<Body> bodies) {
    return server.issue(new Principal(subject, subject, "Rätin", true, Role.COUNCILLOR, bodies, null), Duration.ofMinutes(10));
  }

  @Test
  void aCouncillorStartsAMotionThatOnlyTheirBodySeesAndEditsAtOnce() throws Exception {
    String token = server.tokenFor(Role.COUNCILLOR);
    HttpResponse<String> r = post(token, new JsonObject().put("title", "Änderungsantrag: Glasfaser für alle Schulen").encode());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject created = new JsonObject(r.body());
    String name = created.getString("name");
    assertThat(name).matches("aenderungsantrag-glasfaser-fuer-alle-schulen-[a-z2-9]{6}");
    assertThat(r.headers().firstValue("Location")).hasValue("/api/documents/" + name);
    assertThat(created.getString("title")).isEqualTo("Änderungsantrag: Glasfaser für alle Schulen");
    assertThat(created.getString("kind")).isEqualTo("motion");
    assertThat(created.getString("stage")).isEqualTo("draft");
    assertThat(created.getString("ownerBody")).isEqualTo(DemoAccounts.DEMO_BODY.id());

    assertThat(listed(token)).contains(name);
    assertThat(listed(server.tokenFor(Role.ADMIN))).contains(name);
    assertThat(listed(null)).doesNotContain(name);
    assertThat(listed(server.tokenFor(Role.CITIZEN))).doesNotContain(name);
    assertThat(listed(councillor("other-body-councillor", Set.of(new Body("committee-digital"))))).doesNotContain(name);
    assertThat(http.send("GET", "/api/documents/" + name, null).statusCode()).isEqualTo(404);
    // Whoever may read it sees who is responsible for it.
    HttpResponse<String> detail = http.send("GET", "/api/documents/" + name, null, "Authorization", "Bearer " + token);
    assertThat(new JsonObject(detail.body()).getJsonObject("ownerBody")).isEqualTo(new JsonObject()
        .put("id", DemoAccounts.DEMO_BODY.id()).put("name", DemoAccess.DEMO_BODY_NAME));

    // Its history page works before anyone wrote a word: no versions, an intact (empty) chain.
    for (String part : List.of("/history", "/verify", "/authorship?seq=0")) {
      HttpResponse<String> h = http.send("GET", "/api/documents/" + name + part, null, "Authorization", "Bearer " + token);
      assertThat(h.statusCode()).as(part + " " + h.body()).isEqualTo(200);
    }

    // The answer came after the access layer knew the owner: the first edit is taken, no waiting.
    try (SyncClient c = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), name, token, Map.of())) {
      c.until(m -> m.type() == 0 && m.sub() == 0);
      assertThat(new EditProbe(94_001).refused(c, Protocol.Y_WEBSOCKET)).as("the starter writes the new draft").isFalse();
    }
  }

  @Test
  void onlyThoseWhoWriteDraftsOfTheBodyStartOne() throws Exception {
    String body = new JsonObject().put("title", "Antrag ohne Recht").encode();
    List<String> before = listed(server.tokenFor(Role.ADMIN));
    assertProblem(post(null, body), 401);
    assertProblem(post(server.tokenFor(Role.CITIZEN), body), 403);
    assertProblem(post(server.tokenFor(Role.MODERATOR), body), 403);
    // A councillor for another body than their own; one of no body; one of two who names none.
    assertProblem(post(server.tokenFor(Role.COUNCILLOR),
        new JsonObject().put("title", "Fremd").put("ownerBody", "committee-digital").encode()), 403);
    HttpResponse<String> none = post(councillor("bodiless", Set.of()), body);
    assertProblem(none, 403);
    assertThat(new JsonObject(none.body()).getString("type")).isEqualTo(DocumentCreateRoutes.NO_BODY);
    HttpResponse<String> two = post(councillor("two-bodies", Set.of(DemoAccounts.DEMO_BODY, new Body("committee-digital"))), body);
    assertProblem(two, 400);
    assertThat(new JsonObject(two.body()).getString("type")).isEqualTo(DocumentCreateRoutes.CHOOSE_BODY);
    // A token limited to one document acts on that document only.
    assertProblem(post(server.issue(new Principal("demo-councillor", "demo-councillor", "Demo", true, Role.COUNCILLOR,
        Set.of(DemoAccounts.DEMO_BODY), AccessTestServer.DRAFT_DOC), Duration.ofMinutes(5)), body), 403);
    // A cookie session's write needs the CSRF token.
    AccessHttp.Browser councillor = server.signIn(http, "demo-councillor");
    assertProblem(http.send("POST", "/api/documents", body, "Content-Type", "application/json",
        "Cookie", councillor.cookie()), 403);
    assertThat(listed(server.tokenFor(Role.ADMIN))).as("nothing started").containsExactlyInAnyOrderElementsOf(before);

    HttpResponse<String> ok = http.send("POST", "/api/documents", body, "Content-Type", "application/json",
        "Cookie", councillor.cookie(), AccessGuard.CSRF_HEADER, councillor.csrf());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    // An admin names any body.
    HttpResponse<String> admin = post(server.tokenFor(Role.ADMIN),
        new JsonObject().put("title", "Für den Ausschuss").put("ownerBody", "committee-digital").encode());
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(201);
    assertThat(server.access.documentAccess(new JsonObject(admin.body()).getString("name")).ownerBody().id())
        .isEqualTo("committee-digital");
  }

  @Test
  void malformedRequestsStartNothing() throws Exception {
    String token = server.tokenFor(Role.COUNCILLOR);
    List<String> before = listed(server.tokenFor(Role.ADMIN));
    List<String> bad = List.of(
        "{}",
        "[]",
        "not json",
        "{\"title\": null}",
        "{\"title\": 7}",
        "{\"title\": \"\"}",
        "{\"title\": \"  \"}",
        "{\"title\": \"zwei\\nZeilen\"}",
        new JsonObject().put("title", "x".repeat(DocumentSettingsPatch.MAX_TITLE + 1)).encode(),
        "{\"title\": \"Gut\", \"stage\": \"published\"}",
        "{\"title\": \"Gut\", \"ownerBody\": \"no-owner\"}",
        "{\"title\": \"Gut\", \"ownerBody\": \"Keine Gruppe\"}");
    for (String body : bad) {
      assertProblem(post(token, body), 400);
    }
    assertProblem(post(token, "{\"title\": \"" + "x".repeat(4000) + "\"}"), 413);
    assertProblem(http.send("POST", "/api/documents", "title=x", "Content-Type", "application/x-www-form-urlencoded",
        "Authorization", "Bearer " + token), 415);
    assertThat(listed(server.tokenFor(Role.ADMIN))).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void anAccountStartsAtMostTwentyAnHour() throws Exception {
    String token = councillor("busy-councillor", Set.of(DemoAccounts.DEMO_BODY));
    for (int i = 1; i <= CreationQuota.PER_HOUR; i++) {
      HttpResponse<String> r = post(token, new JsonObject().put("title", "Antrag " + i).encode());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    HttpResponse<String> over = post(token, new JsonObject().put("title", "Einer zu viel").encode());
    assertProblem(over, 429);
    assertThat(new JsonObject(over.body()).getString("type")).isEqualTo(DocumentCreateRoutes.QUOTA);
    assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
    // Someone else of the same body is not held up by it.
    assertThat(post(councillor("calm-councillor", Set.of(DemoAccounts.DEMO_BODY)),
        new JsonObject().put("title", "Mein erster").encode()).statusCode()).isEqualTo(201);
  }

  @Test
  void theSessionNamesTheBodiesOfWhoeverIsSignedIn() throws Exception {
    AccessHttp.Browser councillor = server.signIn(http, "demo-councillor");
    JsonArray bodies = http.me(councillor.cookie()).getJsonObject("user").getJsonArray("bodies");
    assertThat(bodies).containsExactly(new JsonObject().put("id", DemoAccounts.DEMO_BODY.id())
        .put("name", DemoAccess.DEMO_BODY_NAME));
    AccessHttp.Browser citizen = server.signIn(http, "demo-citizen");
    assertThat(http.me(citizen.cookie()).getJsonObject("user").getJsonArray("bodies")).isEmpty();
  }

  private static HttpResponse<String> delete(String token, String name) throws Exception {
    return token == null ? http.send("DELETE", "/api/documents/" + name, null)
        : http.send("DELETE", "/api/documents/" + name, null, "Authorization", "Bearer " + token);
  }

  @Test
  void anEmptyDraftIsDeletedByItsWritersButADocumentWithHistoryNever() throws Exception {
    String token = councillor("tidy-councillor", Set.of(DemoAccounts.DEMO_BODY));
    String name = new JsonObject(post(token, new JsonObject().put("title", "Versehentlich").encode()).body()).getString("name");
    assertProblem(delete(null, name), 401);
    assertProblem(delete(server.tokenFor(Role.CITIZEN), name), 403);
    assertProblem(delete(councillor("other-body-councillor", Set.of(new Body("committee-digital"))), name), 403);
    assertThat(listed(token)).as("nothing deleted yet").contains(name);

    HttpResponse<String> gone = delete(token, name);
    assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
    assertThat(listed(server.tokenFor(Role.ADMIN))).doesNotContain(name);
    assertProblem(delete(server.tokenFor(Role.ADMIN), name), 404);

    // Once someone has written in it, the draft stays, with its owner.
    String written = new JsonObject(post(token, new JsonObject().put("title", "Mit Text").encode()).body()).getString("name");
    try (SyncClient c = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), written, token, Map.of())) {
      c.until(m -> m.type() == 0 && m.sub() == 0);
      assertThat(new EditProbe(94_201).refused(c, Protocol.Y_WEBSOCKET)).isFalse();
    }
    for (String who : List.of(token, server.tokenFor(Role.ADMIN))) {
      HttpResponse<String> kept = delete(who, written);
      assertProblem(kept, 409);
      assertThat(new JsonObject(kept.body()).getString("type")).isEqualTo(DocumentCreateRoutes.HAS_HISTORY);
    }
    assertThat(listed(token)).contains(written);
    assertThat(server.access.documentAccess(written).ownerBody()).isEqualTo(DemoAccounts.DEMO_BODY);
  }

  /**
   * Admins may open any name, and opening a name that does not exist creates it: an admin still
   * connected to a draft that is deleted, or reconnecting to it, would bring it back without an
   * owner. Every connection to it is closed with document-deleted, and the name is refused to
   * everyone from then on.
   */
  @Test
  void aDeletedDraftClosesEveryConnectionAdminsIncludedAndIsNotOpenedAgain() throws Exception {
    String token = councillor("tidy-councillor-2", Set.of(DemoAccounts.DEMO_BODY));
    String admin = server.tokenFor(Role.ADMIN);
    String name = new JsonObject(post(token, new JsonObject().put("title", "Doppelt angelegt").encode()).body()).getString("name");
    try (SyncClient hp = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), name, admin, Map.of());
        SyncClient yws = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), name, admin, Map.of())) {
      assertThat(hp.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      yws.until(m -> m.type() == 0 && m.sub() == 0);

      assertThat(delete(token, name).statusCode()).isEqualTo(204);

      for (SyncClient c : List.of(hp, yws)) {
        List<SyncClient.Msg> got = c.until(m -> m.type() == 2 && m.sub() == permissionDenied(c.protocol));
        assertThat(got.get(got.size() - 1).text()).as("%s", c.protocol).isEqualTo("document-deleted");
      }
    }
    // A provider that reconnects, an admin's included, is refused: nothing creates the name again.
    for (Protocol protocol : Protocol.values()) {
      try (SyncClient again = SyncClient.connect(protocol, server.harness.wsBase(), name, admin, Map.of())) {
        List<SyncClient.Msg> got = again.until(m -> m.type() == 2);
        SyncClient.Msg last = got.get(got.size() - 1);
        assertThat(last.sub()).as("%s: permission denied", protocol).isEqualTo(permissionDenied(protocol));
        assertThat(last.text()).isEqualTo("document-deleted");
      }
    }
    assertThat(server.access.documentStore().document(name).toCompletionStage().toCompletableFuture().get()).isEmpty();
    assertThat(listed(admin)).doesNotContain(name);
    // Nor does an admin's import create it anew: it would be a document nobody can open.
    HttpResponse<String> imported = http.send("POST", "/api/pledges/import?name=" + name, "# Antrag\n\n## Punkt\n\nText.\n",
        "Content-Type", "text/markdown", "Authorization", "Bearer " + admin);
    assertProblem(imported, 403);
    assertThat(new JsonObject(imported.body()).getString("reason")).isEqualTo("document-deleted");
    assertThat(server.access.documentAccessStore().deletedNameHashes())
        .as("kept as a hash only").contains(DocumentAccessStore.nameHash(name)).noneMatch(h -> h.contains("doppelt"));
  }

  /** The Auth message's sub-type for "permission denied": 0 in y-websocket, 1 in Hocuspocus. */
  private static int permissionDenied(Protocol protocol) {
    return protocol == Protocol.HOCUSPOCUS ? 1 : 0;
  }
}
