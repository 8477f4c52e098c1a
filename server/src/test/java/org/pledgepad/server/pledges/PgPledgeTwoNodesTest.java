package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.pledges.export.JsonExport;
import org.pledgepad.pledges.export.LicenceInfo;
import org.pledgepad.pledges.export.OpenDataBundle;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.LinkOrigin;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.server.testing.Await;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.TestDatabase;

/**
 * Two server nodes on one PostgreSQL database (review 2026-11-30, pledges items 11 and 12). Each
 * node runs its pledge SQL on its own connection, so writes of the two really overlap. The overlap
 * is made certain, not left to timing: a third connection holds a table lock that lets the reads
 * of both requests pass and stops their inserts, and is released only once both wait for it
 * (pg_stat_activity). Each test gets its own database next to the test database.
 */
class PgPledgeTwoNodesTest {
  static final String MEMBER = PledgeApiTest.MEMBER;
  static final String MODERATOR = "MODERATOR mod-1";

  @TempDir
  Path dirA;
  @TempDir
  Path dirB;
  private DatabaseUrl admin;
  private String database;
  private String url;
  private PledgeTestServer nodeA;
  private PledgeTestServer nodeB;

  @BeforeEach
  void createDatabase() {
    admin = TestDatabase.require();
    database = "pledgepad_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(admin.jdbcUrl(), "CREATE DATABASE " + database);
    url = "postgresql://" + admin.user() + (admin.password() == null || admin.password().isEmpty() ? "" : ":" + admin.password())
        + "@" + admin.host() + ":" + admin.port() + "/" + database;
  }

  /** Node A on the system clock, node B with a clock one hour behind. */
  private void startNodes() {
    nodeA = PledgeTestServer.start(Map.of("DATA_DIR", dirA.toString(), "DATABASE_URL", url), true, Clock.systemUTC());
    nodeB = PledgeTestServer.start(Map.of("DATA_DIR", dirB.toString(), "DATABASE_URL", url), false,
        Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
  }

  @AfterEach
  void stopAndDrop() {
    for (PledgeTestServer n : new PledgeTestServer[] {nodeA, nodeB}) {
      if (n != null) {
        n.close();
      }
    }
    execute(admin.jdbcUrl(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void onePairLinkedInBothDirectionsOnTwoNodesAtOnceIsStoredOnce() throws Exception {
    startNodes();
    List<String> ids = PledgeApiTest.importPair(nodeA);
    String xy = new JsonObject().put("a", ids.get(0)).put("b", ids.get(2)).put("kind", "SAME").encode();
    String yx = new JsonObject().put("a", ids.get(2)).put("b", ids.get(0)).put("kind", "PARTLY").encode();
    List<Integer> codes = atOnce("LOCK TABLE pledge_links IN SHARE MODE",
        () -> nodeA.sendAsync("POST", "/api/pledges/links", MEMBER, "application/json", xy),
        () -> nodeB.sendAsync("POST", "/api/pledges/links", MEMBER, "application/json", yx));
    assertThat(codes).containsExactlyInAnyOrder(201, 409);
    assertThat(count("SELECT count(*) FROM pledge_links")).isEqualTo(1);
  }

  @Test
  void theSamePairLinkedTwiceOnTwoNodesAtOnceAnswers409NotAStorageFailure() throws Exception {
    startNodes();
    List<String> ids = PledgeApiTest.importPair(nodeA);
    String xy = new JsonObject().put("a", ids.get(0)).put("b", ids.get(2)).put("kind", "SAME").encode();
    List<Integer> codes = atOnce("LOCK TABLE pledge_links IN SHARE MODE",
        () -> nodeA.sendAsync("POST", "/api/pledges/links", MEMBER, "application/json", xy),
        () -> nodeB.sendAsync("POST", "/api/pledges/links", MEMBER, "application/json", xy));
    assertThat(codes).containsExactlyInAnyOrder(201, 409);
    assertThat(count("SELECT count(*) FROM pledge_links")).isEqualTo(1);
  }

  /**
   * Node A's change takes the next seq and then waits (its evidence insert is held); node B, whose
   * clock is an hour behind, read the track before A committed and takes the same seq. Both must
   * be stored, B's after A's and not dated before it: B has to read the track again in its own
   * transaction once A committed.
   */
  @Test
  void twoModeratorsOnTwoNodesAtOnceBothSucceedAndTheHistoryStaysInTimeOrder() throws Exception {
    startNodes();
    List<String> ids = PledgeApiTest.importPair(nodeA);
    String pledge = ids.get(0);
    String first = "{\"status\":\"IN_ARBEIT\",\"note\":\"Ausschreibung\","
        + "\"evidence\":{\"date\":\"2026-11-01\",\"text\":\"Beschluss\",\"link\":\"\"}}";
    String second = "{\"status\":\"UMGESETZT\",\"note\":\"fertig\"}";
    List<Integer> codes = atOnce("LOCK TABLE pledge_evidence IN SHARE MODE",
        () -> nodeA.sendAsync("PUT", "/api/pledges/" + pledge + "/status", MODERATOR, "application/json", first),
        () -> nodeB.sendAsync("PUT", "/api/pledges/" + pledge + "/status", MODERATOR, "application/json", second));
    assertThat(codes).containsExactly(200, 200);
    JsonObject doc = new JsonObject(nodeB.send("GET", "/api/pledges/documents/prog-a", MODERATOR, null, null).body());
    JsonObject p = doc.getJsonArray("pledges").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("id").equals(pledge)).findFirst().orElseThrow();
    JsonArray history = p.getJsonArray("statusHistory");
    assertThat(history).hasSize(2);
    assertThat(history.getJsonObject(0).getString("status")).isEqualTo("IN_ARBEIT");
    assertThat(history.getJsonObject(1).getString("status")).isEqualTo("UMGESETZT");
    assertThat(Instant.parse(history.getJsonObject(1).getString("at")))
        .isAfterOrEqualTo(Instant.parse(history.getJsonObject(0).getString("at")));
    assertThat(p.getString("status")).isEqualTo("UMGESETZT");
  }

  /** Both imports find the name free; the document store's create-if-absent lets one of them take it. */
  @Test
  void twoImportsOfOneNameOnTwoNodesAtOnceCreateOneDocument() throws Exception {
    startNodes();
    String path = "/api/pledges/import?name=gleicher-name&kind=ELECTION_PROGRAMME&stage=draft";
    List<Integer> codes = atOnce("LOCK TABLE documents IN SHARE MODE",
        () -> nodeA.sendAsync("POST", path, PledgeApiTest.ADMIN, "text/markdown", "# Erstes\n\n## Radwege\n\nMehr Radwege.\n"),
        () -> nodeB.sendAsync("POST", path, PledgeApiTest.ADMIN, "text/markdown", "# Zweites\n\n## Bänke\n\nMehr Bänke.\n"));
    assertThat(codes).containsExactlyInAnyOrder(201, 409);
    JsonObject doc = new JsonObject(nodeB.send("GET", "/api/pledges/documents/gleicher-name", PledgeApiTest.ADMIN, null, null).body());
    assertThat(PledgeApiTest.titles(doc)).containsExactly(codes.get(0) == 201 ? "Radwege" : "Bänke");
    assertThat(count("SELECT count(*) FROM document_updates WHERE document = 'gleicher-name'")).isEqualTo(1);
  }

  /**
   * Item 13: node A imports a file of two documents, node B one of the second name at the same
   * time, and B takes that name first. The test's connection plays the moment of overlap: it has
   * inserted A's first name without committing, so A's check finds both names free and A's
   * create-if-absent of the first name waits; meanwhile B's import completes; the test rolls back,
   * A takes the first name and loses the second. A must leave nothing behind (before: the first
   * document stayed, without the file's link).
   */
  @Test
  void anImportThatLosesItsSecondNameToAnotherNodeLeavesNothingBehind() throws Exception {
    startNodes();
    PledgeDocument first = new PledgeDocument("datei-eins", "Eins", "Fraktion", DocumentKind.MOTION, "", "", "", "",
        List.of(), List.of(new Pledge("radwege-aaaaaa", "Radwege", "Mehr Radwege.", "", List.of())));
    PledgeDocument second = new PledgeDocument("datei-zwei", "Zwei", "Fraktion", DocumentKind.MOTION, "", "", "", "",
        List.of(), List.of(new Pledge("baenke-bbbbbb", "Bänke", "Mehr Bänke.", "", List.of())));
    String file = JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"), List.of(first, second),
        List.of(new PledgeLink("radwege-aaaaaa", "baenke-bbbbbb", LinkKind.RELATED, "", Instant.parse("2026-01-01T00:00:00Z"),
            LinkOrigin.MANUAL)), List.of(), List.of()));
    java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> fromB = new java.util.concurrent.atomic.AtomicReference<>();
    CompletableFuture<HttpResponse<String>> a = heldBy(
        "INSERT INTO documents (name, title, kind, stage) VALUES ('datei-eins', 'x', 'motion', 'draft')",
        () -> nodeA.sendAsync("POST", "/api/pledges/import?stage=draft", PledgeApiTest.ADMIN, "application/json", file),
        () -> fromB.set(nodeB.send("POST", "/api/pledges/import?name=datei-zwei&kind=MOTION&stage=draft", PledgeApiTest.ADMIN,
            "text/markdown", "# Anderes\n\n## Parkplätze\n\nMehr Parkplätze.\n")));
    HttpResponse<String> b = fromB.get();
    assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
    HttpResponse<String> lost = a.get(30, TimeUnit.SECONDS);
    assertThat(lost.statusCode()).as(lost.body()).isEqualTo(409);
    assertThat(count("SELECT count(*) FROM documents WHERE name = 'datei-eins'")).isZero();
    assertThat(count("SELECT count(*) FROM pledge_documents WHERE document = 'datei-eins'")).isZero();
    assertThat(count("SELECT count(*) FROM pledges WHERE id IN ('radwege-aaaaaa', 'baenke-bbbbbb')")).isZero();
    assertThat(count("SELECT count(*) FROM pledge_links")).isZero();
    JsonObject other = new JsonObject(nodeA.send("GET", "/api/pledges/documents/datei-zwei", PledgeApiTest.ADMIN, null, null).body());
    assertThat(PledgeApiTest.titles(other)).containsExactly("Parkplätze");
    // The name is free again for the file.
    HttpResponse<String> again = nodeA.send("POST", "/api/pledges/import?stage=draft", PledgeApiTest.ADMIN, "application/json",
        JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"), List.of(first), List.of(), List.of(), List.of())));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
  }

  /**
   * Item 13: two files of different names carrying the same pledge ids, imported on two nodes at
   * once; both checks find the ids free (the index is held by a table lock until both wait). One
   * import gets the ids, the other answers 409 and leaves no document (before: both 201, the
   * second document's headings plain).
   */
  @Test
  void twoImportsOfTheSamePledgeIdsUnderDifferentNamesOnTwoNodesAtOnceCreateOneDocument() throws Exception {
    startNodes();
    List<Pledge> pledges = List.of(new Pledge("radwege-aaaaaa", "Radwege", "Mehr Radwege.", "", List.of()),
        new Pledge("baenke-bbbbbb", "Bänke", "Mehr Bänke.", "", List.of()));
    java.util.function.Function<String, String> file = name -> JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"),
        List.of(new PledgeDocument(name, name, "Fraktion", DocumentKind.MOTION, "", "", "", "", List.of(), pledges)),
        List.of(), List.of(), List.of()));
    List<Integer> codes = atOnce("LOCK TABLE pledges IN SHARE MODE",
        () -> nodeA.sendAsync("POST", "/api/pledges/import?stage=draft", PledgeApiTest.ADMIN, "application/json", file.apply("kopie-a")),
        () -> nodeB.sendAsync("POST", "/api/pledges/import?stage=draft", PledgeApiTest.ADMIN, "application/json", file.apply("kopie-b")));
    assertThat(codes).containsExactlyInAnyOrder(201, 409);
    String winner = codes.get(0) == 201 ? "kopie-a" : "kopie-b";
    String loser = codes.get(0) == 201 ? "kopie-b" : "kopie-a";
    assertThat(count("SELECT count(*) FROM documents WHERE name = '" + loser + "'")).isZero();
    assertThat(count("SELECT count(*) FROM pledge_documents WHERE document = '" + loser + "'")).isZero();
    assertThat(count("SELECT count(*) FROM pledges WHERE document = '" + winner + "'")).isEqualTo(2);
    JsonObject doc = new JsonObject(nodeB.send("GET", "/api/pledges/documents/" + winner, PledgeApiTest.ADMIN, null, null).body());
    assertThat(PledgeApiTest.idOf(doc, "Radwege")).isEqualTo("radwege-aaaaaa");
  }

  /**
   * Item 13: between taking its pledge ids and appending its text, an import's document is empty.
   * A read of it on the other node then must not index that empty text: it would drop the ids
   * from the index and free them for another import (the append is held by a table lock here).
   */
  @Test
  void aReadOfAnImportedDocumentBeforeItsTextIsWrittenKeepsItsPledgeIds() throws Exception {
    startNodes();
    String file = JsonExport.write(new OpenDataBundle(LicenceInfo.dlDeBy20("x"), List.of(new PledgeDocument("halb-fertig",
        "Halb", "Fraktion", DocumentKind.MOTION, "", "", "", "", List.of(),
        List.of(new Pledge("radwege-aaaaaa", "Radwege", "Mehr Radwege.", "", List.of())))), List.of(), List.of(), List.of()));
    CompletableFuture<HttpResponse<String>> a = heldBy("LOCK TABLE document_updates IN SHARE MODE",
        () -> nodeA.sendAsync("POST", "/api/pledges/import?stage=draft", PledgeApiTest.ADMIN, "application/json", file),
        () -> {
          HttpResponse<String> read = nodeB.send("GET", "/api/pledges/documents/halb-fertig", PledgeApiTest.ADMIN, null, null);
          assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
          try {
            assertThat(count("SELECT count(*) FROM pledges WHERE document = 'halb-fertig'")).isEqualTo(1);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(a.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    JsonObject doc = new JsonObject(nodeB.send("GET", "/api/pledges/documents/halb-fertig", PledgeApiTest.ADMIN, null, null).body());
    assertThat(PledgeApiTest.idOf(doc, "Radwege")).isEqualTo("radwege-aaaaaa");
  }

  /**
   * Item 14: node B has read the document (and keeps that reading for up to 30 s); node A rewrites
   * its metadata. B must show the new issuer long before its reading expires, because A's write
   * notified it; the wait is a third of the expiry, so the expiry alone cannot pass it.
   */
  @Test
  void metadataWrittenOnOneNodeIsSeenOnTheOtherBeforeItsCacheExpires() {
    startNodes();
    nodeA.followOtherNodes();
    nodeB.followOtherNodes();
    PledgeApiTest.importPair(nodeA);
    assertThat(issuerOnB("prog-a")).isEqualTo("Partei");
    PledgeDocument stored = Await.result(nodeA.module.service().store().document("prog-a")).orElseThrow();
    Await.result(nodeA.module.service().putMetadata(new PledgeDocument(stored.id(), stored.title(), "Partei Kassel",
        stored.kind(), stored.period(), stored.sourceUrl(), stored.licence(), stored.chapter(), stored.preamble(),
        stored.pledges())));
    Eventually.within(PledgeService.MAX_AGE_MILLIS / 3, "node B shows the issuer node A wrote",
        () -> issuerOnB("prog-a").equals("Partei Kassel"));
  }

  private String issuerOnB(String document) {
    HttpResponse<String> r = nodeB.send("GET", "/api/pledges/documents/" + document, PledgeApiTest.ADMIN, null, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getString("issuer");
  }

  /**
   * Holds {@code lock} in a transaction of its own, sends the first request and waits until it is
   * stopped, then the second, and releases the lock once both wait; the status codes in order.
   */
  private List<Integer> atOnce(String lock, java.util.function.Supplier<CompletableFuture<HttpResponse<String>>> one,
      java.util.function.Supplier<CompletableFuture<HttpResponse<String>>> two) throws Exception {
    CompletableFuture<HttpResponse<String>> a;
    CompletableFuture<HttpResponse<String>> b;
    try (Connection c = DriverManager.getConnection(jdbc(), admin.user(), admin.password());
         Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute(lock);
      a = one.get();
      awaitWaiting(1);
      b = two.get();
      awaitWaiting(2);
      c.commit();
    }
    return List.of(a.get(30, TimeUnit.SECONDS).statusCode(), b.get(30, TimeUnit.SECONDS).statusCode());
  }

  /**
   * Runs {@code sql} in a transaction of its own, sends {@code first} and waits until it is stopped
   * by that transaction, runs {@code meanwhile}, then rolls the transaction back; {@code first}'s answer.
   */
  private CompletableFuture<HttpResponse<String>> heldBy(String sql,
      java.util.function.Supplier<CompletableFuture<HttpResponse<String>>> first, Runnable meanwhile) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc(), admin.user(), admin.password());
         Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute(sql);
      CompletableFuture<HttpResponse<String>> a = first.get();
      awaitWaiting(1);
      meanwhile.run();
      c.rollback();
      return a;
    }
  }

  /** Waits until {@code n} sessions of this test's database wait for a lock. */
  private void awaitWaiting(int n) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
           PreparedStatement ps = c.prepareStatement(
               "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'")) {
        ps.setString(1, database);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= n) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(n + " requests never waited for the lock");
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc(), admin.user(), admin.password());
         Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String jdbc() {
    return ConfigLoader.load(Map.of("DATABASE_URL", url)).databaseUrl().orElseThrow().jdbcUrl();
  }

  private void execute(String jdbcUrl, String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, admin.user(), admin.password());
         Statement st = c.createStatement()) {
      st.execute(sql);   // database names are generated above, never input
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
