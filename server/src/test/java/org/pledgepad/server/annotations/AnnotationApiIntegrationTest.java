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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.password.DemoAccounts;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.RelativePosition;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.NodeScripts;
import org.pledgepad.server.testing.ServerHarness;

/**
 * The annotation REST API through the running server with the real access layer: bearer tokens
 * signed with the server's own key, demo documents in consultation owned by the demo council.
 * Each test writes its own fragment (one paragraph, as the editor makes them) into the demo document through y-websocket as the
 * councillor, then annotates it.
 */
class AnnotationApiIntegrationTest {
  private static final String TEXT = "Die Stadt fördert offene Daten und freie Software.";
  private static Path dataDir;
  private static ServerHarness server;
  private static String document;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static AccessTokenIssuer issuer;

  private static final Principal CITIZEN = principal("citizen-a", Role.CITIZEN, Set.of());
  private static final Principal CITIZEN_B = principal("citizen-b", Role.CITIZEN, Set.of());
  private static final Principal COUNCILLOR = principal("councillor-a", Role.COUNCILLOR, Set.of(DemoAccounts.DEMO_BODY));
  private static final Principal MODERATOR = principal("moderator-a", Role.MODERATOR, Set.of());

  private static Principal principal(String subject, Role role, Set<org.pledgepad.auth.Body> bodies) {
    return new Principal(subject, subject, "Name " + subject, false, role, bodies, null);
  }

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("pledgepad-annotations-it");
    server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()),
        new AccessControl(AccessSettings.fromEnvironment(Map.of())));
    issuer = new AccessTokenIssuer(SigningKeyFile.load(dataDir.resolve(AccessControl.KEY_FILE)),
        AccessTokenSettings.defaults(), Clock.systemUTC(), new SecureRandom());
    JsonArray docs = new JsonArray(get("/api/documents", null).body());
    for (int i = 0; i < docs.size(); i++) {
      if ("consultation".equals(docs.getJsonObject(i).getString("stage"))) {
        document = docs.getJsonObject(i).getString("name");
        break;
      }
    }
    assertThat(document).as("a seeded document in consultation").isNotNull();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void commentsAreCreatedRepliedToAndResolved() throws Exception {
    Passage p = passage("comments", "offene Daten");
    HttpResponse<String> created = post("/comments", CITIZEN,
        new JsonObject().put("start", p.start).put("end", p.end).put("body", "Welche **Daten** genau?"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject thread = new JsonObject(created.body());
    String id = thread.getString("id");
    assertThat(thread.getJsonObject("anchor").getString("quote")).isEqualTo("offene Daten");
    assertThat(thread.getJsonArray("posts").getJsonObject(0).getString("html")).contains("<strong>Daten</strong>");

    HttpResponse<String> reply = post("/threads/" + id + "/replies", COUNCILLOR, new JsonObject().put("body", "Alle."));
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    assertThat(new JsonObject(reply.body()).getJsonArray("posts")).hasSize(2);

    HttpResponse<String> resolved = post("/threads/" + id + "/resolve", COUNCILLOR, new JsonObject());
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    assertThat(new JsonObject(resolved.body()).getString("status")).isEqualTo("resolved");

    JsonArray all = new JsonObject(get("/api/documents/" + document + "/annotations", CITIZEN).body()).getJsonArray("threads");
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);
  }

  @Test
  void acceptingASuggestionChangesTheTextAndLogsTheEditorsUpdate() throws Exception {
    Passage p = passage("accept", "offene Daten");
    String id = suggest(p, "offene Daten und offene Schnittstellen");
    HttpResponse<String> accepted = accept(id, COUNCILLOR);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(new JsonObject(accepted.body()).getJsonObject("suggestion").getString("state")).isEqualTo("accepted");

    assertThat(text(p.root)).isEqualTo("Die Stadt fördert offene Daten und offene Schnittstellen und freie Software.");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("pledgepad.sqlite"));
         PreparedStatement ps = c.prepareStatement(
             "SELECT actor, connection_id FROM document_updates WHERE document = ? ORDER BY seq DESC LIMIT 1")) {
      ps.setString(1, document);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(COUNCILLOR.subject());
        // The suggester by subject, not by display name: erasing the account reaches the name.
        assertThat(rs.getString(2)).isEqualTo("accepted suggestion " + id + " by citizen-a").doesNotContain("Name");
      }
    }
  }

  /**
   * The reconciler of accepts lost in a crash (AcceptReconciler) finds a stored accept by its log
   * note, and only that one: a suggestion it did not find would be opened again.
   */
  @Test
  void anAcceptedEditIsFoundInTheLogByTheReconciler() throws Exception {
    Passage p = passage("reconcile", "offene Daten");
    String id = suggest(p, "offene Daten aller Ämter");
    String rejected = suggest(p, "Daten");
    assertThat(post("/suggestions/" + rejected + "/reject", COUNCILLOR, new JsonObject().put("reason", "zu knapp"))
        .statusCode()).isEqualTo(200);
    assertThat(accept(id, COUNCILLOR).statusCode()).isEqualTo(200);
    org.pledgepad.server.history.HistoryDb history = org.pledgepad.server.history.HistoryDb.of(
        org.pledgepad.server.config.ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString())));
    assertThat(AcceptReconciliation.logged(history, document, Set.of(id, rejected, id.substring(0, id.length() - 1))))
        .containsExactly(id);
  }

  @Test
  void acceptingAfterThePassageChangedIsAConflict() throws Exception {
    Passage p = passage("collision", "freie Software");
    String first = suggest(p, "Open-Source-Software");
    String second = suggest(p, "freie und quelloffene Software");
    assertThat(accept(first, COUNCILLOR).statusCode()).isEqualTo(200);

    HttpResponse<String> conflict = accept(second, COUNCILLOR);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject body = new JsonObject(conflict.body());
    assertThat(body.getString("type")).isEqualTo("urn:pledgepad:problem:suggestion-collision");
    assertThat(body.getString("quote")).isEqualTo("freie Software");
    assertThat(text(p.root)).contains("Open-Source-Software").doesNotContain("quelloffene");
  }

  @Test
  void anAcceptNamesTheVersionReviewedAndIsRefusedOnceTheSuggesterChangedIt() throws Exception {
    Passage p = passage("reviewed", "Die Stadt");
    String id = suggest(p, "Die Kommune");
    JsonObject read = new JsonObject(get("/api/documents/" + document + "/threads/" + id, COUNCILLOR).body());

    HttpResponse<String> blind = post("/suggestions/" + id + "/accept", COUNCILLOR, new JsonObject());
    assertThat(blind.statusCode()).as(blind.body()).isEqualTo(400);
    assertThat(new JsonObject(blind.body()).getString("type")).isEqualTo("urn:pledgepad:problem:invalid");

    HttpResponse<String> patched = send("PATCH", "/api/documents/" + document + "/suggestions/" + id, CITIZEN,
        new JsonObject().put("replacement", "Der Landkreis").encode());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    HttpResponse<String> stale = post("/suggestions/" + id + "/accept", COUNCILLOR, AcceptBodies.reviewed(read));
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(new JsonObject(stale.body()).getString("type")).isEqualTo("urn:pledgepad:problem:suggestion-changed");
    assertThat(text(p.root)).isEqualTo(TEXT);

    assertThat(accept(id, COUNCILLOR).statusCode()).isEqualTo(200);
    assertThat(text(p.root)).contains("Der Landkreis");
  }

  @Test
  void aPatchWithOnlyOneEndOfANewPassageIs400AndKeepsTheSuggestion() throws Exception {
    Passage p = passage("half-move", "freie Software");
    String id = suggest(p, "Open-Source-Software");
    String path = "/api/documents/" + document + "/suggestions/" + id;
    for (JsonObject half : List.of(new JsonObject().put("replacement", "quelloffene Software").put("start", p.start),
        new JsonObject().put("replacement", "quelloffene Software").put("end", p.end))) {
      HttpResponse<String> refused = send("PATCH", path, CITIZEN, half.encode());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(new JsonObject(refused.body()).getString("type")).isEqualTo("urn:pledgepad:problem:invalid");
    }
    JsonObject now = new JsonObject(get("/api/documents/" + document + "/threads/" + id, CITIZEN).body());
    assertThat(now.getJsonObject("suggestion").getString("replacement")).isEqualTo("Open-Source-Software");
  }

  @Test
  void aWriterOverTheRateLimitIsToldWhenToTryAgain() throws Exception {
    // A person of their own: the limiter counts per person, and the other tests write as CITIZEN.
    Principal writer = principal("citizen-rate", Role.CITIZEN, Set.of());
    Passage p = passage("rate", "Daten");
    HttpResponse<String> created = post("/comments", writer,
        new JsonObject().put("start", p.start).put("end", p.end).put("body", "Erster Beitrag"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String replies = "/threads/" + new JsonObject(created.body()).getString("id") + "/replies";
    HttpResponse<String> limited = null;
    for (int i = 0; i < 25 && limited == null; i++) {
      HttpResponse<String> r = post(replies, writer, new JsonObject().put("body", "Antwort " + i));
      if (r.statusCode() == 429) {
        limited = r;
      }
    }
    assertThat(limited).as("20 writes at once, then one per 6 s").isNotNull();
    assertThat(new JsonObject(limited.body()).getString("type")).isEqualTo("urn:pledgepad:problem:rate-limited");
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("6");
  }

  @Test
  void theOpenApiFileIsServedToGuests() throws Exception {
    HttpResponse<String> yaml = get("/api/openapi/annotations.yaml", null);
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.body()).contains("/api/documents/{name}/suggestions/{id}/accept");
  }

  @Test
  void rejectingKeepsTheTextAndRecordsTheReason() throws Exception {
    Passage p = passage("reject", "Stadt");
    String id = suggest(p, "Kommune");
    HttpResponse<String> rejected = post("/suggestions/" + id + "/reject", COUNCILLOR,
        new JsonObject().put("reason", "Die Stadt ist gemeint."));
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(new JsonObject(rejected.body()).getJsonObject("suggestion").getString("state")).isEqualTo("rejected");
    assertThat(text(p.root)).isEqualTo(TEXT);
    // Citizens may not decide on suggestions: the permission table says 403.
    String other = suggest(p, "Gemeinde");
    HttpResponse<String> refused = accept(other, CITIZEN);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(refused.body()).getString("type")).isEqualTo("urn:pledgepad:problem:forbidden");
  }

  @Test
  void reportedPostsReachTheModeratorsWhoHideThem() throws Exception {
    JsonObject thread = comment(passage("report", "Software"), "Werbung hier");
    String postId = firstPostId(thread);

    HttpResponse<String> report = post("/posts/" + postId + "/report", CITIZEN_B, new JsonObject().put("reason", "Spam"));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    JsonObject queue = new JsonObject(get("/api/documents/" + document + "/moderation/queue", MODERATOR).body());
    assertThat(queue.getJsonArray("reports").stream().map(o -> ((JsonObject) o).getString("postId"))).contains(postId);
    assertThat(get("/api/documents/" + document + "/moderation/queue", CITIZEN).statusCode()).isEqualTo(403);

    HttpResponse<String> hidden = post("/posts/" + postId + "/hide", MODERATOR, new JsonObject().put("reason", "Werbung"));
    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
    JsonObject seenByOthers = new JsonObject(get("/api/documents/" + document + "/threads/" + thread.getString("id"),
        CITIZEN_B).body());
    JsonObject first = seenByOthers.getJsonArray("posts").getJsonObject(0);
    assertThat(first.getString("state")).isEqualTo("hidden");
    assertThat(first.encode()).doesNotContain("Werbung hier");
    JsonObject log = new JsonObject(get("/api/documents/" + document + "/moderation/queue", MODERATOR).body());
    assertThat(log.getJsonArray("audit").stream().map(o -> ((JsonObject) o).getString("action"))).contains("hide");
    JsonObject hiddenCase = caseOf(log.getJsonArray("hidden"), postId);
    assertThat(hiddenCase.getJsonArray("reports").getJsonObject(0).getString("reason")).isEqualTo("Spam");

    // The hide is reversible: restored, the post reads again for everyone, the author is told,
    // and the case keeps both decisions with moderator and time.
    assertThat(post("/posts/" + postId + "/restore", CITIZEN, new JsonObject()).statusCode()).isEqualTo(403);
    HttpResponse<String> restored = post("/posts/" + postId + "/restore", MODERATOR, new JsonObject().put("reason", "Irrtum"));
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    JsonObject again = new JsonObject(get("/api/documents/" + document + "/threads/" + thread.getString("id"), CITIZEN_B).body());
    assertThat(again.getJsonArray("posts").getJsonObject(0).getString("state")).isEqualTo("visible");
    assertThat(again.encode()).contains("Werbung hier").doesNotContain("restoredAt");
    JsonObject authorView = new JsonObject(get("/api/documents/" + document + "/threads/" + thread.getString("id"), CITIZEN).body());
    assertThat(authorView.getJsonArray("posts").getJsonObject(0).getString("restoredAt")).isNotNull();
    JsonObject afterRestore = new JsonObject(get("/api/documents/" + document + "/moderation/queue", MODERATOR).body());
    assertThat(afterRestore.getJsonArray("hidden").stream().map(o -> ((JsonObject) o).getJsonObject("post").getString("id")))
        .doesNotContain(postId);
    JsonArray history = caseOf(afterRestore.getJsonArray("restored"), postId).getJsonArray("history");
    assertThat(history.stream().map(o -> ((JsonObject) o).getString("action"))).containsExactly("hide", "restore");
    for (Object o : history) {
      assertThat(((JsonObject) o).getString("actor")).isEqualTo(MODERATOR.subject());
      assertThat(((JsonObject) o).getString("at")).isNotBlank();
    }
    assertThat(history.getJsonObject(1).getString("reason")).isEqualTo("Irrtum");
  }

  @Test
  void oneCitizensFloodOfPendingPostsEndsIn429AndAnotherCitizenStillWrites() throws Exception {
    Passage p = passage("quota", "freie Software");
    Principal flooder = principal("citizen-flood", Role.CITIZEN, Set.of());
    HttpResponse<String> on = send("PUT", "/api/documents/" + document + "/premoderation", MODERATOR,
        new JsonObject().put("on", true).encode());
    assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
    try {
      JsonObject body = new JsonObject().put("start", p.start).put("end", p.end).put("body", "Bitte prüfen");
      for (int i = 0; i < org.pledgepad.annotations.limit.Limits.MAX_PENDING_PER_PERSON; i++) {
        HttpResponse<String> r = post("/comments", flooder, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      }
      HttpResponse<String> refused = post("/comments", flooder, body);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
      assertThat(new JsonObject(refused.body()).getString("type")).isEqualTo("urn:pledgepad:problem:quota-pending");
      // the quota is the flooder's own: waiting does not help, so no Retry-After
      assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
      assertThat(post("/comments", CITIZEN_B, body).statusCode()).isEqualTo(201);
    } finally {
      send("PUT", "/api/documents/" + document + "/premoderation", MODERATOR, new JsonObject().put("on", false).encode());
    }
  }

  @Test
  void theListComesInPagesThatFollowNextAndBadLimitsOrCursorsAre400() throws Exception {
    Passage p = passage("pages", "offene Daten");
    Principal writer = principal("citizen-pages", Role.CITIZEN, Set.of());
    List<String> made = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = post("/comments", writer,
          new JsonObject().put("start", p.start).put("end", p.end).put("body", "Seite " + i));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      made.add(new JsonObject(r.body()).getString("id"));
    }
    String list = "/api/documents/" + document + "/annotations";
    Pages pages = pagesOfTwo(list, "threads");
    assertThat(pages.count()).isGreaterThanOrEqualTo(3);
    assertThat(pages.ids()).doesNotHaveDuplicates().containsAll(made);
    badLimitsAndCursorsAre400(list);
  }

  /** The ids of every page of a paged list, two a page, and how many pages there were. */
  private record Pages(List<String> ids, int count) {}

  /** Follows {@code next} through {@code url} at {@code ?limit=2}, collecting the ids in {@code field}. */
  private static Pages pagesOfTwo(String url, String field) throws Exception {
    List<String> seen = new java.util.ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      HttpResponse<String> r = get(url + "?limit=2" + (next == null ? "" : "&cursor=" + next), CITIZEN);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject page = new JsonObject(r.body());
      assertThat(page.getJsonArray(field).size()).isLessThanOrEqualTo(2);
      page.getJsonArray(field).forEach(o -> seen.add(((JsonObject) o).getString("id")));
      next = page.getString("next");
      pages++;
    } while (next != null && pages < 100);
    return new Pages(seen, pages);
  }

  private static void badLimitsAndCursorsAre400(String url) throws Exception {
    for (String bad : List.of("?limit=0", "?limit=501", "?limit=abc", "?limit=-1", "?cursor=%25%25", "?cursor=bm9wZQ")) {
      HttpResponse<String> r = get(url + bad, CITIZEN);
      assertThat(r.statusCode()).as(bad + " " + r.body()).isEqualTo(400);
      assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:pledgepad:problem:invalid");
    }
  }

  @Test
  void aThreadsPostsComeInPagesThatFollowNextAndBadLimitsOrCursorsAre400() throws Exception {
    Principal writer = principal("citizen-post-pages", Role.CITIZEN, Set.of());
    Passage p = passage("postpages", "offene Daten");
    HttpResponse<String> opened = post("/comments", writer,
        new JsonObject().put("start", p.start).put("end", p.end).put("body", "Frage"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String id = new JsonObject(opened.body()).getString("id");
    String thread = "/api/documents/" + document + "/threads/" + id;
    List<String> made = new java.util.ArrayList<>(List.of(firstPostId(new JsonObject(opened.body()))));
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> r = post("/threads/" + id + "/replies", writer,
          new JsonObject().put("body", "Antwort " + i));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonArray posts = new JsonObject(r.body()).getJsonArray("posts");
      made.add(posts.getJsonObject(posts.size() - 1).getString("id"));
    }
    Pages pages = pagesOfTwo(thread, "posts");
    assertThat(pages.count()).isEqualTo(3);
    assertThat(pages.ids()).isEqualTo(made);
    badLimitsAndCursorsAre400(thread);
  }

  /** The citizen comments the passage; returns the thread as the answer shows it. */
  private static JsonObject comment(Passage p, String body) throws Exception {
    HttpResponse<String> r = post("/comments", CITIZEN,
        new JsonObject().put("start", p.start).put("end", p.end).put("body", body));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body());
  }

  private static String firstPostId(JsonObject thread) {
    return thread.getJsonArray("posts").getJsonObject(0).getString("id");
  }

  private static JsonObject caseOf(JsonArray cases, String postId) {
    return cases.stream().map(o -> (JsonObject) o).filter(c -> postId.equals(c.getJsonObject("post").getString("id")))
        .findFirst().orElseThrow(() -> new AssertionError("no case for " + postId + " in " + cases.encode()));
  }

  @Test
  void exportAndErasureCoverTheCallersOwnAnnotations() throws Exception {
    Principal eraser = principal("citizen-erase", Role.CITIZEN, Set.of());
    Passage p = passage("erase", "Daten");
    assertThat(post("/comments", eraser, new JsonObject().put("start", p.start).put("end", p.end)
        .put("body", "Meine Meinung")).statusCode()).isEqualTo(201);
    JsonObject export = new JsonObject(get("/api/me/annotations/export", eraser).body());
    assertThat(export.getJsonArray("posts")).hasSize(1);
    assertThat(export.encode()).contains("Meine Meinung");

    HttpResponse<String> erased = send("POST", "/api/me/annotations/erase", eraser, "{}");
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(new JsonObject(get("/api/me/annotations/export", eraser).body()).getJsonArray("posts")).isEmpty();
  }

  @Test
  void guestsAndMalformedRequestsAreRefusedWithProblems() throws Exception {
    Passage p = passage("refusals", "Stadt");
    HttpResponse<String> guest = send("POST", "/api/documents/" + document + "/comments", null,
        new JsonObject().put("start", p.start).put("end", p.end).put("body", "x").encode());
    assertThat(guest.statusCode()).isIn(401, 403);
    assertThat(guest.headers().firstValue("Content-Type")).contains("application/problem+json");

    HttpResponse<String> malformed = send("POST", "/api/documents/" + document + "/comments", CITIZEN, "{nope");
    assertThat(malformed.statusCode()).isEqualTo(400);
    HttpResponse<String> badAnchor = post("/comments", CITIZEN,
        new JsonObject().put("start", "!!!").put("end", p.end).put("body", "x"));
    assertThat(badAnchor.statusCode()).isEqualTo(400);
    HttpResponse<String> tooBig = post("/comments", CITIZEN,
        new JsonObject().put("start", p.start).put("end", p.end).put("body", "x".repeat(70_000)));
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(get("/api/documents/no-such-doc/annotations", CITIZEN).statusCode()).isEqualTo(404);
    // The demo motion is a draft of the demo council: outsiders may not even read its annotations,
    // nor learn that it exists (answered like a missing document).
    assertThat(get("/api/documents/demo-antrag-offene-daten/annotations", null).statusCode()).isEqualTo(404);
    assertThat(get("/api/documents/demo-antrag-offene-daten/annotations", CITIZEN).statusCode()).isEqualTo(404);
    assertThat(get("/api/documents/demo-antrag-offene-daten/annotations", COUNCILLOR).statusCode()).isEqualTo(200);
  }

  @Test
  void createdCommentsArePushedToOpenHocuspocusConnections() throws Exception {
    Passage p = passage("push", "Daten");
    JsonObject out = new JsonObject(NodeScripts.run("annotation-push.mjs", server.wsBase(), server.httpBase(), document,
        token(CITIZEN), p.start, p.end));
    JsonObject event = out.getJsonObject("event");
    assertThat(event.getString("type")).isEqualTo("thread.created");
    assertThat(event.getString("document")).isEqualTo(document);
    assertThat(event.getString("thread")).isEqualTo(out.getString("thread"));
    // Ids only: no text and no user ids travel in pushes.
    assertThat(event.fieldNames()).containsOnly("kind", "type", "document", "thread", "post", "at");
  }

  @Test
  void aCitizensReportReachesTheModeratorsSocketAndNotACitizens() throws Exception {
    String postId = firstPostId(comment(passage("report-push", "Software"), "Unsachlich"));

    JsonObject out = new JsonObject(NodeScripts.run("moderation-push.mjs", server.wsBase(), server.httpBase(), document,
        postId, token(MODERATOR), token(CITIZEN), token(CITIZEN_B)));
    assertThat(out.getJsonArray("moderator").getList()).contains("report.created", "post.hidden");
    // The citizen got the hide (an event for everyone) and, before it, no report event.
    assertThat(out.getJsonArray("citizen").getList()).contains("post.hidden").doesNotContain("report.created");
    assertThat(out.getJsonObject("reportEvent").fieldNames()).containsOnly("kind", "type", "document", "thread", "post", "at");
  }

  // helpers

  private record Passage(String root, String start, String end) {}

  /** Writes TEXT into a fresh root of the demo document as the councillor and anchors {@code words}. */
  private static Passage passage(String root, String words) throws Exception {
    // Shaped like the editor's document: a fragment, a paragraph element, its text.
    Doc local = new Doc();
    YXmlElement paragraph = new YXmlElement("paragraph");
    local.getXmlFragment(root).insert(0, List.of(paragraph));
    YXmlText t = new YXmlText();
    paragraph.insert(0, List.of(t));
    t.insert(0, TEXT);
    try (YWebsocketProbe ws = YWebsocketProbe.connect(server.wsBase(), document, token(COUNCILLOR))) {
      ws.sendUpdate(Y.encodeStateAsUpdate(local));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!TEXT.equals(textOf(ws.fetchState(), root))) {
        assertThat(System.nanoTime()).as("text reached the server").isLessThan(deadline);
        Thread.sleep(50);
      }
    }
    int i = TEXT.indexOf(words);
    Base64.Encoder b64 = Base64.getEncoder();
    return new Passage(root,
        b64.encodeToString(RelativePosition.encodeRelativePosition(RelativePosition.createRelativePositionFromTypeIndex(t, i))),
        b64.encodeToString(RelativePosition.encodeRelativePosition(
            RelativePosition.createRelativePositionFromTypeIndex(t, i + words.length()))));
  }

  private static String suggest(Passage p, String replacement) throws Exception {
    HttpResponse<String> r = post("/suggestions", CITIZEN, new JsonObject().put("start", p.start).put("end", p.end)
        .put("replacement", replacement).put("rationale", "Klarer so."));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getString("id");
  }

  private static String text(String root) throws Exception {
    try (YWebsocketProbe ws = YWebsocketProbe.connect(server.wsBase(), document, token(CITIZEN))) {
      return textOf(ws.fetchState(), root);
    }
  }

  private static String textOf(byte[] state, String root) {
    Doc d = new Doc();
    Y.applyUpdate(d, state);
    YXmlFragment f = d.getXmlFragment(root);
    if (f.length() == 0) {
      return "";
    }
    return ((YXmlElement) f.get(0)).get(0).toString();
  }

  private static String token(Principal p) {
    return issuer.issue(p, Duration.ofMinutes(30));
  }

  private static HttpResponse<String> post(String path, Principal p, JsonObject body) throws Exception {
    return send("POST", "/api/documents/" + document + path, p, body.encode());
  }

  /** As the web client does: the thread as the editor reads it, then the accept naming it. */
  private static HttpResponse<String> accept(String id, Principal p) throws Exception {
    JsonObject view = new JsonObject(get("/api/documents/" + document + "/threads/" + id, p).body());
    return post("/suggestions/" + id + "/accept", p, AcceptBodies.reviewed(view));
  }

  private static HttpResponse<String> get(String path, Principal p) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpBase() + path)).GET();
    if (p != null) {
      b.header("Authorization", "Bearer " + token(p));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String path, Principal p, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpBase() + path))
        .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
    if (p != null) {
      b.header("Authorization", "Bearer " + token(p));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
