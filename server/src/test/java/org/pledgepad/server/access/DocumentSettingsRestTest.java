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
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.testing.Await;

/**
 * PATCH /api/documents/{name}: an admin's stage change applies to open connections before the
 * answer arrives (the periodic re-check is set to an hour here, so only the route's own refresh
 * can have done it), and every malformed body is refused without changing the document.
 */
class DocumentSettingsRestTest {
  @TempDir
  static Path dataDir;
  private static AccessTestServer server;
  private static AccessHttp http;
  private static final String DOC = AccessTestServer.DRAFT_DOC;

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of(), Duration.ofHours(1), Clock.systemUTC(), UnaryOperator.identity());
    http = new AccessHttp(server.harness.httpBase());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> patch(String document, String body, String... extraHeaders) throws Exception {
    List<String> h = new ArrayList<>(List.of("Content-Type", "application/json",
        "Authorization", "Bearer " + server.tokenFor(Role.ADMIN)));
    h.addAll(List.of(extraHeaders));
    return http.send("PATCH", "/api/documents/" + document, body, h.toArray(String[]::new));
  }

  private static JsonObject current() throws Exception {
    HttpResponse<String> r = http.send("GET", "/api/documents/" + DOC, null,
        "Authorization", "Bearer " + server.tokenFor(Role.ADMIN));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void publishingOverRestMakesAConnectedCouncillorReadOnlyAtOnce() throws Exception {
    server.setStage(DOC, DocumentStage.DRAFT);
    Await.result(server.access.refresh());
    try (SyncClient c = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), DOC,
        server.tokenFor(Role.COUNCILLOR), Map.of())) {
      c.until(m -> m.type() == 0 && m.sub() == 0);
      EditProbe editor = new EditProbe(93_001);
      assertThat(editor.refused(c, Protocol.Y_WEBSOCKET)).as("a member writes the draft").isFalse();

      HttpResponse<String> r = patch(DOC, new JsonObject().put("stage", "published").encode());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getString("stage")).isEqualTo("published");

      // One attempt, no waiting: the refresh ran before the PATCH was answered.
      assertThat(editor.refused(c, Protocol.Y_WEBSOCKET)).as("write after publishing").isTrue();
      assertThat(current().getString("stage")).isEqualTo("published");
    } finally {
      server.setStage(DOC, DocumentStage.DRAFT);
      Await.result(server.access.refresh());
    }
  }

  @Test
  void titleKindAndOwnerBodyChangeTogether() throws Exception {
    JsonObject before = current();
    try {
      HttpResponse<String> r = patch(DOC, new JsonObject().put("title", "Antrag: Offene Daten")
          .put("kind", "programme").put("ownerBody", "committee-digital").encode());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject after = new JsonObject(r.body());
      assertThat(after.getString("title")).isEqualTo("Antrag: Offene Daten");
      assertThat(after.getString("kind")).isEqualTo("programme");
      assertThat(after.getString("ownerBody")).isEqualTo("committee-digital");
      assertThat(after.getString("stage")).as("untouched").isEqualTo(before.getString("stage"));
      assertThat(server.access.documentAccess(DOC).ownerBody().id()).isEqualTo("committee-digital");
    } finally {
      // Put it back directly (not through the route under test) for the other tests: the demo
      // body's councillor writes this draft.
      server.access.documentAccessStore().setOwner(DOC, org.pledgepad.auth.password.DemoAccounts.DEMO_BODY);
      HttpResponse<String> back = patch(DOC, new JsonObject().put("title", before.getString("title"))
          .put("kind", before.getString("kind")).encode());
      assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
      Await.result(server.access.refresh());
    }
  }

  @Test
  void malformedBodiesAreRefusedAndChangeNothing() throws Exception {
    JsonObject before = current();
    List<String> bad = List.of(
        "{}",
        "[]",
        "not json",
        "{\"title\": \"ok\", \"owners\": []}",
        "{\"editors\": \"demo-citizen\"}",
        "{\"editors\": [7]}",
        "{\"editors\": [\"demo-citizen\", \"demo-citizen\"]}",
        "{\"editors\": [\"nobody-by-that-login\"]}",
        "{\"commenters\": [\" demo-citizen\"]}",
        new JsonObject().put("commenters", new io.vertx.core.json.JsonArray(java.util.Collections.nCopies(
            DocumentSettingsPatch.MAX_MEMBERS + 1, "x"))).encode(),
        "{\"title\": null}",
        "{\"title\": 42}",
        "{\"title\": \"   \"}",
        "{\"title\": \" padded\"}",
        "{\"title\": \"two\\nlines\"}",
        new JsonObject().put("title", "x".repeat(DocumentSettingsPatch.MAX_TITLE + 1)).encode(),
        "{\"kind\": \"manifesto\"}",
        "{\"kind\": \"MOTION\"}",
        "{\"stage\": \"deleted\"}",
        "{\"stage\": 2}",
        "{\"ownerBody\": \"Not A Body\"}",
        "{\"ownerBody\": \"no-owner\"}",
        "{\"ownerBody\": {}}");
    for (String body : bad) {
      assertProblem(patch(DOC, body), 400);
    }
    assertProblem(patch(DOC, "{\"title\": \"" + "x".repeat(4000) + "\"}"), 413);
    assertProblem(http.send("PATCH", "/api/documents/" + DOC, "title=x",
        "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer " + server.tokenFor(Role.ADMIN)), 415);
    assertProblem(patch("no-such-document", "{\"title\": \"Neu\"}"), 404);
    assertProblem(patch("..%2Fetc", "{\"title\": \"Neu\"}"), 400);
    JsonObject after = current();
    after.remove("updatedAt");
    before.remove("updatedAt");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void editorsAndCommentersAreListedByLoginAndCountAtOnce() throws Exception {
    User partner = new User("partner-councillor", "partner-councillor", "Partnerin", false, Role.COUNCILLOR,
        Set.of(new Body("fraktion-rot")), false);
    server.access.users().add(partner, null, false);
    Await.result(server.access.refresh());
    String partnerToken = server.issue(partner.principal(), Duration.ofMinutes(10));
    String citizenToken = server.tokenFor(Role.CITIZEN);
    server.setStage(DOC, DocumentStage.DRAFT);
    Await.result(server.access.refresh());
    assertThat(org.pledgepad.auth.Authorizer.isAllowed(partner.principal(), server.access.documentAccess(DOC),
        org.pledgepad.auth.Operation.READ)).as("a councillor of another body, before").isFalse();
    assertThat(http.send("GET", "/api/documents/" + DOC, null, "Authorization", "Bearer " + citizenToken).statusCode())
        .as("a draft is not the public's").isEqualTo(404);

    HttpResponse<String> r = patch(DOC, new JsonObject().put("editors", new JsonArray().add("partner-councillor"))
        .put("commenters", new JsonArray().add("demo-citizen")).encode());
    try {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject after = new JsonObject(r.body());
      assertThat(after.getJsonArray("editors")).containsExactly(new JsonObject().put("id", "partner-councillor")
          .put("login", "partner-councillor").put("displayName", "Partnerin"));
      assertThat(after.getJsonArray("commenters").getJsonObject(0).getString("login")).isEqualTo("demo-citizen");
      assertThat(after.getString("ownerBodyName")).isEqualTo(DemoAccess.DEMO_BODY_NAME);
      assertThat(settings(server.tokenFor(Role.ADMIN))).isEqualTo(after);

      // No waiting: the answer came after the access layer had the new lists.
      try (SyncClient c = SyncClient.connect(Protocol.Y_WEBSOCKET, server.harness.wsBase(), DOC, partnerToken, Map.of())) {
        c.until(m -> m.type() == 0 && m.sub() == 0);
        assertThat(new EditProbe(93_102).refused(c, Protocol.Y_WEBSOCKET)).as("listed as editor").isFalse();
      }
      assertThat(http.send("GET", "/api/documents/" + DOC, null, "Authorization", "Bearer " + citizenToken).statusCode())
          .as("an invited commenter reads the draft").isEqualTo(200);
    } finally {
      HttpResponse<String> cleared = patch(DOC, new JsonObject().put("editors", new JsonArray())
          .put("commenters", new JsonArray()).encode());
      assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
      assertThat(new JsonObject(cleared.body()).getJsonArray("editors")).isEmpty();
    }
    assertThat(http.send("GET", "/api/documents/" + DOC, null, "Authorization", "Bearer " + citizenToken).statusCode())
        .as("the invitation is gone").isEqualTo(404);
  }

  private static JsonObject settings(String token) throws Exception {
    HttpResponse<String> r = http.send("GET", "/api/documents/" + DOC + "/settings", null, "Authorization", "Bearer " + token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  @Test
  void theContractIsServed() throws Exception {
    HttpResponse<String> r = http.send("GET", "/api/openapi/documents.yaml", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("/api/documents/{name}/settings:").contains("documents:quota");
  }

  @Test
  void writersOfADraftChangeItsTitleAndPutItUpForConsultationAndNothingElse() throws Exception {
    server.setStage(DOC, DocumentStage.DRAFT);
    Await.result(server.access.refresh());
    String councillor = server.tokenFor(Role.COUNCILLOR); // of the draft's body
    String before = current().getString("title");
    try {
      HttpResponse<String> ok = http.send("PATCH", "/api/documents/" + DOC, new JsonObject().put("title", "Antrag: Offene Daten jetzt").encode(),
          "Content-Type", "application/json", "Authorization", "Bearer " + councillor);
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      JsonObject answer = new JsonObject(ok.body());
      assertThat(answer.getString("title")).isEqualTo("Antrag: Offene Daten jetzt");
      assertThat(answer.containsKey("editors")).as("the lists of people are the admins'").isFalse();
      for (JsonObject more : List.of(new JsonObject().put("title", "X").put("stage", "published"),
          new JsonObject().put("stage", "archived"),
          new JsonObject().put("stage", "consultation").put("kind", "programme"),
          new JsonObject().put("commenters", new JsonArray().add("demo-citizen")),
          new JsonObject().put("ownerBody", "fraktion-rot"))) {
        assertProblem(http.send("PATCH", "/api/documents/" + DOC, more.encode(), "Content-Type", "application/json",
            "Authorization", "Bearer " + councillor), 403);
      }
      assertThat(current().getString("stage")).isEqualTo("draft");
      assertProblem(http.send("GET", "/api/documents/" + DOC + "/settings", null, "Authorization", "Bearer " + councillor), 403);
      assertThat(listedFor(server.tokenFor(Role.CITIZEN))).as("a draft is not public").doesNotContain(DOC);

      // The body puts its motion up for consultation: public at once, for comment.
      HttpResponse<String> out = http.send("PATCH", "/api/documents/" + DOC, new JsonObject().put("stage", "consultation").encode(),
          "Content-Type", "application/json", "Authorization", "Bearer " + councillor);
      assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
      assertThat(new JsonObject(out.body()).getString("stage")).isEqualTo("consultation");
      assertThat(listedFor(server.tokenFor(Role.CITIZEN))).contains(DOC);
      // From there on title and stage are the admins' again: no way back for the writers.
      for (JsonObject later : List.of(new JsonObject().put("title", "Später"), new JsonObject().put("stage", "draft"))) {
        assertProblem(http.send("PATCH", "/api/documents/" + DOC, later.encode(),
            "Content-Type", "application/json", "Authorization", "Bearer " + councillor), 403);
      }
      assertThat(current().getString("stage")).isEqualTo("consultation");
    } finally {
      server.setStage(DOC, DocumentStage.DRAFT);
      patch(DOC, new JsonObject().put("title", before).encode());
      Await.result(server.access.refresh());
    }
  }

  private static List<String> listedFor(String token) throws Exception {
    HttpResponse<String> r = http.send("GET", "/api/documents", null, "Authorization", "Bearer " + token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    new JsonArray(r.body()).forEach(d -> names.add(((JsonObject) d).getString("name")));
    return names;
  }

  @Test
  void onlyAdminsReadTheSettings() throws Exception {
    assertProblem(http.send("GET", "/api/documents/" + DOC + "/settings", null), 401);
    for (Role role : List.of(Role.CITIZEN, Role.COUNCILLOR, Role.MODERATOR)) {
      assertProblem(http.send("GET", "/api/documents/" + DOC + "/settings", null,
          "Authorization", "Bearer " + server.tokenFor(role)), 403);
    }
    assertProblem(http.send("GET", "/api/documents/no-such-document/settings", null,
        "Authorization", "Bearer " + server.tokenFor(Role.ADMIN)), 404);
  }

  @Test
  void onlyAdminsMayAndCookieSessionsNeedTheCsrfToken() throws Exception {
    String body = new JsonObject().put("title", "Übernommen").encode();
    assertProblem(http.send("PATCH", "/api/documents/" + DOC, body, "Content-Type", "application/json"), 401);
    for (Role role : List.of(Role.CITIZEN, Role.MODERATOR)) {
      assertProblem(http.send("PATCH", "/api/documents/" + DOC, body, "Content-Type", "application/json",
          "Authorization", "Bearer " + server.tokenFor(role)), 403);
    }
    // A councillor of another body may not even retitle the draft.
    assertProblem(http.send("PATCH", "/api/documents/" + DOC, body, "Content-Type", "application/json",
        "Authorization", "Bearer " + server.issue(new org.pledgepad.auth.Principal("rat-rot", "rat-rot", "Rot", false,
            Role.COUNCILLOR, Set.of(new Body("fraktion-rot")), null), Duration.ofMinutes(5))), 403);
    AccessHttp.Browser admin = server.signIn(http, "demo-admin");
    assertProblem(http.send("PATCH", "/api/documents/" + DOC, body, "Content-Type", "application/json",
        "Cookie", admin.cookie()), 403);
    HttpResponse<String> ok = http.send("PATCH", "/api/documents/" + DOC, body, "Content-Type", "application/json",
        "Cookie", admin.cookie(), AccessGuard.CSRF_HEADER, admin.csrf());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(current().getString("title")).isEqualTo("Übernommen");
  }
}
