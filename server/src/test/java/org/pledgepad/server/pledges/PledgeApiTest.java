package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.imports.ComparisonSeedParser;
import org.pledgepad.pledges.export.JsonExport;
import org.pledgepad.pledges.export.LicenceInfo;
import org.pledgepad.pledges.export.OpenDataBundle;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeStatus;
import org.pledgepad.pledges.model.StatusChange;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.LinkOrigin;
import java.time.Instant;

class PledgeApiTest extends PledgeServerTest {
  static final String ADMIN = "ADMIN admin-1";
  static final String MEMBER = "COUNCILLOR rat-1 council";
  static final String OUTSIDER = "COUNCILLOR rat-2 other-group";
  static final String CITIZEN = "CITIZEN buerger-1";
  static final String COALITION = KasselPledgeSeed.COALITION_NAME;
  static final String PROGRAMME = KasselPledgeSeed.PROGRAMME_NAME;

  private JsonObject document(String name) {
    HttpResponse<String> r = server.get("/api/pledges/documents/" + name);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  static List<String> titles(JsonObject doc) {
    List<String> out = new ArrayList<>();
    doc.getJsonArray("pledges").forEach(p -> out.add(((JsonObject) p).getString("title")));
    return out;
  }

  static String idOf(JsonObject doc, String title) {
    for (Object p : doc.getJsonArray("pledges")) {
      if (((JsonObject) p).getString("title").equals(title)) {
        return ((JsonObject) p).getString("id");
      }
    }
    throw new AssertionError("no pledge " + title);
  }

  @Test
  void everyPledgeTitleOfBothOverviewsIsServedWithMetadataAndOpenStatus() {
    var expected = ComparisonSeedParser.loadKassel2021();
    JsonObject coalition = document(COALITION);
    JsonObject programme = document(PROGRAMME);
    assertThat(titles(coalition)).containsExactlyElementsOf(expected.coalition().pledges().stream().map(Pledge::title).toList());
    assertThat(titles(programme)).containsExactlyElementsOf(expected.programme().pledges().stream().map(Pledge::title).toList());
    assertThat(programme.getString("issuer")).isEqualTo("SPD Kassel");
    assertThat(coalition.getString("kind")).isEqualTo("COALITION_AGREEMENT");
    assertThat(coalition.getString("period")).isEqualTo("2021–2026");
    assertThat(coalition.getJsonArray("pledges").getJsonObject(0).getString("status")).isEqualTo("OFFEN");
    JsonArray list = new JsonArray(server.get("/api/pledges/documents").body());
    assertThat(list).hasSize(2);
  }

  @Test
  void readersAskingAtOnceShareOneComputationOfTheSuggestions() throws Exception {
    document(PROGRAMME); // both texts read once, as any reader of them does first
    document(COALITION);
    long before = server.module.service().suggestionsComputed();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // Each from its own address: the per-client limit on comparisons is not what is tested here.
      all.add(server.getAsync("/api/pledges/compare?a=" + PROGRAMME + "&b=" + COALITION,
          java.util.Map.of("X-Test-Address", "10.0.0." + (i + 1))));
    }
    java.util.Set<String> suggestions = new java.util.HashSet<>();
    for (var f : all) {
      HttpResponse<String> r = f.get();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      suggestions.add(String.valueOf(new JsonObject(r.body()).getValue("suggestions")));
    }
    assertThat(suggestions).hasSize(1);
    assertThat(server.module.service().suggestionsComputed() - before).isEqualTo(1);
  }

  @Test
  void comparisonOfTheSeedSuggestsFibreHighAndNothingHighForTalkingTrafficLights() {
    JsonObject programme = document(PROGRAMME);
    JsonObject coalition = document(COALITION);
    HttpResponse<String> r = server.get("/api/pledges/compare?a=" + PROGRAMME + "&b=" + COALITION);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject result = new JsonObject(r.body());
    JsonObject byPledge = result.getJsonObject("suggestions").getJsonObject("byPledge");
    JsonArray fibre = byPledge.getJsonArray(idOf(programme, "Glasfaser in der ganzen Stadt"));
    String fibreB = idOf(coalition, "Ausbau des Glasfasernetzes");
    JsonObject s = fibre.stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("candidateId").equals(fibreB)).findFirst().orElseThrow();
    assertThat(s.getString("confidence")).isEqualTo("HOCH");
    assertThat(s.getDouble("score")).isBetween(0.0, 1.0);
    assertThat(s.getJsonArray("matchedTerms")).isNotEmpty();
    JsonArray lights = byPledge.getJsonArray(idOf(programme, "Sprechende Ampeln"), new JsonArray());
    assertThat(lights.stream().map(o -> ((JsonObject) o).getString("confidence"))).doesNotContain("HOCH");
    // Suggestions are advice: nothing is aligned until someone links.
    assertThat(result.getJsonArray("aligned")).isEmpty();
    assertThat(result.getJsonArray("onlyInA")).hasSize(programme.getJsonArray("pledges").size());
    assertThat(result.getJsonObject("coverage").getInteger("found")).isZero();
    assertThat(result.getJsonObject("statuses").getJsonObject(fibreB).getString("status")).isEqualTo("OFFEN");
    assertThat(result.getJsonObject("statuses").fieldNames()).hasSize(
        programme.getJsonArray("pledges").size() + coalition.getJsonArray("pledges").size());
  }

  /** Review 2026-11-30, item 15: the API gives a pair one figure, whichever document is "a". */
  @Test
  void aPairHasTheSameScoreAndConfidenceInBothDirections() {
    JsonObject programme = document(PROGRAMME);
    JsonObject coalition = document(COALITION);
    String fibreA = idOf(programme, "Glasfaser in der ganzen Stadt");
    String fibreB = idOf(coalition, "Ausbau des Glasfasernetzes");
    JsonObject forward = suggestionOf(PROGRAMME, COALITION, fibreA, fibreB);
    JsonObject backward = suggestionOf(COALITION, PROGRAMME, fibreB, fibreA);
    assertThat(backward.getDouble("score")).isEqualTo(forward.getDouble("score"));
    assertThat(backward.getString("confidence")).isEqualTo(forward.getString("confidence")).isEqualTo("HOCH");
  }

  private JsonObject suggestionOf(String a, String b, String pledge, String candidate) {
    HttpResponse<String> r = server.get("/api/pledges/compare?a=" + a + "&b=" + b);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getJsonObject("suggestions").getJsonObject("byPledge").getJsonArray(pledge)
        .stream().map(o -> (JsonObject) o).filter(o -> o.getString("candidateId").equals(candidate)).findFirst()
        .orElseThrow(() -> new AssertionError("no suggestion " + pledge + " → " + candidate));
  }

  @Test
  void compareNeedsTwoValidDifferentDocuments() {
    HttpResponse<String> r = server.get("/api/pledges/compare?a=" + PROGRAMME + "&b=" + PROGRAMME);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(server.get("/api/pledges/compare?a=" + PROGRAMME + "&b=nope-x").statusCode()).isEqualTo(404);
  }

  @Test
  void importRejectsNonAdminsAndReportsTheLineOfBadInput() {
    String text = "# Antrag\n\n## Erster Punkt\n\nText.\n";
    assertThat(server.send("POST", "/api/pledges/import?name=antrag-1", null, "text/markdown", text).statusCode()).isEqualTo(401);
    assertThat(server.send("POST", "/api/pledges/import?name=antrag-1", MEMBER, "text/markdown", text).statusCode()).isEqualTo(403);
    HttpResponse<String> bad = server.send("POST", "/api/pledges/import?name=antrag-2", ADMIN, "text/markdown",
        "# Antrag\n\n## Punkt\n\nText\n\n##Ohne Leerzeichen\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonObject problem = new JsonObject(bad.body());
    assertThat(problem.getString("type")).isEqualTo(PledgeProblems.IMPORT_FAILED);
    assertThat(problem.getInteger("line")).isEqualTo(7);
    HttpResponse<String> ok = server.send("POST", "/api/pledges/import?name=antrag-1&issuer=Fraktion&kind=MOTION",
        ADMIN, "text/markdown", text);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    // Drafts are not public: a guest does not even learn that it exists.
    assertThat(server.get("/api/pledges/documents/antrag-1").statusCode()).isEqualTo(404);
    HttpResponse<String> again = server.send("POST", "/api/pledges/import?name=antrag-1", ADMIN, "text/markdown", text);
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void aJsonImportIsAuthorisedBeforeItsBodyIsParsed() {
    String malformed = "{\"format\": \"pledgepad-open-data\", broken";
    HttpResponse<String> guest = server.send("POST", "/api/pledges/import", null, "application/json", malformed);
    assertThat(guest.statusCode()).as(guest.body()).isEqualTo(401);
    HttpResponse<String> member = server.send("POST", "/api/pledges/import", MEMBER, "application/json", malformed);
    assertThat(member.statusCode()).as(member.body()).isEqualTo(403);
    HttpResponse<String> admin = server.send("POST", "/api/pledges/import", ADMIN, "application/json", malformed);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(400);
  }

  @Test
  void aJsonImportWritesNothingOutsideItsOwnDocuments() {
    JsonObject coalition = document(COALITION);
    String seedPledge = idOf(coalition, "Ausbau des Glasfasernetzes");
    PledgeDocument own = new PledgeDocument("neu-x", "Neu", "Fraktion", DocumentKind.MOTION, "", "", "", "",
        List.of(), List.of(new Pledge("eigener-punkt-aaaaaa", "Eigener Punkt", "Text.", "", List.of())));
    StatusTrack foreign = new StatusTrack(seedPledge, List.of(new StatusChange(PledgeStatus.VERWORFEN,
        Instant.parse("2024-01-01T00:00:00Z"), "mod-1", "gefälscht")), List.of());
    PledgeLink foreignLink = new PledgeLink("eigener-punkt-aaaaaa", seedPledge, LinkKind.SAME, "rat-1",
        Instant.parse("2024-01-01T00:00:00Z"), LinkOrigin.MANUAL);
    String withStatus = JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"), List.of(own), List.of(),
        List.of(foreign), List.of()));
    String withLink = JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"), List.of(own), List.of(foreignLink),
        List.of(), List.of()));
    // An admin token limited to the new document may create it, but not set the status of a pledge
    // of the published agreement (MODERATE there) or link to it: the file's rows count like requests.
    String limited = "ADMIN admin-2 none neu-x";
    for (String file : List.of(withStatus, withLink)) {
      HttpResponse<String> r = server.send("POST", "/api/pledges/import?stage=draft", limited, "application/json", file);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    }
    JsonObject p = document(COALITION).getJsonArray("pledges").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("id").equals(seedPledge)).findFirst().orElseThrow();
    assertThat(p.getString("status")).isEqualTo("OFFEN");
    assertThat(document(COALITION).getJsonArray("links")).isEmpty();
    assertThat(server.send("GET", "/api/pledges/documents/neu-x", ADMIN, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void importedLinksAndStatusChangesNameTheImportingAdminNotTheFilesAuthors() {
    // The file may name any account id ("mod-1" here); what this record can vouch for is who
    // imported it. The times of the file stay.
    Instant decided = Instant.parse("2024-01-01T00:00:00Z");
    PledgeDocument own = new PledgeDocument("neu-y", "Neu", "Fraktion", DocumentKind.MOTION, "", "", "", "",
        List.of(), List.of(new Pledge("punkt-eins-aaaaaa", "Punkt eins", "Text.", "", List.of()),
            new Pledge("punkt-zwei-bbbbbb", "Punkt zwei", "Text.", "", List.of())));
    StatusTrack track = new StatusTrack("punkt-eins-aaaaaa", List.of(new StatusChange(PledgeStatus.VERWORFEN,
        decided, "mod-1", "im Ausschuss")), List.of());
    PledgeLink link = new PledgeLink("punkt-eins-aaaaaa", "punkt-zwei-bbbbbb", LinkKind.RELATED, "mod-1", decided,
        LinkOrigin.MANUAL);
    String file = JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"), List.of(own), List.of(link),
        List.of(track), List.of()));
    HttpResponse<String> r = server.send("POST", "/api/pledges/import?stage=draft", ADMIN, "application/json", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

    JsonObject imported = new JsonObject(server.send("GET", "/api/pledges/documents/neu-y", ADMIN, null, null).body());
    assertThat(imported.encode()).doesNotContain("mod-1");
    JsonObject first = imported.getJsonArray("pledges").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("id").equals("punkt-eins-aaaaaa")).findFirst().orElseThrow();
    JsonObject change = first.getJsonArray("statusHistory").getJsonObject(0);
    assertThat(change.getString("changedBy")).isEqualTo("admin-1");
    assertThat(change.getString("at")).isEqualTo(decided.toString());
    assertThat(imported.getJsonArray("links").getJsonObject(0).getString("createdBy")).isEqualTo("admin-1");
  }

  @Test
  void anImportThatIsNotUtf8IsRefusedWithTheLineOfTheFirstBadByte() {
    // Windows-1252, as an office program saves it: "ü" is the single byte 0xFC.
    byte[] cp1252 = "# Programm\n\n## Glasfaser f\u00fcr alle\n\nText.\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
    HttpResponse<String> r = server.sendBytes("POST", "/api/pledges/import?name=cp-1252&kind=ELECTION_PROGRAMME&stage=draft",
        ADMIN, "text/markdown", cp1252);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonObject problem = new JsonObject(r.body());
    assertThat(problem.getString("type")).isEqualTo("urn:pledgepad:problem:pledges:import-not-utf8");
    assertThat(problem.getInteger("line")).isEqualTo(3);
    assertThat(problem.getString("detail")).contains("not UTF-8").contains("line 3");
    assertThat(server.send("GET", "/api/pledges/documents/cp-1252", ADMIN, null, null).statusCode()).isEqualTo(404);
    // A JSON file is read the same way.
    HttpResponse<String> json = server.sendBytes("POST", "/api/pledges/import?stage=draft", ADMIN, "application/json",
        new byte[] {'{', '\n', '"', (byte) 0xE4, '"', ':', '1', '}'});
    assertThat(json.statusCode()).as(json.body()).isEqualTo(400);
    assertThat(new JsonObject(json.body()).getInteger("line")).isEqualTo(2);
  }

  @Test
  void aLeadingByteOrderMarkIsDroppedSoTheFirstHeadingStaysTheTitle() {
    HttpResponse<String> r = server.send("POST", "/api/pledges/import?name=mit-bom&kind=ELECTION_PROGRAMME&stage=draft",
        ADMIN, "text/markdown", "\uFEFF# Programm\n\n## Glasfaser f\u00fcr alle\n\nJedes Haus.\n");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject doc = new JsonObject(server.send("GET", "/api/pledges/documents/mit-bom", ADMIN, null, null).body());
    assertThat(doc.getString("title")).isEqualTo("Programm");
    assertThat(doc.getJsonArray("preamble", new JsonArray())).isEmpty();
    assertThat(titles(doc)).containsExactly("Glasfaser f\u00fcr alle");
  }

  @Test
  void metadataOverThreeHundredCharactersIsRefusedInAJsonImportAsInTheMarkdownImport() {
    String limit = "x".repeat(PledgeImportRoutes.MAX_META);
    List<Pledge> one = List.of(new Pledge("punkt-eins-cccccc", "Punkt eins", "Text.", "", List.of()));
    for (String field : List.of("title", "issuer", "period", "sourceUrl", "licence", "chapter")) {
      String file = JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"), List.of(metadata("lang-" + field,
          field, limit + "y", one)), List.of(), List.of(), List.of()));
      HttpResponse<String> r = server.send("POST", "/api/pledges/import?stage=draft", ADMIN, "application/json", file);
      assertThat(r.statusCode()).as(field + ": " + r.body()).isEqualTo(400);
      assertThat(new JsonObject(r.body()).getString("detail")).contains("(" + field + ")");
      assertThat(server.send("GET", "/api/pledges/documents/lang-" + field, ADMIN, null, null).statusCode()).isEqualTo(404);
    }
    String atTheLimit = JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"),
        List.of(metadata("genau-300", "issuer", limit, one)), List.of(), List.of(), List.of()));
    HttpResponse<String> ok = server.send("POST", "/api/pledges/import?stage=draft", ADMIN, "application/json", atTheLimit);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    // The Markdown import takes the title from a heading: a longer one would make an export that does not import.
    HttpResponse<String> heading = server.send("POST", "/api/pledges/import?name=lange-ueberschrift&stage=draft", ADMIN,
        "text/markdown", "# " + limit + "y\n\n## Punkt\n\nText.\n");
    assertThat(heading.statusCode()).as(heading.body()).isEqualTo(400);
    assertThat(new JsonObject(heading.body()).getString("type")).isEqualTo(PledgeProblems.IMPORT_FAILED);
  }

  /** A motion whose metadata {@code field} is {@code value}, the others short. */
  private static PledgeDocument metadata(String name, String field, String value, List<Pledge> pledges) {
    java.util.function.Function<String, String> f = k -> k.equals(field) ? value : "kurz";
    return new PledgeDocument(name, f.apply("title"), f.apply("issuer"), DocumentKind.MOTION, f.apply("period"),
        f.apply("sourceUrl"), f.apply("licence"), f.apply("chapter"), List.of(), pledges);
  }

  /** Two consultation documents owned by "council", imported by an admin; returns their pledge ids. */
  static List<String> importPair(PledgeTestServer server) {
    HttpResponse<String> a = server.send("POST", "/api/pledges/import?name=prog-a&kind=ELECTION_PROGRAMME&issuer=Partei&stage=consultation",
        ADMIN, "text/markdown", "# Programm\n\n## Glasfaser für alle\n\nJedes Haus bekommt Glasfaser.\n\n## Mehr Bänke\n\nBänke im Park.\n");
    HttpResponse<String> b = server.send("POST", "/api/pledges/import?name=vertrag-b&kind=COALITION_AGREEMENT&issuer=Koalition&stage=consultation",
        ADMIN, "text/markdown", "# Vertrag\n\nVorwort.\n\n## Glasfaserausbau\n\nWir bauen das Glasfasernetz aus.\n\nZweiter Absatz.\n");
    assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
    assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
    List<String> ids = new ArrayList<>();
    new JsonObject(a.body()).getJsonArray("documents").getJsonObject(0).getJsonArray("pledges").forEach(i -> ids.add((String) i));
    new JsonObject(b.body()).getJsonArray("documents").getJsonObject(0).getJsonArray("pledges").forEach(i -> ids.add((String) i));
    return ids;
  }

  @Test
  void theComparisonAnswers304UntilSomethingItShowsChanges() {
    List<String> ids = importPair(server);
    String path = "/api/pledges/compare?a=prog-a&b=vertrag-b";
    HttpResponse<String> first = server.get(path);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
    HttpResponse<String> same = server.get(path, "If-None-Match", etag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(server.get(path, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);

    // Someone else links two of the pledges: the page's next question gets the new answer.
    String body = new JsonObject().put("a", ids.get(0)).put("b", ids.get(2)).put("kind", "SAME").encode();
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json", body).statusCode()).isEqualTo(201);
    HttpResponse<String> changed = server.get(path, "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).get().isNotEqualTo(etag);
    assertThat(new JsonObject(changed.body()).getJsonArray("links")).hasSize(1);
  }

  @Test
  void onlyEditorsOfBothDocumentsCreateAndDeleteLinks() {
    List<String> ids = importPair(server);
    String body = new JsonObject().put("a", ids.get(0)).put("b", ids.get(2)).put("kind", "SAME").encode();
    assertThat(server.send("POST", "/api/pledges/links", null, "application/json", body).statusCode()).isEqualTo(401);
    assertThat(server.send("POST", "/api/pledges/links", CITIZEN, "application/json", body).statusCode()).isEqualTo(403);
    assertThat(server.send("POST", "/api/pledges/links", OUTSIDER, "application/json", body).statusCode()).isEqualTo(403);
    HttpResponse<String> created = server.send("POST", "/api/pledges/links", MEMBER, "application/json", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject link = new JsonObject(created.body());
    assertThat(link.getString("createdBy")).isEqualTo("rat-1");
    assertThat(link.getString("origin")).isEqualTo("MANUAL");
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json", body).statusCode()).isEqualTo(409);

    String id = link.getString("id");
    assertThat(server.send("DELETE", "/api/pledges/links/" + id, CITIZEN, null, null).statusCode()).isEqualTo(403);
    assertThat(server.send("DELETE", "/api/pledges/links/" + id, OUTSIDER, null, null).statusCode()).isEqualTo(403);
    assertThat(server.send("DELETE", "/api/pledges/links/" + id, MEMBER, null, null).statusCode()).isEqualTo(204);
    assertThat(server.send("DELETE", "/api/pledges/links/" + id, MEMBER, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aPublicDocumentDoesNotShowItsLinksToPledgesOfADraft() {
    List<String> ids = importPair(server);
    HttpResponse<String> draft = server.send("POST", "/api/pledges/import?name=entwurf-c&kind=MOTION&issuer=Fraktion&stage=draft",
        ADMIN, "text/markdown", "# Entwurf\n\n## Geheimer Glasfaserplan\n\nNoch nicht beschlossen.\n");
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    String secret = new JsonObject(draft.body()).getJsonArray("documents").getJsonObject(0).getJsonArray("pledges").getString(0);
    String body = new JsonObject().put("a", ids.get(0)).put("b", secret).put("kind", "RELATED").encode();
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json", body).statusCode()).isEqualTo(201);

    // The draft's pledge id is the slug of its title: a guest reading the public side must not see it.
    HttpResponse<String> guest = server.get("/api/pledges/documents/prog-a");
    assertThat(guest.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(guest.body()).getJsonArray("links")).isEmpty();
    assertThat(guest.body()).doesNotContain(secret);
    // Those who may read the draft still see the link.
    HttpResponse<String> member = server.send("GET", "/api/pledges/documents/prog-a", MEMBER, null, null);
    assertThat(new JsonObject(member.body()).getJsonArray("links")).hasSize(1);
  }

  @Test
  void aPledgeIdInAnUnreadableDraftIsAnsweredLikeAnIdThatDoesNotExist() {
    List<String> ids = importPair(server);
    HttpResponse<String> draft = server.send("POST", "/api/pledges/import?name=entwurf-d&kind=MOTION&issuer=Fraktion&stage=draft",
        ADMIN, "text/markdown", "# Entwurf\n\n## Geheimer Glasfaserplan\n\nNoch nicht beschlossen.\n");
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    String secret = new JsonObject(draft.body()).getJsonArray("documents").getJsonObject(0).getJsonArray("pledges").getString(0);
    String missing = "gibt-es-nicht-" + secret.length();
    // A citizen may not read the draft; a guessed title must not be confirmed by a different answer.
    String status = "{\"status\":\"UMGESETZT\"}";
    sameAnswer(server.send("PUT", "/api/pledges/" + secret + "/status", CITIZEN, "application/json", status),
        server.send("PUT", "/api/pledges/" + missing + "/status", CITIZEN, "application/json", status));
    for (String who : List.of(CITIZEN, OUTSIDER)) {
      for (boolean first : List.of(true, false)) {
        sameAnswer(server.send("POST", "/api/pledges/links", who, "application/json", linkBody(first, ids.get(0), secret)),
            server.send("POST", "/api/pledges/links", who, "application/json", linkBody(first, ids.get(0), missing)));
      }
    }
    sameAnswer(server.get("/api/pledges/" + secret + "/provenance"), server.get("/api/pledges/" + missing + "/provenance"));
    sameAnswer(server.send("GET", "/api/pledges/" + secret + "/provenance", CITIZEN, null, null),
        server.send("GET", "/api/pledges/" + missing + "/provenance", CITIZEN, null, null));
    // Those who may read the draft still reach its pledge.
    assertThat(server.send("GET", "/api/pledges/" + secret + "/provenance", MEMBER, null, null).statusCode()).isEqualTo(200);
  }

  private static String linkBody(boolean draftFirst, String published, String other) {
    return new JsonObject().put("a", draftFirst ? other : published).put("b", draftFirst ? published : other)
        .put("kind", "RELATED").encode();
  }

  /** Same status, problem type, title and detail ({@code instance} is the path, which names the id asked). */
  private static void sameAnswer(HttpResponse<String> draft, HttpResponse<String> missing) {
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(missing.statusCode());
    JsonObject a = new JsonObject(draft.body());
    JsonObject b = new JsonObject(missing.body());
    a.remove("instance");
    b.remove("instance");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void guestsGetNoAccountIdsOfWhoLinkedOrSetAStatus() {
    List<String> ids = importPair(server);
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json",
        new JsonObject().put("a", ids.get(0)).put("b", ids.get(2)).put("kind", "SAME").encode()).statusCode()).isEqualTo(201);
    assertThat(server.send("PUT", "/api/pledges/" + ids.get(0) + "/status", "MODERATOR mod-1", "application/json",
        "{\"status\":\"IN_ARBEIT\",\"note\":\"Ausschreibung läuft\"}").statusCode()).isEqualTo(200);

    // An account id is personal data (open data publishes these fields empty); the README keeps it for signed-in readers.
    HttpResponse<String> doc = server.get("/api/pledges/documents/prog-a");
    HttpResponse<String> cmp = server.get("/api/pledges/compare?a=prog-a&b=vertrag-b");
    for (HttpResponse<String> r : List.of(doc, cmp)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).doesNotContain("rat-1").doesNotContain("mod-1");
    }
    JsonObject pledge = new JsonObject(doc.body()).getJsonArray("pledges").getJsonObject(0);
    assertThat(pledge.getJsonArray("statusHistory").getJsonObject(0).getString("note")).isEqualTo("Ausschreibung läuft");
    assertThat(new JsonObject(cmp.body()).getJsonArray("links")).hasSize(1);

    // Councillors and above, who work with the record, get the account ids ...
    JsonObject member = new JsonObject(server.send("GET", "/api/pledges/documents/prog-a", MEMBER, null, null).body());
    assertThat(member.getJsonArray("links").getJsonObject(0).getString("createdBy")).isEqualTo("rat-1");
    assertThat(member.getJsonArray("pledges").getJsonObject(0).getJsonArray("statusHistory").getJsonObject(0)
        .getString("changedBy")).isEqualTo("mod-1");
    assertThat(member.getJsonArray("links").getJsonObject(0).getString("createdByName")).isEqualTo("Rat-1");
    // ... a signed-in citizen the names, which the comparison page shows, but not the accounts.
    HttpResponse<String> citizenDoc = server.send("GET", "/api/pledges/documents/prog-a", CITIZEN, null, null);
    JsonObject signedIn = new JsonObject(citizenDoc.body());
    assertThat(signedIn.getJsonArray("links").getJsonObject(0).getString("createdByName")).isEqualTo("Rat-1");
    assertThat(signedIn.getJsonArray("pledges").getJsonObject(0).getJsonArray("statusHistory").getJsonObject(0)
        .getString("changedByName")).isEqualTo("Mod-1");
    HttpResponse<String> citizenCmp = server.send("GET", "/api/pledges/compare?a=prog-a&b=vertrag-b", CITIZEN, null, null);
    JsonObject compared = new JsonObject(citizenCmp.body());
    assertThat(compared.getJsonArray("links").getJsonObject(0).getString("createdByName")).isEqualTo("Rat-1");
    assertThat(compared.getJsonArray("aligned").getJsonObject(0).getJsonObject("link").getString("createdByName"))
        .isEqualTo("Rat-1");
    for (HttpResponse<String> r : List.of(citizenDoc, citizenCmp)) {
      assertThat(r.body()).doesNotContain("rat-1").doesNotContain("mod-1");
    }
    assertThat(cmp.body()).doesNotContain("Rat-1").doesNotContain("Mod-1"); // guests: no names either
  }

  @Test
  void linksOnThePublishedSeedAreRefusedBecauseItsTextIsNoLongerEditable() {
    JsonObject programme = document(PROGRAMME);
    JsonObject coalition = document(COALITION);
    String body = new JsonObject().put("a", idOf(programme, "Glasfaser in der ganzen Stadt"))
        .put("b", idOf(coalition, "Ausbau des Glasfasernetzes")).put("kind", "SAME").encode();
    HttpResponse<String> r = server.send("POST", "/api/pledges/links", ADMIN, "application/json", body);
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void hostileLinkAndStatusBodiesAreProblems() {
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json", "[1]").statusCode()).isEqualTo(400);
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json",
        "{\"a\":\"x\",\"b\":\"x\",\"kind\":\"SAME\"}").statusCode()).isEqualTo(400);
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json",
        "{\"a\":\"x\",\"b\":\"y\",\"kind\":\"EVIL\"}").statusCode()).isEqualTo(400);
    assertThat(server.send("POST", "/api/pledges/links", MEMBER, "application/json",
        "{\"a\":\"x\",\"b\":\"y\",\"kind\":\"SAME\",\"pad\":\"" + "x".repeat(40_000) + "\"}").statusCode()).isEqualTo(413);
    assertThat(server.send("PUT", "/api/pledges/unknown-aaaaaa/status", ADMIN, "application/json",
        "{\"status\":\"UMGESETZT\",\"evidence\":{\"date\":\"gestern\",\"text\":\"t\",\"link\":\"\"}}").statusCode()).isEqualTo(400);
    assertThat(server.send("PUT", "/api/pledges/unknown-aaaaaa/status", ADMIN, "application/json",
        "{\"status\":\"UMGESETZT\",\"evidence\":{\"date\":\"2024-01-01\",\"text\":\"t\",\"link\":\"javascript:alert(1)\"}}").statusCode()).isEqualTo(400);
    assertThat(server.send("PUT", "/api/pledges/unknown-aaaaaa/status", ADMIN, "application/json",
        "{\"status\":\"UMGESETZT\"}").statusCode()).isEqualTo(404);
    // Guests learn nothing about which pledge ids exist.
    assertThat(server.send("PUT", "/api/pledges/unknown-aaaaaa/status", null, "application/json",
        "{\"status\":\"UMGESETZT\"}").statusCode()).isEqualTo(401);
    assertThat(server.send("POST", "/api/pledges/links", null, "application/json",
        "{\"a\":\"x\",\"b\":\"y\",\"kind\":\"SAME\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void statusChangesKeepHistoryAndEvidenceAndNeedModeration() {
    JsonObject coalition = document(COALITION);
    String id = idOf(coalition, "Ausbau des Glasfasernetzes");
    String body = "{\"status\":\"IN_ARBEIT\",\"note\":\"Ausschreibung läuft\",\"evidence\":{\"date\":\"2023-05-02\","
        + "\"text\":\"Beschluss der Stadtverordnetenversammlung\",\"link\":\"https://example.org/beschluss\"}}";
    assertThat(server.send("PUT", "/api/pledges/" + id + "/status", MEMBER, "application/json", body).statusCode()).isEqualTo(403);
    HttpResponse<String> r = server.send("PUT", "/api/pledges/" + id + "/status", "MODERATOR mod-1", "application/json", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(server.send("PUT", "/api/pledges/" + id + "/status", "MODERATOR mod-1", "application/json",
        "{\"status\":\"umgesetzt\"}").statusCode()).isEqualTo(200);
    // Read signed in as a councillor: guests get the history without who set it, citizens by name only.
    JsonObject p = new JsonObject(server.send("GET", "/api/pledges/documents/" + COALITION, MEMBER, null, null).body())
        .getJsonArray("pledges").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("id").equals(id)).findFirst().orElseThrow();
    assertThat(p.getString("status")).isEqualTo("UMGESETZT");
    assertThat(p.getJsonArray("statusHistory")).hasSize(2);
    assertThat(p.getJsonArray("statusHistory").getJsonObject(0).getString("changedBy")).isEqualTo("mod-1");
    assertThat(p.getJsonArray("evidence").getJsonObject(0).getString("date")).isEqualTo("2023-05-02");
  }

  @Test
  void successorAgreementCarriesOverAndDropsPledgesAndProvenanceReadsProgrammeToSuccessor() {
    String successor = "koalitionsvertrag-2022-digitalisierung";
    HttpResponse<String> imported = server.send("POST", "/api/pledges/import?name=" + successor
            + "&kind=COALITION_AGREEMENT&issuer=Koalition&stage=consultation", ADMIN, "text/markdown",
        "# Fortschreibung 2022\n\n## Glasfaser bis 2025\n\nDas Glasfasernetz wird bis 2025 fertig.\n\n## Offenes WLAN\n\nWLAN in allen Bussen.\n");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonObject next = document(successor);
    String nextFibre = idOf(next, "Glasfaser bis 2025");
    JsonObject coalition = document(COALITION);
    String fibre = idOf(coalition, "Ausbau des Glasfasernetzes");
    String other = titles(coalition).stream().filter(t -> !t.equals("Ausbau des Glasfasernetzes")).findFirst()
        .map(t -> idOf(coalition, t)).orElseThrow();
    String programmeFibre = idOf(document(PROGRAMME), "Glasfaser in der ganzen Stadt");
    // The published seed refuses links over the API (its text is read-only); the store takes one directly.
    server.module.service().store().addLink(new PledgeLink(programmeFibre, fibre, LinkKind.SAME, "test",
        Instant.parse("2024-01-01T00:00:00Z"), LinkOrigin.MANUAL)).toCompletionStage().toCompletableFuture().join();

    String declare = new JsonObject().put("predecessor", COALITION).put("successor", successor)
        .put("effective", "2022-07-01").encode();
    assertThat(server.send("POST", "/api/pledges/successions", null, "application/json", declare).statusCode()).isEqualTo(401);
    assertThat(server.send("POST", "/api/pledges/successions", CITIZEN, "application/json", declare).statusCode()).isEqualTo(403);
    assertThat(server.send("POST", "/api/pledges/successions", MEMBER, "application/json", declare).statusCode()).isEqualTo(403);
    HttpResponse<String> created = server.send("POST", "/api/pledges/successions", ADMIN, "application/json", declare);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(new JsonObject(created.body()).getJsonArray("undecided")).contains(fibre, other);
    assertThat(server.send("POST", "/api/pledges/successions", ADMIN, "application/json", declare).statusCode()).isEqualTo(409);

    String base = "/api/pledges/successions/" + successor + "/pledges/";
    String carry = new JsonObject().put("fate", "CARRIED_OVER").put("successorPledgeId", nextFibre).put("kind", "PARTLY").encode();
    assertThat(server.send("PUT", base + fibre, null, "application/json", carry).statusCode()).isEqualTo(401);
    assertThat(server.send("PUT", base + fibre, CITIZEN, "application/json", carry).statusCode()).isEqualTo(403);
    assertThat(server.send("PUT", base + fibre, ADMIN, "application/json", "{\"fate\":\"CARRIED_OVER\"}").statusCode()).isEqualTo(400);
    assertThat(server.send("PUT", base + fibre, ADMIN, "application/json", carry).statusCode()).isEqualTo(200);
    HttpResponse<String> dropped = server.send("PUT", base + other, ADMIN, "application/json",
        new JsonObject().put("fate", "DROPPED").put("note", "Nicht mehr im Haushalt").encode());
    assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);

    HttpResponse<String> shown = server.get("/api/pledges/successions/" + successor);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    JsonObject view = new JsonObject(shown.body());
    assertThat(view.getJsonArray("problems")).isEmpty();
    assertThat(view.getJsonArray("dropped")).containsExactly(other);
    assertThat(view.getJsonArray("carriedOver").getJsonObject(0).getString("successorPledgeId")).isEqualTo(nextFibre);
    assertThat(view.getJsonArray("undecided")).doesNotContain(fibre, other);
    for (Object o : view.getJsonArray("pledges")) {
      JsonObject p = (JsonObject) o;
      if (p.getString("id").equals(other)) {
        assertThat(p.getString("fate")).isEqualTo("DROPPED");
        assertThat(p.getString("note")).isEqualTo("Nicht mehr im Haushalt");
      }
    }

    HttpResponse<String> prov = server.get("/api/pledges/" + nextFibre + "/provenance");
    assertThat(prov.statusCode()).as(prov.body()).isEqualTo(200);
    List<String> docs = new ArrayList<>();
    List<String> via = new ArrayList<>();
    new JsonObject(prov.body()).getJsonArray("chain").forEach(o -> {
      docs.add(((JsonObject) o).getString("document"));
      via.add(((JsonObject) o).getString("via", "-"));
    });
    assertThat(docs).containsExactly(PROGRAMME, COALITION, successor);
    assertThat(via).containsExactly("-", "PROGRAMME_LINK", "CARRIED_OVER");

    HttpResponse<String> export = server.get("/open-data/pledges.json");
    JsonArray successions = new JsonObject(export.body()).getJsonArray("successions");
    assertThat(successions).hasSize(1);
    assertThat(successions.getJsonObject(0).getJsonArray("dropped")).containsExactly(other);
    try (PledgeTestServer copy = PledgeTestServer.start(dir.resolve("copy"), false)) {
      HttpResponse<String> back = copy.send("POST", "/api/pledges/import?stage=published", ADMIN, "application/json", export.body());
      assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
      assertThat(copy.get("/open-data/pledges.json").body()).isEqualTo(export.body());
      JsonObject again = new JsonObject(copy.get("/api/pledges/successions/" + successor).body());
      assertThat(again.getJsonArray("dropped")).containsExactly(other);
      assertThat(again.getJsonArray("carriedOver").getJsonObject(0).getString("kind")).isEqualTo("PARTLY");
    }
  }

  @Test
  void successionNotesReachEveryExportAndDeletingASuccessionNeedsAdminAndIsAudited() {
    String successor = "fortschreibung-2022";
    assertThat(server.send("POST", "/api/pledges/import?name=" + successor
            + "&kind=COALITION_AGREEMENT&issuer=Koalition&stage=published", ADMIN, "text/markdown",
        "# Fortschreibung 2022\n\n## Glasfaser bis 2025\n\nDas Glasfasernetz wird bis 2025 fertig.\n").statusCode())
        .isEqualTo(201);
    String nextFibre = idOf(document(successor), "Glasfaser bis 2025");
    JsonObject coalition = document(COALITION);
    String fibre = idOf(coalition, "Ausbau des Glasfasernetzes");
    String paperless = idOf(coalition, "Papierlose Stadtverordnetenversammlung");
    assertThat(server.send("POST", "/api/pledges/successions", ADMIN, "application/json", new JsonObject()
        .put("predecessor", COALITION).put("successor", successor).put("effective", "2022-07-01").encode())
        .statusCode()).isEqualTo(201);
    String base = "/api/pledges/successions/" + successor + "/pledges/";
    assertThat(server.send("PUT", base + fibre, ADMIN, "application/json", new JsonObject().put("fate", "CARRIED_OVER")
        .put("successorPledgeId", nextFibre).put("note", "Frist 2025, \"verbindlich\"").encode()).statusCode()).isEqualTo(200);
    assertThat(server.send("PUT", base + paperless, ADMIN, "application/json", new JsonObject().put("fate", "DROPPED")
        .put("note", "umgesetzt <2022>").encode()).statusCode()).isEqualTo(200);

    String csv = server.get("/open-data/successions.csv").body();
    assertThat(csv).startsWith("vorgaenger,nachfolger,gilt_ab,punkt_vorher,punkt_nachher,art,notiz,lizenz\r\n")
        .contains(COALITION + "," + successor + ",2022-07-01," + fibre + "," + nextFibre + ",gleich,\"Frist 2025, \"\"verbindlich\"\"\"")
        .contains(paperless + ",,entfallen,umgesetzt <2022>,");
    assertThat(server.get("/open-data/pledges.md").body()).contains("# Nachfolge: ")
        .contains("Papierlose Stadtverordnetenversammlung → entfallen – umgesetzt \\<2022\\>");
    assertThat(server.get("/open-data/compare/" + PROGRAMME + "/" + COALITION + ".html").body())
        .contains("<h2>Nachfolge</h2>").contains("umgesetzt &lt;2022&gt;");
    String exported = server.get("/open-data/pledges.json").body();
    JsonObject notes = new JsonObject(exported).getJsonArray("successions").getJsonObject(0).getJsonObject("notes");
    assertThat(notes.getString(paperless)).isEqualTo("umgesetzt <2022>");
    try (PledgeTestServer copy = PledgeTestServer.start(dir.resolve("copy"), false)) {
      assertThat(copy.send("POST", "/api/pledges/import?stage=published", ADMIN, "application/json", exported)
          .statusCode()).isEqualTo(201);
      assertThat(copy.get("/open-data/pledges.json").body()).isEqualTo(exported);
      assertThat(copy.get("/open-data/successions.csv").body()).isEqualTo(csv);
    }

    String path = "/api/pledges/successions/" + successor;
    assertThat(server.send("DELETE", path, null, null, null).statusCode()).isEqualTo(401);
    assertThat(server.send("DELETE", path, CITIZEN, null, null).statusCode()).isEqualTo(403);
    assertThat(server.send("DELETE", path, MEMBER, null, null).statusCode()).isEqualTo(403);
    assertThat(server.get(path).statusCode()).isEqualTo(200);
    assertThat(server.send("DELETE", path, ADMIN, null, null).statusCode()).isEqualTo(204);
    assertThat(server.get(path).statusCode()).isEqualTo(404);
    assertThat(server.send("DELETE", path, ADMIN, null, null).statusCode()).isEqualTo(404);
    assertThat(server.get("/open-data/successions.csv").body().split("\r\n")).hasSize(1);

    HttpResponse<String> log = server.send("GET", path + "/log", MEMBER, null, null);
    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    List<String> actions = new ArrayList<>();
    JsonArray entries = new JsonObject(log.body()).getJsonArray("entries");
    entries.forEach(o -> {
      actions.add(((JsonObject) o).getString("action"));
      assertThat(((JsonObject) o).getString("actor")).isEqualTo("admin-1");
      assertThat(((JsonObject) o).getString("actorName")).isEqualTo("Admin-1");
      assertThat(Instant.parse(((JsonObject) o).getString("at"))).isNotNull();
    });
    // A signed-in citizen reads who acted by name only.
    HttpResponse<String> citizenLog = server.send("GET", path + "/log", CITIZEN, null, null);
    assertThat(citizenLog.body()).contains("\"actorName\":\"Admin-1\"").doesNotContain("admin-1");
    // Guests read the same log without the account id (personal data) and without a name.
    HttpResponse<String> guestLog = server.get(path + "/log");
    assertThat(guestLog.statusCode()).isEqualTo(200);
    assertThat(guestLog.body()).doesNotContain("admin-1").doesNotContain("Admin-1").contains("\"DELETED\"");
    assertThat(actions).containsExactly("DECLARED", "DECIDED", "DECIDED", "DELETED");
    JsonObject deleted = entries.getJsonObject(3).getJsonObject("succession");
    assertThat(deleted.getJsonObject("notes").getString(paperless)).isEqualTo("umgesetzt <2022>");
    assertThat(deleted.getJsonArray("dropped")).containsExactly(paperless);
    assertThat(server.get("/api/pledges/successions/not-there/log").statusCode()).isEqualTo(404);
  }
}
