package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.ServerHarness;

/**
 * Comments on an entry of a pledge's status history through the running server with the real
 * access layer: a pledge document in consultation is imported, a moderator sets a status, then
 * citizens comment on that entry through the annotation routes.
 */
class StatusCommentsIntegrationTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String DOCUMENT = "koalition-status-kommentare";
  private static final Principal ADMIN = principal("admin-a", Role.ADMIN);
  private static final Principal CITIZEN = principal("citizen-a", Role.CITIZEN);
  private static final Principal CITIZEN_B = principal("citizen-b", Role.CITIZEN);
  private static final Principal MODERATOR = principal("moderator-a", Role.MODERATOR);
  private static ServerHarness server;
  private static AccessControl access;
  private static AccessTokenIssuer issuer;
  private static String pledge;

  private static Principal principal(String subject, Role role) {
    return new Principal(subject, subject, "Name " + subject, false, role, Set.of(), null);
  }

  @BeforeAll
  static void start() throws Exception {
    Path dataDir = Files.createTempDirectory("pledgepad-status-comments-it");
    access = new AccessControl(AccessSettings.fromEnvironment(Map.of()));
    server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()), access);
    issuer = new AccessTokenIssuer(SigningKeyFile.load(dataDir.resolve(AccessControl.KEY_FILE)),
        AccessTokenSettings.defaults(), Clock.systemUTC(), new SecureRandom());
    pledge = pledgeWithStatus(DOCUMENT);
  }

  /** Imports a pledge document in consultation, sets its pledge's status (entry 0) and returns the pledge. */
  private static String pledgeWithStatus(String document) throws Exception {
    HttpResponse<String> imported = send("POST", "/api/pledges/import?name=" + document
        + "&kind=COALITION_AGREEMENT&issuer=Koalition&stage=consultation", ADMIN, "text/markdown",
        "# Koalitionsvertrag\n\n## Glasfaser bis 2025\n\nDas Glasfasernetz wird bis 2025 fertig.\n");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    // The access facts of a new document arrive with the next refresh (periodic in production).
    access.refresh().toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    JsonArray pledges = new JsonObject(send("GET", "/api/pledges/documents/" + document, null, null, null).body())
        .getJsonArray("pledges");
    String id = pledges.getJsonObject(0).getString("id");
    HttpResponse<String> status = send("PUT", "/api/pledges/" + id + "/status", MODERATOR, "application/json",
        "{\"status\":\"IN_ARBEIT\",\"evidence\":{\"date\":\"2026-05-02\",\"text\":\"Ausschreibung\","
            + "\"link\":\"https://example.org/a\"}}");
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return id;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String comments(int entry) {
    return "/api/documents/" + DOCUMENT + "/pledges/" + pledge + "/status/" + entry + "/comments";
  }

  @Test
  void citizensCommentOnAStatusEntryModeratorsHideAndErasureRemovesTheText() throws Exception {
    HttpResponse<String> guest = send("POST", comments(0), null, "application/json", "{\"body\":\"Gast\"}");
    assertThat(guest.statusCode()).isIn(401, 403); // as for comments on the text
    assertThat(guest.headers().firstValue("Content-Type")).contains("application/problem+json");

    HttpResponse<String> created = send("POST", comments(0), CITIZEN, "application/json",
        new JsonObject().put("body", "Die Ausschreibung ist **gestoppt**.").encode());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject thread = new JsonObject(created.body());
    assertThat(thread.getString("target")).isEqualTo("pledge-status/" + pledge + "/0");
    String post = thread.getJsonArray("posts").getJsonObject(0).getString("id");

    JsonArray listed = new JsonObject(send("GET", comments(0), null, null, null).body()).getJsonArray("threads");
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getJsonArray("posts").getJsonObject(0).getString("html"))
        .contains("<strong>gestoppt</strong>");
    // Not a comment on the text: the document's own thread list does not show it.
    assertThat(send("GET", "/api/documents/" + DOCUMENT + "/annotations", CITIZEN_B, null, null).body())
        .doesNotContain("gestoppt");

    HttpResponse<String> reply = send("POST", "/api/documents/" + DOCUMENT + "/threads/" + thread.getString("id")
        + "/replies", CITIZEN_B, "application/json", "{\"body\":\"Quelle?\"}");
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

    assertThat(send("POST", "/api/documents/" + DOCUMENT + "/posts/" + post + "/hide", CITIZEN_B, "application/json",
        "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> hidden = send("POST", "/api/documents/" + DOCUMENT + "/posts/" + post + "/hide", MODERATOR,
        "application/json", "{\"reason\":\"Unbelegte Behauptung\"}");
    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
    assertThat(send("GET", comments(0), CITIZEN_B, null, null).body()).doesNotContain("gestoppt").contains("ausgeblendet");

    HttpResponse<String> erased = send("POST", "/api/me/annotations/erase", CITIZEN, "application/json", "{}");
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(send("GET", comments(0), MODERATOR, null, null).body()).doesNotContain("gestoppt").contains("Quelle?");
  }

  @Test
  void aStatusEntrysCommentsComeInPagesThatFollowNextAndBadLimitsOrCursorsAre400() throws Exception {
    String document = "koalition-status-seiten";
    String list = "/api/documents/" + document + "/pledges/" + pledgeWithStatus(document) + "/status/0/comments";
    java.util.List<String> made = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = send("POST", list, CITIZEN_B, "application/json",
          new JsonObject().put("body", "Seite " + i).encode());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      made.add(new JsonObject(r.body()).getString("id"));
    }
    java.util.List<String> seen = new java.util.ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      HttpResponse<String> r = send("GET", list + "?limit=2" + (next == null ? "" : "&cursor=" + next), null, null, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject page = new JsonObject(r.body());
      assertThat(page.getJsonArray("threads").size()).isLessThanOrEqualTo(2);
      page.getJsonArray("threads").forEach(o -> seen.add(((JsonObject) o).getString("id")));
      next = page.getString("next");
      pages++;
    } while (next != null && pages < 100);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(made);
    for (String bad : java.util.List.of("?limit=0", "?limit=501", "?limit=abc", "?cursor=%25%25", "?cursor=bm9wZQ")) {
      HttpResponse<String> r = send("GET", list + bad, null, null, null);
      assertThat(r.statusCode()).as(bad + " " + r.body()).isEqualTo(400);
    }
  }

  @Test
  void unknownPledgesAndEntriesAreNotFound() throws Exception {
    assertThat(send("GET", comments(1), CITIZEN, null, null).statusCode()).isEqualTo(404);
    assertThat(send("POST", comments(7), CITIZEN, "application/json", "{\"body\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/documents/" + DOCUMENT + "/pledges/nope-abcdef/status/0/comments", CITIZEN, null, null)
        .statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/documents/" + DOCUMENT + "/pledges/a%20b/status/0/comments", CITIZEN, null, null)
        .statusCode()).isEqualTo(404);
    // A pledge of another document is not an entry of this one.
    assertThat(send("GET", "/api/documents/no-such-doc/pledges/" + pledge + "/status/0/comments", CITIZEN, null, null)
        .statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> send(String method, String path, Principal p, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpBase() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (p != null) {
      b.header("Authorization", "Bearer " + issuer.issue(p, Duration.ofMinutes(30)));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
