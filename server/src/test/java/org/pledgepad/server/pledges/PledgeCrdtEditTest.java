package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.server.store.LoadedDocument;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.StoredUpdate;
import org.pledgepad.server.testing.Await;

/** Pledge ids live in the CRDT (heading attribute), so concurrent edits of titles and bodies keep them and their links. */
class PledgeCrdtEditTest {
  @TempDir
  Path dir;
  PledgeTestServer server;

  @BeforeEach
  void start() {
    server = PledgeTestServer.start(dir, false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Doc replica(String name) {
    LoadedDocument loaded = Await.result(server.store.load(name));
    Doc doc = new Doc();
    if (loaded.snapshot() != null) {
      Y.applyUpdate(doc, loaded.snapshot());
    }
    for (StoredUpdate u : loaded.tail()) {
      Y.applyUpdate(doc, u.update());
    }
    return doc;
  }

  /** Appends, as one stored edit, a level-2 heading carrying {@code pledgeId} (a pasted copy). */
  private void appendHeading(String name, String pledgeId, String title) {
    Doc d = replica(name);
    byte[] before = Y.encodeStateVector(d);
    YXmlFragment f = d.getXmlFragment("default");
    d.transact(tr -> {
      YXmlElement copy = new YXmlElement("heading");
      copy.setAttribute("level", 2L);
      copy.setAttribute("pledgeId", pledgeId);
      copy.insert(0, List.of(new YXmlText(title)));
      f.push(List.of(copy));
    });
    Await.result(server.store.append(name, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, before), "x", "x"))));
  }

  private static int headingIndex(YXmlFragment f, String pledgeId) {
    List<Object> nodes = f.toArray();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) instanceof YXmlElement el && pledgeId.equals(el.getAttribute("pledgeId"))) {
        return i;
      }
    }
    throw new AssertionError("no heading for " + pledgeId);
  }

  private static YXmlText textOf(YXmlFragment f, int index) {
    return (YXmlText) ((YXmlElement) f.get(index)).get(0);
  }

  @Test
  void concurrentTitleAndBodyEditsKeepThePledgeIdAndItsLinks() {
    List<String> ids = PledgeApiTest.importPair(server);
    String fibreA = ids.get(0);
    String fibreB = ids.get(2);
    HttpResponse<String> link = server.send("POST", "/api/pledges/links", PledgeApiTest.MEMBER, "application/json",
        new JsonObject().put("a", fibreA).put("b", fibreB).put("kind", "PARTLY").encode());
    assertThat(link.statusCode()).isEqualTo(201);

    Doc alice = replica("vertrag-b");
    Doc bob = replica("vertrag-b");
    byte[] before = Y.encodeStateVector(alice);
    YXmlFragment fa = alice.getXmlFragment("default");
    YXmlFragment fb = bob.getXmlFragment("default");
    int h = headingIndex(fa, fibreB);
    // Alice retitles the pledge; Bob, at the same time, rewrites its body and adds a heading above it.
    alice.transact(tr -> {
      YXmlText title = textOf(fa, h);
      title.delete(0, title.length());
      title.insert(0, "Glasfaser bis in jedes Haus");
    });
    bob.transact(tr -> {
      YXmlText body = textOf(fb, h + 1);
      body.insert(body.length(), " Bis 2026.");
      YXmlElement extra = new YXmlElement("heading");
      extra.setAttribute("level", 2L);
      extra.insert(0, List.of(new YXmlText("Neuer Abschnitt")));
      fb.insert(h, List.of(extra));
    });
    byte[] fromAlice = Y.encodeStateAsUpdate(alice, before);
    byte[] fromBob = Y.encodeStateAsUpdate(bob, before);
    Await.result(server.store.append("vertrag-b", List.of(new NewUpdate(fromAlice, "alice", "c1"))));
    Await.result(server.store.append("vertrag-b", List.of(new NewUpdate(fromBob, "bob", "c2"))));

    HttpResponse<String> r = server.get("/api/pledges/documents/vertrag-b");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject doc = new JsonObject(r.body());
    JsonObject pledge = doc.getJsonArray("pledges").getJsonObject(0);
    assertThat(pledge.getString("id")).isEqualTo(fibreB);
    assertThat(pledge.getString("title")).isEqualTo("Glasfaser bis in jedes Haus");
    assertThat(pledge.getString("body")).isEqualTo("Wir bauen das Glasfasernetz aus. Bis 2026.");
    assertThat(doc.getJsonArray("links")).hasSize(1);
    assertThat(doc.getJsonArray("links").getJsonObject(0).getString("b")).isEqualTo(fibreB);

    JsonObject cmp = new JsonObject(server.get("/api/pledges/compare?a=prog-a&b=vertrag-b").body());
    assertThat(cmp.getJsonArray("aligned")).hasSize(1);
    assertThat(cmp.getJsonArray("aligned").getJsonObject(0).getJsonObject("b").getString("title"))
        .isEqualTo("Glasfaser bis in jedes Haus");
  }

  @Test
  void aCopiedHeadingDoesNotStealThePledgeId() {
    List<String> ids = PledgeApiTest.importPair(server);
    appendHeading("prog-a", ids.get(0), "Kopie");
    JsonObject doc = new JsonObject(server.get("/api/pledges/documents/prog-a").body());
    assertThat(PledgeApiTest.titles(doc)).containsExactly("Glasfaser für alle", "Mehr Bänke");
  }

  @Test
  void aHeadingCopiedFromAnotherDocumentLeavesBothIndexesReadable() {
    // Copy and paste between two open documents keeps the heading's pledgeId attribute.
    List<String> ids = PledgeApiTest.importPair(server);
    appendHeading("vertrag-b", ids.get(0), "Glasfaser für alle (kopiert)");

    HttpResponse<String> list = server.get("/api/pledges/documents");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    HttpResponse<String> b = server.get("/api/pledges/documents/vertrag-b");
    assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
    assertThat(PledgeApiTest.titles(new JsonObject(b.body()))).containsExactly("Glasfaserausbau");
    JsonObject a = new JsonObject(server.get("/api/pledges/documents/prog-a").body());
    assertThat(PledgeApiTest.idOf(a, "Glasfaser für alle")).isEqualTo(ids.get(0));
    assertThat(server.get("/api/pledges/compare?a=prog-a&b=vertrag-b").statusCode()).isEqualTo(200);
    HttpResponse<String> open = server.get("/open-data/pledges.json");
    assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
  }

  /**
   * The id stays with the document that had it after its heading there is deleted: before, the
   * copy took it at its next refresh, with the original's links, and showed them as its own.
   */
  @Test
  void aCopiedHeadingDoesNotTakeTheIdWhenTheOriginalHeadingIsDeleted() {
    List<String> ids = PledgeApiTest.importPair(server);
    String fibreA = ids.get(0);
    String fibreB = ids.get(2);
    assertThat(server.send("POST", "/api/pledges/links", PledgeApiTest.MEMBER, "application/json",
        new JsonObject().put("a", fibreA).put("b", fibreB).put("kind", "SAME").encode()).statusCode()).isEqualTo(201);
    appendHeading("vertrag-b", fibreA, "Glasfaser für alle (kopiert)");

    assertThat(PledgeApiTest.titles(new JsonObject(server.get("/api/pledges/documents/vertrag-b").body())))
        .containsExactly("Glasfaserausbau");

    // The original heading is deleted, and its document's index read (refreshed) before the copy's.
    deleteHeading("prog-a", fibreA);
    JsonObject a = new JsonObject(server.get("/api/pledges/documents/prog-a").body());
    assertThat(PledgeApiTest.titles(a)).containsExactly("Mehr Bänke");
    appendHeading("vertrag-b", "noch-ein-punkt-q7x2kd", "Noch ein Punkt"); // any later edit refreshes the index

    JsonObject b = new JsonObject(server.get("/api/pledges/documents/vertrag-b").body());
    assertThat(PledgeApiTest.titles(b)).containsExactly("Glasfaserausbau", "Noch ein Punkt");
    List<String> idsOfB = new java.util.ArrayList<>();
    b.getJsonArray("pledges").forEach(p -> idsOfB.add(((JsonObject) p).getString("id")));
    assertThat(idsOfB).doesNotContain(fibreA);

    // Restored in its own document, the pledge is there again with its link.
    appendHeading("prog-a", fibreA, "Glasfaser für alle");
    a = new JsonObject(server.get("/api/pledges/documents/prog-a").body());
    assertThat(PledgeApiTest.idOf(a, "Glasfaser für alle")).isEqualTo(fibreA);
    JsonObject compared = new JsonObject(server.get("/api/pledges/compare?a=prog-a&b=vertrag-b").body());
    assertThat(compared.getJsonArray("aligned")).hasSize(1);
  }

  /** Deletes, as one stored edit, the heading carrying {@code pledgeId}. */
  private void deleteHeading(String name, String pledgeId) {
    Doc d = replica(name);
    byte[] before = Y.encodeStateVector(d);
    YXmlFragment f = d.getXmlFragment("default");
    int h = headingIndex(f, pledgeId);
    d.transact(tr -> f.delete(h, 1));
    Await.result(server.store.append(name, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, before), "x", "x"))));
  }

  @Test
  void aCommitMakesTheCachedComparisonStale() {
    List<String> ids = PledgeApiTest.importPair(server);
    String path = "/api/pledges/compare?a=prog-a&b=vertrag-b";
    String first = server.get(path).body();
    assertThat(server.get(path).body()).as("an unchanged pair answers the same").isEqualTo(first);
    assertThat(first).doesNotContain("Sprechende Ampeln an jeder Kreuzung");
    assertThat(new JsonObject(first).getJsonArray("aligned")).isEmpty();
    // Links are not cached: a new link shows in the next comparison of the unchanged texts.
    assertThat(server.send("POST", "/api/pledges/links", PledgeApiTest.MEMBER, "application/json",
        new JsonObject().put("a", ids.get(0)).put("b", ids.get(2)).put("kind", "SAME").encode()).statusCode()).isEqualTo(201);
    assertThat(new JsonObject(server.get(path).body()).getJsonArray("aligned")).hasSize(1);

    Doc d = replica("vertrag-b");
    byte[] before = Y.encodeStateVector(d);
    YXmlFragment f = d.getXmlFragment("default");
    int h = headingIndex(f, ids.get(2));
    d.transact(tr -> {
      YXmlText title = textOf(f, h);
      title.delete(0, title.length());
      title.insert(0, "Sprechende Ampeln an jeder Kreuzung");
    });
    Await.result(server.store.append("vertrag-b", List.of(new NewUpdate(Y.encodeStateAsUpdate(d, before), "x", "c"))));

    JsonObject after = new JsonObject(server.get(path).body());
    assertThat(after.getJsonObject("b").getJsonArray("pledges").getJsonObject(0).getString("title"))
        .isEqualTo("Sprechende Ampeln an jeder Kreuzung");
    // The suggestions were computed again from the new title: the fibre pledge lost its words.
    assertThat(after.getJsonObject("suggestions").encode()).isNotEqualTo(new JsonObject(first).getJsonObject("suggestions").encode());
  }
}
