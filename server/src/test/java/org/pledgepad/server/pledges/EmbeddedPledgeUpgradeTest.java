package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.pledges.model.Succession;

/** A pledges.sqlite written by the version-1 schema gains the succession log and keeps its data. */
class EmbeddedPledgeUpgradeTest {
  @TempDir
  Path dir;

  @Test
  void aVersion1FileIsUpgradedInPlace() throws Exception {
    Succession old = new Succession("alt-a", "neu-b", LocalDate.parse("2022-07-01"), List.of(), List.of("p-1"));
    JsonObject v1Body = new JsonObject(PledgeStore.encodeSuccession(old));
    v1Body.remove("notes");   // stored before notes existed
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(PledgeDb.EMBEDDED_FILE));
         Statement st = c.createStatement();
         InputStream in = PledgeDb.class.getResourceAsStream("/embedded/pledges-v1.sql")) {
      for (String stmt : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
        String body = stmt.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
        if (!body.isEmpty()) {
          st.execute(body);
        }
      }
      st.execute("PRAGMA user_version=1");
      st.execute("INSERT INTO pledge_successions (predecessor, successor, body) VALUES ('alt-a', 'neu-b', '"
          + v1Body.encode() + "')");   // fixed test data without quotes inside
    }
    try (PledgeTestServer s = PledgeTestServer.start(dir, false)) {
      assertThat(await(s.module.service().store().successionOf("neu-b"))).contains(old);
      assertThat(await(s.module.service().store().deleteSuccession("neu-b", "admin-1", java.time.Instant.EPOCH))).contains(old);
      assertThat(await(s.module.service().store().successionLog("neu-b"))).singleElement()
          .satisfies(e -> assertThat(e.action()).isEqualTo(SuccessionAction.DELETED));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(PledgeDb.EMBEDDED_FILE));
         Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(4);
    }
  }

  private static <T> T await(io.vertx.core.Future<T> f) {
    return org.pledgepad.server.testing.Await.result(f);
  }

  /** Pledges indexed before pledges-v4 are owned by their documents after the upgrade. */
  @Test
  void indexedPledgesAreOwnedByTheirDocumentsAfterVersion4() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(PledgeDb.EMBEDDED_FILE));
         Statement st = c.createStatement()) {
      for (int v = 1; v <= 3; v++) {
        org.pledgepad.server.store.EmbeddedScript.apply(st, "/embedded/pledges-v" + v + ".sql", v);
      }
      st.execute("INSERT INTO pledge_documents (document, title, issuer, kind, period, source_url, licence, chapter)"
          + " VALUES ('prog-y', 'Y', 'Partei', 'ELECTION_PROGRAMME', '', '', '', '')");
      st.execute("INSERT INTO pledges (id, document, position, title, body, chapter)"
          + " VALUES ('glasfaser-abc123', 'prog-y', 0, 'Glasfaser', '', '')");
    }
    try (PledgeTestServer s = PledgeTestServer.start(dir, false)) {
      assertThat(s).isNotNull(); // started: the upgrade ran
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(PledgeDb.EMBEDDED_FILE));
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT id, document FROM pledge_id_owners")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("glasfaser-abc123");
      assertThat(rs.getString(2)).isEqualTo("prog-y");
      assertThat(rs.next()).isFalse();
    }
  }

  /** Both directions of a pair, stored before pledges-v3: the upgrade keeps the older link. */
  @Test
  void bothDirectionsOfAPairStoredBeforeVersion3KeepTheOlderLink() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(PledgeDb.EMBEDDED_FILE));
         Statement st = c.createStatement()) {
      org.pledgepad.server.store.EmbeddedScript.apply(st, "/embedded/pledges-v1.sql", 1);
      org.pledgepad.server.store.EmbeddedScript.apply(st, "/embedded/pledges-v2.sql", 2);
      // The newer link sorts first as text ('.' < 'Z'): the upgrade must compare times, not strings.
      st.execute("INSERT INTO pledge_links (id, a, b, kind, created_by, created_at, origin) VALUES"
          + " ('b-older', 'y-punkt', 'x-punkt', 'PARTLY', 'rat-1', '2026-11-30T07:00:00Z', 'MANUAL'),"
          + " ('a-newer', 'x-punkt', 'y-punkt', 'SAME', 'rat-2', '2026-11-30T07:00:00.250Z', 'MANUAL'),"
          + " ('c-other', 'x-punkt', 'z-punkt', 'SAME', 'rat-1', '2026-11-30T08:00:00Z', 'MANUAL')");
    }
    try (PledgeTestServer s = PledgeTestServer.start(dir, false)) {
      assertThat(await(s.module.service().store().links())).extracting(StoredLink::id).containsExactly("b-older", "c-other");
      assertThat(await(s.module.service().store().addLink(new org.pledgepad.pledges.model.PledgeLink("z-punkt", "x-punkt",
          org.pledgepad.pledges.model.LinkKind.SAME, "rat-1", java.time.Instant.EPOCH,
          org.pledgepad.pledges.model.LinkOrigin.MANUAL)))).isEmpty();
    }
  }
}
