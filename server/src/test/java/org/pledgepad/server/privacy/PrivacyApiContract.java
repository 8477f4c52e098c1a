package org.pledgepad.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.DemoAccounts;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.RelativePosition;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.history.HistoryExport;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.access.SessionCookie;
import org.pledgepad.server.annotations.YWebsocketProbe;
import org.pledgepad.server.history.VerifyLauncher;
import org.pledgepad.server.testing.ServerHarness;

/**
 * Export and erasure through the running server with the real access layer, bound to both
 * stores by the subclasses. A citizen invited as editor types a sentence that stays and a private
 * remark that she deletes again, comments, reports a reply; then she exports and erases her
 * data, and no REST answer names her any more while the history still verifies.
 */
abstract class PrivacyApiContract {
  private static final String PASSWORD = "korrekt-pferd-batterie-9";
  private static final String ORIGINAL = "Die Stadt baut Radwege.";
  private static final String STAYS = "Die Stadt Kassel";
  private static final String SECRET = "Radwege vor Hauptstr. 5 (0561-778899)";
  private static final String COMMENT = "Mein Kommentar zu Radwegen";
  private static final String REPORT = "Meldegrund von Zora";

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(5));
  private ServerHarness server;
  private AccessControl ac;
  private AccessTokenIssuer issuer;
  private String doc;
  private User zora;
  private User otto;
  private final List<String> suggestionIds = new ArrayList<>();

  /** Environment naming the store; DATA_DIR is added here (token key). */
  protected abstract Map<String, String> storeEnv();

  @BeforeEach
  void start() throws Exception {
    AccessSettings settings = new AccessSettings(false, Duration.ofMillis(200), Duration.ofHours(1),
        AccessTokenSettings.defaults(), PasswordHasher.forTests(), Clock.systemUTC(), new SecureRandom(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    ac = new AccessControl(settings);
    Map<String, String> env = new java.util.HashMap<>(storeEnv());
    env.put("DATA_DIR", dataDir.toString());
    env.put("TRUSTED_PROXIES", "127.0.0.1"); // the test client stands in for a reverse proxy
    server = ServerHarness.start(env, ac);
    issuer = new AccessTokenIssuer(SigningKeyFile.load(dataDir.resolve(AccessControl.KEY_FILE)),
        AccessTokenSettings.defaults(), Clock.systemUTC(), new SecureRandom());
    doc = "privacy-" + suffix; // a fresh document: the PostgreSQL test database is shared between runs
    zora = new User("u-1" + suffix, "zora" + suffix, "Zora Zufall", true, Role.CITIZEN, Set.of(), false);
    otto = new User("u-2" + suffix, "otto" + suffix, "Otto Ortlieb", false, Role.CITIZEN, Set.of(), false);
    PasswordHasher hasher = PasswordHasher.forTests();
    ac.users().add(zora, hasher.hash(PASSWORD), false);
    ac.users().add(otto, hasher.hash(PASSWORD), false);
    ac.refresh().toCompletionStage().toCompletableFuture().get();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aCitizenExportsAndErasesTheirDataAndTheHistoryStillVerifies() throws Exception {
    // --- she suggests (two accepted, one of them deleted again), comments and reports ---
    String root = "default";
    Session s = signIn(zora.login());
    YXmlText text = writeAndSuggest(root, s);
    int baut = ORIGINAL.indexOf("baut");
    String start = position(text, baut);
    String end = position(text, baut + "baut".length());
    HttpResponse<String> comment = send("POST", "/api/documents/" + doc + "/comments", s,
        new JsonObject().put("start", start).put("end", end).put("body", COMMENT));
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
    String thread = new JsonObject(comment.body()).getString("id");
    HttpResponse<String> reply = send("POST", "/api/documents/" + doc + "/threads/" + thread + "/replies",
        token(otto.principal()), new JsonObject().put("body", "Antwort von Otto"));
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    String ottoPost = new JsonObject(reply.body()).getJsonArray("posts").getJsonObject(1).getString("id");
    HttpResponse<String> reported = send("POST", "/api/documents/" + doc + "/posts/" + ottoPost + "/report", s,
        new JsonObject().put("reason", REPORT));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    // A moderator with an account dismisses the report: her export lists the closure and the audit entry.
    User mod = new User("u-4" + suffix, "moda" + suffix, "Moda Rat", false, Role.MODERATOR, Set.of(), false);
    ac.users().add(mod, PasswordHasher.forTests().hash(PASSWORD), false);
    ac.refresh().toCompletionStage().toCompletableFuture().get();
    String closeNote = "Kein Verstoß " + suffix;
    HttpResponse<String> dismissed = send("POST", "/api/documents/" + doc + "/reports/"
        + new JsonObject(reported.body()).getString("id") + "/dismiss", token(mod.principal()),
        new JsonObject().put("reason", closeNote));
    assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
    String adminToken = token(new Principal("admin-" + suffix, "admin-" + suffix, "Admin", false, Role.ADMIN, Set.of(), null));
    HttpResponse<String> modData = send("GET", "/api/admin/users/" + mod.id() + "/data", adminToken, null);
    assertThat(modData.statusCode()).as(modData.body()).isEqualTo(200);
    JsonObject modAnn = new JsonObject(modData.body()).getJsonObject("annotations");
    assertThat(modAnn.getJsonArray("reportsClosed").size()).as(modData.body()).isEqualTo(1);
    assertThat(modAnn.getJsonArray("reportsClosed").getJsonObject(0).getString("time")).isNotNull();
    assertThat(modAnn.getJsonArray("moderationAudit").encode()).contains("dismiss-report").contains(closeNote);

    // --- export ---
    HttpResponse<String> exported = send("GET", "/api/me/data", s, null);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    JsonObject data = new JsonObject(exported.body());
    assertThat(data.getJsonObject("account").getString("login")).isEqualTo(zora.login());
    assertThat(data.getJsonObject("account").getString("displayName")).isEqualTo("Zora Zufall");
    assertThat(exported.body()).doesNotContain("argon").doesNotContain("password_hash").doesNotContain("passwordHash")
        .doesNotContain(s.cookie);
    assertThat(data.getJsonObject("annotations").getJsonArray("posts").encode()).contains(COMMENT);
    assertThat(data.getJsonObject("annotations").getJsonArray("reports").encode()).contains(REPORT);
    List<Long> mySeqs = new ArrayList<>();
    for (Object o : data.getJsonObject("history").getJsonArray("edits")) {
      JsonObject e = (JsonObject) o;
      if (e.getString("document").equals(doc)) {
        mySeqs.add(e.getLong("seq"));
      }
    }
    assertThat(mySeqs).as("the two accepted suggestions").hasSize(2);
    assertThat(data.getJsonObject("history").encode()).contains(suggestionIds.get(0)).contains(suggestionIds.get(1));
    assertThat(data.getJsonArray("clientIds")).isNotNull();
    assertThat(send("GET", "/api/me/data", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> tooSoon = send("GET", "/api/me/data", s, null);
    assertThat(tooSoon.statusCode()).isEqualTo(429);
    assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();

    // --- erasure needs CSRF and the password ---
    HttpResponse<String> noCsrf = send("DELETE", "/api/me", new Session(s.cookie, null),
        new JsonObject().put("password", PASSWORD));
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(send("DELETE", "/api/me", s, new JsonObject()).statusCode()).isEqualTo(400);
    assertThat(send("DELETE", "/api/me", s, new JsonObject().put("password", "falsch-falsch-falsch")).statusCode())
        .isEqualTo(403);
    HttpResponse<String> erased = send("DELETE", "/api/me", s, new JsonObject().put("password", PASSWORD));
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonObject result = new JsonObject(erased.body());
    assertThat(result.getBoolean("alreadyErased")).isFalse();
    JsonObject inDoc = documentResult(result);
    assertThat(inDoc.getInteger("rowsRedacted")).isEqualTo(1); // the suggestion deleted again
    assertThat(inDoc.getInteger("rowsKept")).isEqualTo(1);     // the wording that stands
    assertThat(result.getInteger("annotationRecords")).isGreaterThanOrEqualTo(3);
    assertThat(send("GET", "/api/me/data", s, null).statusCode()).isEqualTo(401); // session ended
    assertThat(signInStatus(zora.login())).isEqualTo(401);

    // --- the chain, the export and the store still verify ---
    String moderator = token(new Principal("mod-" + suffix, "mod-" + suffix, "Moderation", false, Role.MODERATOR, Set.of(), null));
    String verified = get("/api/documents/" + doc + "/verify", moderator).body();
    assertThat(new JsonObject(verified).getBoolean("ok")).as(verified).isTrue();
    byte[] file = http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + "/api/documents/" + doc + "/export"))
        .header("Authorization", "Bearer " + moderator).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    var history = HistoryExport.read(new ByteArrayInputStream(file));
    assertThat(history.verifier(history.publicKeys()).verify(history.rows()).ok()).isTrue();
    assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("0561-778899");
    Map<String, String> cliEnv = new java.util.HashMap<>(storeEnv());
    cliEnv.put("DATA_DIR", dataDir.toString());
    ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
    int status = VerifyLauncher.run(new String[] {"verify", "--database", doc}, cliEnv,
        new PrintStream(cliOut, true, StandardCharsets.UTF_8), new PrintStream(cliOut, true, StandardCharsets.UTF_8));
    assertThat(status).as(cliOut.toString(StandardCharsets.UTF_8)).isZero();

    // --- no REST answer names her, her texts are gone, others' data stays ---
    String admin = token(new Principal("admin-" + suffix, "admin-" + suffix, "Admin", false, Role.ADMIN, Set.of(), null));
    long head = new JsonObject(get("/api/documents/" + doc + "/history", moderator).body()).getJsonObject("head").getLong("seq");
    List<String> bodies = new ArrayList<>();
    for (String path : List.of("/history", "/authorship", "/diff?from=0&to=" + head, "/annotations",
        "/threads/" + thread, "/moderation")) {
      HttpResponse<String> r = send("GET", "/api/documents/" + doc + path, moderator, null);
      assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
      bodies.add(r.body());
    }
    for (long seq : mySeqs) {
      bodies.add(get("/api/documents/" + doc + "/versions/" + seq + "?format=text", moderator).body());
      bodies.add(get("/api/documents/" + doc + "/diff?from=" + (seq - 1) + "&to=" + seq, moderator).body());
    }
    HttpResponse<String> adminExport = send("GET", "/api/admin/users/" + zora.id() + "/data", admin, null);
    assertThat(adminExport.statusCode()).isEqualTo(200);
    bodies.add(adminExport.body());
    for (String b : bodies) {
      assertThat(b).doesNotContain("Zora").doesNotContain(zora.login()).doesNotContain(COMMENT)
          .doesNotContain(REPORT).doesNotContain("0561-778899").doesNotContain("Zora meint");
    }
    String threadView = bodies.get(4);
    assertThat(threadView).contains("Antwort von Otto").contains("Otto Ortlieb");
    assertThat(bodies.get(0)).contains("gelöscht"); // the accepted suggestions' suggester
    JsonObject h = new JsonObject(bodies.get(0));
    assertThat(h.getJsonArray("acceptedSuggestions").stream().map(o -> ((JsonObject) o).getString("suggesterName"))
        .filter("gelöscht"::equals).count()).isEqualTo(2);
    try (YWebsocketProbe ws = YWebsocketProbe.connect(server.wsBase(), doc, token(otto.principal()))) {
      awaitText(ws, root, STAYS + " baut ."); // the live document did not change
    }
    assertThat(get("/api/documents/" + doc + "/versions/" + head + "?format=text", moderator).body().strip())
        .isEqualTo(STAYS + " baut .");
    assertThat(ac.users().findById(otto.id()).orElseThrow().user().displayName()).isEqualTo("Otto Ortlieb");
    assertThat(signInStatus(otto.login())).isEqualTo(200);

    // --- idempotent, and only for admins ---
    assertThat(send("DELETE", "/api/admin/users/" + zora.id(), token(otto.principal()), null).statusCode()).isEqualTo(403);
    HttpResponse<String> again = send("DELETE", "/api/admin/users/" + zora.id(), admin, null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonObject second = new JsonObject(again.body());
    assertThat(second.getBoolean("alreadyErased")).isTrue();
    assertThat(documentResult(second).getInteger("rowsRedacted")).isZero();
    assertThat(second.getInteger("annotationRecords")).isZero();
    assertThat(new JsonObject(get("/api/documents/" + doc + "/verify", moderator).body()).getBoolean("ok")).isTrue();
    assertThat(send("DELETE", "/api/admin/users/nobody-" + suffix, admin, null).statusCode()).isEqualTo(404);
  }

  /**
   * Review item 5: a server before subjects logged accepted suggestions as "... by DISPLAY NAME".
   * The first erasure must find those rows, not only rewrite their notes for a second run.
   */
  @Test
  void suggestionsLoggedUnderHerDisplayNameAreErasedInTheFirstRun() throws Exception {
    writeAndSuggest("default", signIn(zora.login()));
    Map<String, String> env = new java.util.HashMap<>(storeEnv());
    env.put("DATA_DIR", dataDir.toString());
    org.pledgepad.server.history.HistoryDb db = org.pledgepad.server.history.HistoryDb.of(
        org.pledgepad.server.config.ConfigLoader.load(env));
    int legacy = 0;
    for (var note : db.notes(doc, 0, Long.MAX_VALUE)) {
      if (note.suggestion().isPresent()) {
        db.rewriteNote(doc, note.seq(), "accepted suggestion " + note.suggestion().get().suggestionId() + " by Zora Zufall");
        legacy++;
      }
    }
    assertThat(legacy).isEqualTo(2);
    String admin = token(new Principal("admin-" + suffix, "admin-" + suffix, "Admin", false, Role.ADMIN, Set.of(), null));
    HttpResponse<String> erased = send("DELETE", "/api/admin/users/" + zora.id(), admin, null);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonObject result = new JsonObject(erased.body());
    assertThat(result.getInteger("notesRewritten")).isEqualTo(2);
    assertThat(documentResult(result).getInteger("rowsRedacted")).as("the suggestion deleted again").isEqualTo(1);
    assertThat(documentResult(result).getInteger("rowsKept")).isEqualTo(1);
    String moderator = token(new Principal("mod-" + suffix, "mod-" + suffix, "Moderation", false, Role.MODERATOR, Set.of(), null));
    assertThat(new JsonObject(get("/api/documents/" + doc + "/verify", moderator).body()).getBoolean("ok")).isTrue();
    assertThat(new String(http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + "/api/documents/" + doc
        + "/export")).header("Authorization", "Bearer " + moderator).build(), HttpResponse.BodyHandlers.ofByteArray())
        .body(), StandardCharsets.UTF_8)).doesNotContain("0561-778899").doesNotContain("Zora");
  }

  @Test
  void aCitizensWordingDeletedFromAPledgeLeavesThePledgeIndexWithHerErasure() throws Exception {
    String admin = token(new Principal("admin-" + suffix, "admin-" + suffix, "Admin", false, Role.ADMIN, Set.of(), null));
    HttpResponse<String> imported = sendText("POST", "/api/pledges/import?name=" + doc
        + "&kind=MOTION&issuer=Rat&stage=consultation", admin, "# Antrag\n\n## Radwege bauen\n\n" + ORIGINAL + "\n");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    ac.documentAccessStore().setMember(doc, zora.id(), "commenter", true);
    ac.refresh().toCompletionStage().toCompletableFuture().get();
    Session s = signIn(zora.login());
    try (YWebsocketProbe ws = YWebsocketProbe.connect(server.wsBase(), doc, admin)) {
      Doc accepted = new Doc();
      Y.applyUpdate(accepted, ws.fetchState());
      acceptSuggestion(s, admin, pledgeBody(accepted), "Radwege", SECRET);
      // The index takes her wording at the next read...
      assertThat(get("/api/pledges/documents/" + doc, admin).body()).contains("0561-778899");
      // ...and the editor deletes it again; nobody reads the pledge document until the erasure.
      Doc now = new Doc();
      Y.applyUpdate(now, ws.fetchState());
      YXmlText body = pledgeBody(now);
      byte[] before = Y.encodeStateVector(now);
      body.delete(body.toString().indexOf(SECRET), SECRET.length());
      ws.sendUpdate(Y.encodeStateAsUpdate(now, before));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (true) {
        Doc server = new Doc();
        Y.applyUpdate(server, ws.fetchState());
        if (!pledgeBody(server).toString().contains(SECRET)) {
          break;
        }
        assertThat(System.nanoTime()).as("the deletion reached the server").isLessThan(deadline);
        Thread.sleep(50);
      }
    }

    HttpResponse<String> erased = send("DELETE", "/api/admin/users/" + zora.id(), admin, null);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonObject result = new JsonObject(erased.body());
    assertThat(documentResult(result).getInteger("rowsRedacted")).isEqualTo(1);
    // The stored index itself, before any read could refresh it.
    assertThat(pledgeIndex(doc)).contains("Die Stadt baut").doesNotContain("0561-778899");
    assertThat(result.getInteger("pledgeDocumentsReindexed")).isEqualTo(1);
    for (String path : List.of("/api/pledges/documents/" + doc, "/open-data/pledges.json", "/open-data/pledges.csv",
        "/open-data/documents/" + doc + ".md")) {
      for (String who : java.util.Arrays.asList(null, admin)) {
        HttpResponse<String> r = get(path, who);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.body()).as(path).contains("Die Stadt baut").doesNotContain("0561-778899");
      }
    }
  }

  /** The text of the first paragraph under the pledge heading (the pledge's body). */
  private static YXmlText pledgeBody(Doc d) {
    var root = d.getXmlFragment(org.pledgepad.server.pledges.PledgeOutline.FRAGMENT);
    for (int i = 0; i < root.length(); i++) {
      if (root.get(i) instanceof YXmlElement e && e.nodeName.equals("paragraph")) {
        return (YXmlText) e.get(0);
      }
    }
    throw new AssertionError("no paragraph in " + root);
  }

  /** Titles, bodies, texts and preambles of {@code name} as the pledge tables store them. */
  private String pledgeIndex(String name) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(storeEnv());
    env.put("DATA_DIR", dataDir.toString());
    var config = org.pledgepad.server.config.ConfigLoader.load(env);
    StringBuilder out = new StringBuilder();
    try (java.sql.Connection c = config.databaseUrl().isPresent()
        ? java.sql.DriverManager.getConnection(config.databaseUrl().get().jdbcUrl(), config.databaseUrl().get().user(),
            config.databaseUrl().get().password())
        : java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("pledges.sqlite"))) {
      for (String sql : List.of("SELECT title, body, full_text FROM pledges WHERE document = ?",
          "SELECT title, preamble, chapter FROM pledge_documents WHERE document = ?")) {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, name);
          try (java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.append(rs.getString(1)).append('\n').append(rs.getString(2)).append('\n').append(rs.getString(3)).append('\n');
            }
          }
        }
      }
    }
    return out.toString();
  }

  @Test
  void aModeratorsPledgeStatusNotesAreExportedThenErasedAndOpenDataNamesNoOne() throws Exception {
    // A moderator (an official: the history keeps officials' edits) sets a status with a note.
    String note = "Vermerk von Mira " + suffix + ": Ausschreibung laut Telefonat mit Herrn K. gestoppt";
    User mira = new User("u-3" + suffix, "mira" + suffix, "Mira Moderata", false, Role.MODERATOR, Set.of(), false);
    ac.users().add(mira, PasswordHasher.forTests().hash(PASSWORD), false);
    ac.refresh().toCompletionStage().toCompletableFuture().get();
    Session s = signIn(mira.login());
    String admin = token(new Principal("admin-" + suffix, "admin-" + suffix, "Admin", false, Role.ADMIN, Set.of(), null));
    String pledgeDoc = "antrag-" + suffix; // fresh: the PostgreSQL test database is shared between runs
    HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(server.httpBase()
            + "/api/pledges/import?name=" + pledgeDoc + "&kind=MOTION&issuer=Rat&stage=consultation"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "text/markdown")
        .POST(HttpRequest.BodyPublishers.ofString("# Antrag\n\n## Radwege sanieren\n\nDie Stadt saniert Radwege.\n"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    String pledge = new JsonObject(imported.body()).getJsonArray("documents").getJsonObject(0).getJsonArray("pledges")
        .getString(0);
    HttpResponse<String> set = send("PUT", "/api/pledges/" + pledge + "/status", s,
        new JsonObject().put("status", "IN_ARBEIT").put("note", note));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    int index = new JsonObject(set.body()).getJsonArray("history").size() - 1;

    // --- her export holds the status change and its note ---
    HttpResponse<String> exported = send("GET", "/api/me/data", s, null);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    JsonObject mine = new JsonObject(exported.body());
    assertThat(mine.getJsonArray("webSessions").size()).as("her cookie session").isGreaterThanOrEqualTo(1);
    assertThat(mine.getJsonArray("webSessions").encode()).doesNotContain(s.cookie);
    for (String key : List.of("suggestionsDecided", "reportsClosed", "moderationAudit")) {
      assertThat(mine.getJsonObject("annotations").getJsonArray(key)).as(key).isNotNull();
    }
    JsonArray changes = mine.getJsonObject("pledges").getJsonArray("statusChanges");
    assertThat(changes.size()).isEqualTo(1);
    assertThat(changes.getJsonObject(0).getString("pledge")).isEqualTo(pledge);
    assertThat(changes.getJsonObject(0).getString("status")).isEqualTo("IN_ARBEIT");
    assertThat(changes.getJsonObject(0).getString("note")).isEqualTo(note);

    // --- open data publishes the status and its reason, never who clicked ---
    for (String f : List.of("/open-data/status.csv", "/open-data/pledges.json")) {
      String body = get(f, null).body();
      assertThat(body).as(f).contains(note).doesNotContain(mira.id()).doesNotContain(mira.login())
          .doesNotContain("Mira Moderata");
    }

    // --- erased by an administrator: the row stays, unattributed; an official's note stays too ---
    HttpResponse<String> erased = send("DELETE", "/api/admin/users/" + mira.id(), admin, null);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(new JsonObject(erased.body()).getInteger("pledgeRecords")).isEqualTo(1);
    JsonObject after = null;
    // Read signed in: guests get no "changedBy" at all (who acted is not shown to them).
    for (Object o : new JsonObject(get("/api/pledges/documents/" + pledgeDoc, admin).body()).getJsonArray("pledges")) {
      if (((JsonObject) o).getString("id").equals(pledge)) {
        after = (JsonObject) o;
      }
    }
    assertThat(after).isNotNull();
    JsonObject row = after.getJsonArray("statusHistory").getJsonObject(index);
    assertThat(row.getString("status")).isEqualTo("IN_ARBEIT");
    assertThat(row.getString("changedBy")).isEqualTo("gelöscht");
    assertThat(row.getString("note")).as("the council's record of why").isEqualTo(note);
    List<String> bodies = new ArrayList<>(List.of(get("/open-data/status.csv", null).body(),
        get("/open-data/pledges.json", null).body(), get("/api/pledges/documents/" + pledgeDoc, null).body(),
        send("GET", "/api/admin/users/" + mira.id() + "/data", admin, null).body()));
    for (String b : bodies) {
      assertThat(b).doesNotContain(mira.login()).doesNotContain("Mira Moderata");
    }
    for (String b : bodies.subList(0, 3)) { // the admin's export is addressed by the id
      assertThat(b).doesNotContain(mira.id());
    }
    assertThat(new JsonObject(bodies.get(3)).getJsonObject("pledges").getJsonArray("statusChanges")).isEmpty();
    HttpResponse<String> again = send("DELETE", "/api/admin/users/" + mira.id(), admin, null);
    assertThat(new JsonObject(again.body()).getInteger("pledgeRecords")).isZero();
  }

  @Test
  void aTokenRestrictedToOneDocumentIsRefusedOnAccountWideAndAdminRoutes() throws Exception {
    String admin = token(new Principal("admin-" + suffix, "admin-" + suffix, "Admin", false, Role.ADMIN, Set.of(), null)
        .restrictedTo(doc));
    // It still works on its own document: it creates it (a draft) and reads its annotations.
    HttpResponse<String> created = sendText("POST", "/api/pledges/import?name=" + doc, admin, "# Antrag\n\n## Punkt\n\nText.\n");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> own = send("GET", "/api/documents/" + doc + "/annotations", admin, null);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    // Nothing outside that document: not the admin routes, not the account-wide /api/me routes.
    for (String[] call : List.of(new String[] {"DELETE", "/api/admin/users/" + otto.id()},
        new String[] {"GET", "/api/admin/users/" + otto.id() + "/data"},
        new String[] {"GET", "/api/me/data"},
        new String[] {"GET", "/api/me/annotations/export"},
        new String[] {"POST", "/api/me/annotations/erase"})) {
      HttpResponse<String> r = send(call[0], call[1], admin, null);
      assertThat(r.statusCode()).as(call[0] + " " + call[1] + " " + r.body()).isEqualTo(403);
      assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:pledgepad:problem:forbidden");
    }
    String zoraOnDoc = token(zora.principal().restrictedTo(doc));
    HttpResponse<String> erase = send("DELETE", "/api/me", zoraOnDoc, new JsonObject().put("password", PASSWORD));
    assertThat(erase.statusCode()).as(erase.body()).isEqualTo(403);
    assertThat(ac.users().findById(otto.id()).orElseThrow().user().displayName()).isEqualTo("Otto Ortlieb");
    assertThat(ac.users().findById(zora.id()).orElseThrow().user().displayName()).isEqualTo("Zora Zufall");
  }

  @Test
  void aGuestCannotTellADraftFromAMissingDocumentByItsAnnotations() throws Exception {
    String admin = token(new Principal("admin-" + suffix, "admin-" + suffix, "Admin", false, Role.ADMIN, Set.of(), null));
    HttpResponse<String> created = sendText("POST", "/api/pledges/import?name=" + doc, admin, "# Antrag\n\n## Punkt\n\nText.\n");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    for (String path : List.of("/annotations", "/moderation")) {
      HttpResponse<String> draft = send("GET", "/api/documents/" + doc + path, null, null);
      HttpResponse<String> missing = send("GET", "/api/documents/missing-" + suffix + path, null, null);
      assertThat(draft.statusCode()).as(draft.body()).isEqualTo(404);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(withoutInstance(draft)).isEqualTo(withoutInstance(missing)); // "instance" echoes the path
      assertThat(draft.headers().firstValue("WWW-Authenticate")).isEqualTo(missing.headers().firstValue("WWW-Authenticate"));
      // A signed-in person without access to the draft learns no more.
      HttpResponse<String> citizen = send("GET", "/api/documents/" + doc + path, token(otto.principal()), null);
      assertThat(citizen.statusCode()).as(citizen.body()).isEqualTo(404);
      assertThat(withoutInstance(citizen)).isEqualTo(withoutInstance(missing));
    }
  }

  @Test
  void behindATrustedProxyOnePersonsWrongPasswordsDoNotBlockAnothersErasure() throws Exception {
    PasswordHasher hasher = PasswordHasher.forTests();
    // Several accounts guess wrong from one client address until that address is throttled.
    boolean throttled = false;
    for (int i = 0; i < 3; i++) {
      User u = new User("u-g" + i + suffix, "guesser" + i + suffix, "Rater " + i, true, Role.CITIZEN, Set.of(), false);
      ac.users().add(u, hasher.hash(PASSWORD), false);
      ac.refresh().toCompletionStage().toCompletableFuture().get();
      String t = token(u.principal());
      for (int k = 0; k < 5; k++) {
        HttpResponse<String> r = sendFrom("198.51.100.7", t, new JsonObject().put("password", "falsch-" + k));
        assertThat(r.statusCode()).as(r.body()).isIn(403, 429);
        if (r.statusCode() == 429) {
          assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:pledgepad:problem:too-many-attempts");
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
          throttled = true;
        }
      }
    }
    assertThat(throttled).as("a throttled confirmation answers 429").isTrue();
    // Another person behind the same proxy confirms correctly.
    HttpResponse<String> ok = sendFrom("198.51.100.8", token(otto.principal()), new JsonObject().put("password", PASSWORD));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }

  private static JsonObject withoutInstance(HttpResponse<String> r) {
    JsonObject o = new JsonObject(r.body());
    o.remove("instance");
    return o;
  }

  @Test
  void aPersonIsStoppedBeforeTheirDataIsErased() throws Exception {
    // Otherwise what they send while the erasure runs (a comment, an edit) is stored after
    // their data was erased, under their name.
    Session s = signIn(zora.login());
    String readable = null;
    JsonArray docs = new JsonArray(get("/api/documents", null).body());
    for (int i = 0; i < docs.size() && readable == null; i++) {
      if ("consultation".equals(docs.getJsonObject(i).getString("stage"))) {
        readable = docs.getJsonObject(i).getString("name");
      }
    }
    assertThat(readable).as("a demo document in consultation").isNotNull();
    List<Object> seenDuring = new ArrayList<>();
    try (YWebsocketProbe ws = YWebsocketProbe.connect(server.wsBase(), readable, token(zora.principal()))) {
      ws.fetchState();
      assertThat(ws.closedByServer()).isFalse();
      PersonErasure.duringErasureForTests = () -> {
        try {
          seenDuring.add(send("GET", "/api/me/data", s, null).statusCode());
          seenDuring.add(ws.closedByServer());
        } catch (Exception e) {
          seenDuring.add(e);
        }
      };
      HttpResponse<String> erased = send("DELETE", "/api/me", s, new JsonObject().put("password", PASSWORD));
      assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    } finally {
      PersonErasure.duringErasureForTests = () -> {};
    }
    assertThat(seenDuring).as("while the erasure ran: her session, her open connection").containsExactly(401, true);
  }

  @Test
  void erasingOneselfOverHttpsClearsTheHostPrefixedCookie() throws Exception {
    // The test client is the trusted proxy (TRUSTED_PROXIES above) reporting https.
    HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + "/api/session"))
        .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", zora.login()).put("password", PASSWORD)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    String set = signedIn.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SessionCookie.HTTPS_NAME + "=")).findFirst().orElseThrow();
    HttpResponse<String> erased = http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + "/api/me"))
        .method("DELETE", HttpRequest.BodyPublishers.ofString(new JsonObject().put("password", PASSWORD).encode()))
        .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
        .header("Cookie", set.substring(0, set.indexOf(';')))
        .header("X-CSRF-Token", new JsonObject(signedIn.body()).getString("csrfToken")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    String cleared = erased.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SessionCookie.HTTPS_NAME + "=;")).findFirst().orElseThrow();
    assertThat(cleared.toLowerCase(java.util.Locale.ROOT)).contains("max-age=0").contains("; secure")
        .contains("; path=/;");
  }

  private HttpResponse<String> sendFrom(String forwardedFor, String bearer, JsonObject body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + "/api/me"))
        .method("DELETE", HttpRequest.BodyPublishers.ofString(body.encode()))
        .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
        .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> sendText(String method, String path, String bearer, String markdown) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + path))
        .method(method, HttpRequest.BodyPublishers.ofString(markdown))
        .header("Content-Type", "text/markdown").header("Authorization", "Bearer " + bearer).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject documentResult(JsonObject result) {
    for (Object o : result.getJsonArray("documents")) {
      if (((JsonObject) o).getString("document").equals(doc)) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no result for " + doc + " in " + result.encode());
  }

  /**
   * A councillor writes a paragraph into a fresh root; Zora suggests two changes that the
   * councillor accepts (logged under the councillor, the notes name Zora); the councillor then
   * deletes the first one's words again. Returns the paragraph's text as the councillor wrote it.
   */
  private YXmlText writeAndSuggest(String root, Session zoraSession) throws Exception {
    // An administrator edits (the new document is a draft without an owner body) and invites
    // the two citizens as commenters once the first edit created the document.
    String councillor = token(new Principal("editor-" + suffix, "editor-" + suffix, "Redaktion", false, Role.ADMIN,
        Set.of(), null));
    try (YWebsocketProbe ws = YWebsocketProbe.connect(server.wsBase(), doc, councillor)) {
      Doc local = new Doc();
      Y.applyUpdate(local, ws.fetchState());
      byte[] sv = Y.encodeStateVector(local);
      YXmlElement paragraph = new YXmlElement("paragraph");
      local.getXmlFragment(root).insert(0, List.of(paragraph));
      YXmlText t = new YXmlText();
      paragraph.insert(0, List.of(t));
      t.insert(0, ORIGINAL);
      send(ws, local, sv);
      awaitText(ws, root, ORIGINAL);
      ac.documentAccessStore().setMember(doc, zora.id(), "commenter", true);
      ac.documentAccessStore().setMember(doc, otto.id(), "commenter", true);
      ac.refresh().toCompletionStage().toCompletableFuture().get();

      acceptSuggestion(zoraSession, councillor, t, "Radwege", SECRET);
      acceptSuggestion(zoraSession, councillor, t, "Die Stadt", STAYS);
      // The councillor removes the first suggestion's words again.
      Doc now = new Doc();
      Y.applyUpdate(now, ws.fetchState());
      YXmlText nt = (YXmlText) ((YXmlElement) now.getXmlFragment(root).get(0)).get(0);
      byte[] before = Y.encodeStateVector(now);
      int at = nt.toString().indexOf(SECRET);
      nt.delete(at, SECRET.length());
      ws.sendUpdate(Y.encodeStateAsUpdate(now, before));
      awaitText(ws, root, STAYS + " baut .");
      return t;
    }
  }

  private void acceptSuggestion(Session zoraSession, String councillor, YXmlText t, String words, String replacement)
      throws Exception {
    // Anchor against the server's current text (positions are CRDT ids, stable across edits).
    int i = t.toString().indexOf(words);
    String start = position(t, i);
    String end = position(t, i + words.length());
    HttpResponse<String> r = send("POST", "/api/documents/" + doc + "/suggestions", zoraSession,
        new JsonObject().put("start", start).put("end", end).put("replacement", replacement).put("rationale", "Zora meint"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = new JsonObject(r.body()).getString("id");
    HttpResponse<String> ok = send("POST", "/api/documents/" + doc + "/suggestions/" + id + "/accept", councillor,
        org.pledgepad.server.annotations.AcceptBodies.reviewed(new JsonObject(r.body())));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    suggestionIds.add(id);
  }

  private static void awaitText(YWebsocketProbe ws, String root, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      Doc server = new Doc();
      Y.applyUpdate(server, ws.fetchState());
      YXmlElement p = server.getXmlFragment(root).length() == 0 ? null : (YXmlElement) server.getXmlFragment(root).get(0);
      if (p != null && p.length() > 0 && expected.equals(p.get(0).toString())) {
        return;
      }
      assertThat(System.nanoTime()).as("text reached the server: " + expected).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static byte[] send(YWebsocketProbe ws, Doc local, byte[] sv) throws Exception {
    ws.sendUpdate(Y.encodeStateAsUpdate(local, sv));
    return Y.encodeStateVector(local);
  }

  private static String position(YXmlText t, int index) {
    return Base64.getEncoder().encodeToString(RelativePosition.encodeRelativePosition(
        RelativePosition.createRelativePositionFromTypeIndex(t, index)));
  }

  private String token(Principal p) {
    return issuer.issue(p, Duration.ofMinutes(10));
  }

  /** A cookie session (cookie value, CSRF token); a bearer token is passed as a plain String. */
  private record Session(String cookie, String csrf) {}

  private Session signIn(String login) throws Exception {
    HttpResponse<String> r = signInResponse(login);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SessionCookie.PLAIN_NAME + "="))
        .findFirst().orElseThrow();
    return new Session(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')),
        new JsonObject(r.body()).getString("csrfToken"));
  }

  private int signInStatus(String login) throws Exception {
    return signInResponse(login).statusCode();
  }

  private HttpResponse<String> signInResponse(String login) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.httpBase() + "/api/session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", login).put("password", PASSWORD).encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    return send("GET", path, bearer, null);
  }

  private HttpResponse<String> send(String method, String path, Object who, JsonObject body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpBase() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (who instanceof String bearer) {
      b.header("Authorization", "Bearer " + bearer);
    } else if (who instanceof Session s) {
      b.header("Cookie", SessionCookie.PLAIN_NAME + "=" + s.cookie);
      if (s.csrf != null) {
        b.header("X-CSRF-Token", s.csrf);
      }
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
