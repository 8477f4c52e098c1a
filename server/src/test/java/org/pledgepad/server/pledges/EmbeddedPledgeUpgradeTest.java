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
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  private static <T> T await(io.vertx.core.Future<T> f) {
    return org.pledgepad.server.testing.Await.result(f);
  }
}
